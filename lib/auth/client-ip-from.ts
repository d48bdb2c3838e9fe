/**
 * The client's address as the trusted proxies in front of the portal saw it. Each proxy appends
 * the address it received the request from to X-Forwarded-For, so the entry `hops` from the
 * right is the last one no client could have written; entries to its left are the client's own
 * claims and are ignored. (Without a proxy, `next start` sets the header to the socket's address
 * when the client sent none.)
 */
export function clientIpFrom(forwardedFor: string | null, hops: number): string | null {
  const chain = (forwardedFor ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  return chain.length ? (chain[Math.max(0, chain.length - Math.max(1, hops))] ?? null) : null;
}
