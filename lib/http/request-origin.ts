import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";

/** The portal's origin for links in e-mails: the configured public origin, else this request's own. */
export async function requestOrigin(): Promise<string> {
  if (env.PUBLIC_ORIGIN) return env.PUBLIC_ORIGIN;
  const h = await headers();
  const proto = h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${h.get("host") ?? "localhost"}`;
}
