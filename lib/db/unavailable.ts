// A request that failed because the database could not be reached or dropped the connection
// (a restart, a failover, a full pool) did nothing: its transaction never committed. The reader
// is told to try again (AppError code UNAVAILABLE, 503) instead of "something went wrong".

import { withUnavailableDigest } from "@/lib/errors";

// Prisma's own codes: cannot reach the server, timed out, connection closed, pool timeout,
// a transaction that could not start in time.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (shutdown, crash, cannot
// connect now), 53300 (too many connections).
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123]|53300)$/;
// The driver adapter's kinds for the same conditions.
const KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT"]);
// node-postgres says it in words only, without a code, when its connection broke under a query.
const DRIVER_WORDS = /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect/;

type Cause = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: Cause } } };

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Cause | undefined, depth = 0; e && typeof e === "object" && depth < 6; e = e.cause as Cause | undefined, depth += 1) {
    const code = typeof e.code === "string" ? e.code : "";
    if (PRISMA_CODES.has(code) || SQLSTATE.test(code) || SOCKET_CODES.has(code)) return true;
    if (typeof e.kind === "string" && KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && DRIVER_WORDS.test(e.message)) return true;
    const adapter = e.meta?.driverAdapterError?.cause;
    if (adapter && isDatabaseUnavailable(adapter)) return true;
  }
  return false;
}

/**
 * Marks an error that means "the database could not be reached" with the digest the page's error
 * boundary recognises (app/error.tsx shows "try again"); any other error is left as it is.
 */
export function markUnavailable<E>(error: E): E {
  return isDatabaseUnavailable(error) ? withUnavailableDigest(error) : error;
}
