// Runs one scheduled job once, by hand: `npm run job -- deadline-reminders [--now 2026-03-02T10:00:00+08:00]`.
// The reminders are claimed once each, so a run by hand never repeats what the scheduler sent.
import { JOBS, type JobName } from "@/lib/jobs/scheduler";
import { db } from "@/lib/db/client";

const [name, ...rest] = process.argv.slice(2);
if (!name || !(name in JOBS)) {
  console.error(`usage: run-job <${Object.keys(JOBS).join("|")}> [--now <ISO instant>]`);
  process.exit(2);
}
const at = rest.indexOf("--now");
const now = at >= 0 ? new Date(rest[at + 1] ?? "") : undefined;
if (now && Number.isNaN(now.getTime())) {
  console.error("--now needs an ISO instant");
  process.exit(2);
}
const job = JOBS[name as JobName];
// Jobs that tell time take `now` (the others ignore it).
const count = await (job.run as (now?: Date) => Promise<number>)(now);
console.log(JSON.stringify({ job: name, count }));
await db.$disconnect();
