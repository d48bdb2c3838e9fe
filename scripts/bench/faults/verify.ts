// After the faults: every acknowledged change is in the database, and the jobs run again.
import type pg from "pg";
import type { Acknowledged } from "./load";

/** The acknowledged changes the database does not hold (must be none). */
export async function lostWrites(sql: pg.Client, acknowledged: readonly Acknowledged[]): Promise<Acknowledged[]> {
  const notes = acknowledged.filter((a) => a.kind === "note");
  const steps = acknowledged.filter((a) => a.kind === "step");
  const { rows: noted } = await sql.query<{ note: string }>(
    `SELECT data->>'note' AS note FROM "AuditEvent" WHERE action = 'application.note_added' AND data->>'note' = ANY($1::text[])`,
    [notes.map((n) => n.note)],
  );
  const haveNotes = new Set(noted.map((r) => r.note));
  // A step is there when its audit event is, with the version it made, and so is its decision row
  // for a review step (the consistency check then holds the case's status to the last of them).
  const { rows: stepped } = await sql.query<{ key: string }>(
    `SELECT e."applicationId" || ' ' || e.action || ' ' || (e.data->>'version') AS key
       FROM "AuditEvent" e
      WHERE e.action IN ('application.returned', 'application.resubmitted') AND e."applicationId" = ANY($1::uuid[])
        AND (e.action <> 'application.returned' OR EXISTS (
          SELECT 1 FROM "ReviewDecision" d WHERE d."applicationId" = e."applicationId" AND d.action = 'RETURN' AND d."createdAt" BETWEEN e.at - interval '1 minute' AND e.at + interval '1 minute'))`,
    [[...new Set(steps.map((s) => s.applicationId))]],
  );
  const haveSteps = new Set(stepped.map((r) => r.key));
  return [
    ...notes.filter((n) => !haveNotes.has(n.note)),
    ...steps.filter((s) => !haveSteps.has(`${s.applicationId} application.${s.event} ${s.version}`)),
  ];
}

export type JobsAfter = { ticksAfter: number; completedAfter: number };

/** The every-minute mail job since `since`: its ticks sent (one a minute) and its runs completed. */
export async function mailJobsSince(sql: pg.Client, since: Date): Promise<JobsAfter> {
  const { rows } = await sql.query<JobsAfter>(
    `SELECT (SELECT count(*)::int FROM pgboss.job WHERE name = '__pgboss__send-it' AND singleton_key = 'deliver-mail' AND created_on > $1) AS "ticksAfter",
            (SELECT count(*)::int FROM pgboss.job WHERE name = 'deliver-mail' AND state = 'completed' AND created_on > $1) AS "completedAfter"`,
    [since],
  );
  return rows[0]!;
}
