// Display helpers shared by server and client components (no server-only imports here).

/** 38 500 millionths → "3.85%" (exact: integer arithmetic on the millionths). */
export function formatRateMicros(micros: number): string {
  const whole = Math.floor(micros / 10_000);
  const fraction = String(micros % 10_000).padStart(4, "0").replace(/0+$/, "");
  return `${whole}${fraction ? `.${fraction}` : ""}%`;
}

export const formatPeriod = (start: string, end: string): string => `${start.replaceAll("-", ".")}–${end.replaceAll("-", ".")}`;
