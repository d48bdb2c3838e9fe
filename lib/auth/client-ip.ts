import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/env";
import { clientIpFrom } from "@/lib/auth/client-ip-from";

/** The client's address for this request (lib/auth/client-ip-from.ts says which entry is trusted). */
export async function clientIp(): Promise<string | null> {
  return clientIpFrom((await headers()).get("x-forwarded-for"), env.TRUSTED_PROXY_HOPS);
}
