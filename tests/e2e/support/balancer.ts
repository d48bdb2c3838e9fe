import http from "node:http";

// A load balancer in front of two app servers, as production has, that the test steers: page
// loads (GET, HEAD) go to one server and everything that changes something (server actions,
// sign-in, uploads) to the other, so a form rendered by one server is posted to the other.
// It passes the Host header through, as a proxy that keeps the public host name does.

export type Backend = "a" | "b";
type Kind = "pages" | "actions";

export type Balancer = {
  /** Which server gets page loads and which gets the rest, from now on. */
  steer(route: Record<Kind, Backend>): void;
  /** How many requests of each kind each server has answered (server actions counted apart). */
  served(): Record<Backend, Record<Kind | "serverActions", number>>;
  close(): Promise<void>;
};

export async function startBalancer(port: number, ports: Record<Backend, number>): Promise<Balancer> {
  let route: Record<Kind, Backend> = { pages: "a", actions: "b" };
  const served = { a: { pages: 0, actions: 0, serverActions: 0 }, b: { pages: 0, actions: 0, serverActions: 0 } };
  const server = http.createServer((req, res) => {
    const kind: Kind = req.method === "GET" || req.method === "HEAD" ? "pages" : "actions";
    const to = route[kind];
    served[to][kind] += 1;
    if (req.headers["next-action"]) served[to].serverActions += 1;
    const upstream = http.request({ host: "127.0.0.1", port: ports[to], method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return {
    steer: (next) => (route = next),
    served: () => structuredClone(served),
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
