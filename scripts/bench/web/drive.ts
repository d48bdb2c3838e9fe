// The load side of one measurement, run as its own process on the core the server does not use:
// autocannon keeps every response's latency here so that p95 is exact (its own summary has
// p90 and p97.5 but no p95). Reads one DriveRequest as JSON on stdin, prints one Drive as JSON.
import autocannon, { type Options } from "autocannon";
import { percentile } from "../report/percentiles";
import { isActionSuccess, type ActionReplay, type ActionSuccess } from "./action-replay";

export type DriveRequest = {
  url: string;
  connections: number;
  /** A time budget; ignored when `replays` are given (each is sent once). */
  seconds: number;
  headers: Record<string, string>;
  /** A POST of the same body every time (an action that consumes nothing). */
  body?: string;
  /** POSTs, each sent exactly once and in order across the connections (an action replayed on distinct cases). */
  replays?: ActionReplay[];
  /** What makes a replayed response a success of the action (else it counts as failed). */
  success?: ActionSuccess;
};
export type Drive = { responses: number; reqPerSec: number; p50: number; p95: number; p99: number; failures: number };

const request = JSON.parse(await new Response(process.stdin as unknown as ReadableStream).text()) as DriveRequest;
const latencies: number[] = [];
let failures = 0;
let next = 0;

const options: Options = { url: request.url, connections: request.connections, duration: request.seconds, headers: request.headers };
const { replays, success } = request;
// A 200 with the action's error state is not a success (a redirect to the login page is no 200).
const onResponse = success
  ? (status: number, body: string, _context: unknown, headers: Record<string, string | string[]>) => {
      if (status === 200 && !isActionSuccess(success, body, headers)) failures += 1;
    }
  : undefined;
if (replays) {
  options.amount = replays.length;
  options.requests = [{
    setupRequest: (req) => {
      const replay = replays[next++ % replays.length]!;
      return { ...req, method: "POST", path: replay.path, headers: { ...req.headers, ...replay.headers }, body: replay.body };
    },
    onResponse,
  }];
} else if (request.body !== undefined) {
  options.requests = [{ setupRequest: (req) => ({ ...req, method: "POST", body: request.body }), onResponse }];
}

const instance = autocannon(options, (error, result) => {
  if (error) throw error;
  const drive: Drive = {
    responses: latencies.length,
    reqPerSec: latencies.length / result.duration,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    failures: failures + result.errors + result.timeouts,
  };
  process.stdout.write(JSON.stringify(drive));
});
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  // A redirect (an expired session sends to /login) or an error page is not the page measured.
  if (statusCode !== 200) failures += 1;
});
