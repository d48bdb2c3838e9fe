// What a bank's statement file may be. Kept apart from the zod schemas: the upload form imports
// these in the browser, and zod in a client bundle probes `Function("")`, which the portal's
// Content-Security-Policy (no 'unsafe-eval') reports as a violation.

/** The upload cap: a quarter of a large bank's loans fits easily, and the action's body limit is 12 MB. */
export const MAX_STATEMENT_BYTES = 11 * 1024 * 1024;
export const STATEMENT_ACCEPT = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
