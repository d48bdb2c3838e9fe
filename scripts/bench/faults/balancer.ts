// The fault run's load balancer: round robin over the app servers, as production has it. A server
// that refuses the connection is taken out for a while; a page load (GET, HEAD: idempotent) that
// could not reach its server, or was cut off before its answer began, is tried once on the next;
// anything else is answered 502 with `x-balancer: unreachable` when it never reached a server, or
// has its connection dropped when the server took it and died, and is left to the client (the
// server may have done it).
import http from "node:http";

/** Per server: connections refused or failed before an answer began, and answers cut off mid-way. */
export type BalancerCounts = { forwarded: number; retried: number; unreachable: Record<string, number>; cut: Record<string, number> };
export type Balancer = { counts(): BalancerCounts; close(): Promise<void> };

const DOWN_FOR_MS = 2000;

export async function startBalancer(port: number, backends: number[]): Promise<Balancer> {
  const downUntil = new Map<number, number>();
  const perServer = () => Object.fromEntries(backends.map((b) => [String(b), 0]));
  const counts: BalancerCounts = { forwarded: 0, retried: 0, unreachable: perServer(), cut: perServer() };
  let next = 0;
  const pick = (exclude?: number): number | undefined => {
    const now = Date.now();
    for (let i = 0; i < backends.length; i += 1) {
      const candidate = backends[(next + i) % backends.length]!;
      if (candidate === exclude || (downUntil.get(candidate) ?? 0) > now) continue;
      next = (next + i + 1) % backends.length;
      return candidate;
    }
    return undefined;
  };

  const server = http.createServer((req, res) => {
    const idempotent = req.method === "GET" || req.method === "HEAD";
    const body: Buffer[] = [];
    req.on("data", (chunk: Buffer) => body.push(chunk));
    req.on("end", () => forward(pick(), false));

    function forward(to: number | undefined, retry: boolean): void {
      if (to === undefined) return refuse();
      counts.forwarded += 1;
      if (retry) counts.retried += 1;
      const upstream = http.request({ host: "127.0.0.1", port: to, method: req.method, path: req.url, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        // A server killed mid-answer cuts the body: the client sees the broken response.
        const cut = () => {
          counts.cut[String(to)] = (counts.cut[String(to)] ?? 0) + 1;
          res.destroy();
        };
        answer.on("aborted", cut);
      });
      upstream.on("error", (error: NodeJS.ErrnoException) => {
        if (res.headersSent) return;
        // Taken and never answered (the server was killed while working on it), or never taken.
        const cut = error.code === "ECONNRESET" || error.code === "EPIPE" || /socket hang up/.test(error.message);
        const tally = cut ? counts.cut : counts.unreachable;
        tally[String(to)] = (tally[String(to)] ?? 0) + 1;
        if (error.code === "ECONNREFUSED") downUntil.set(to, Date.now() + DOWN_FOR_MS);
        // A page load may be asked of another server; anything else is the client's to retry.
        if (idempotent && !retry) return forward(pick(to), true);
        if (cut) return res.destroy();
        refuse();
      });
      upstream.end(Buffer.concat(body));
    }
    function refuse(): void {
      res.writeHead(502, { "content-type": "text/plain", "x-balancer": "unreachable" });
      res.end("no app server reachable");
    }
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    counts: () => structuredClone(counts),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
