// The load side of one measurement, run as its own process on the core the server does not use:
// autocannon keeps every response's latency here so that p95 is exact (its own summary has
// p90 and p97.5 but no p95). Prints one Drive as JSON.
import autocannon from "autocannon";
import { percentile } from "../report/percentiles";

export type DriveRequest = { url: string; connections: number; seconds: number; headers: Record<string, string> };
export type Drive = { responses: number; reqPerSec: number; p50: number; p95: number; p99: number; failures: number };

const request = JSON.parse(process.argv[2] ?? "{}") as DriveRequest;
const latencies: number[] = [];
let failures = 0;

const instance = autocannon(
  { url: request.url, connections: request.connections, duration: request.seconds, headers: request.headers },
  (error, result) => {
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
  },
);
instance.on("response", (_client, statusCode, _bytes, responseTime) => {
  latencies.push(responseTime);
  // A redirect (an expired session sends to /login) or an error page is not the page measured.
  if (statusCode !== 200) failures += 1;
});
