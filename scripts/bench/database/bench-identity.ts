// Identifiers for the applicants the benchmark prepares: distinct per number, and checksum-valid
// as the portal's own forms would require.
import { creditCodeCheckChar, idNumberCheckChar } from "@/lib/validation/identity";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The n-th prepared applicant's mobile, ID number (one person each) and enterprise credit code; n < 10,000,000. */
export function benchIdentity(n: number): { mobile: string; idNumber: string; creditCode: string } {
  const birth = new Date(Date.UTC(1970, 0, 1) + (n % 10_000) * DAY_MS).toISOString().slice(0, 10).replaceAll("-", "");
  const idFirst17 = `110105${birth}${String(Math.floor(n / 10_000) % 1000).padStart(3, "0")}`;
  const creditFirst17 = `91110105${String(n).padStart(9, "0")}`;
  return {
    mobile: `139${String(n).padStart(8, "0")}`,
    idNumber: idFirst17 + idNumberCheckChar(idFirst17),
    creditCode: creditFirst17 + creditCodeCheckChar(creditFirst17),
  };
}

