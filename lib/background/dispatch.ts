import "server-only";
import { handoff } from "@/lib/background/handoff";

// How a queued background job gets started (lib/background/handoff.ts). Without a scheduler the
// job waits for the sweep, which also picks up any job whose start was lost.
const jobs = handoff("portal.background.jobStarter");

export const setJobStarter = jobs.register;

export async function startJob(jobId: string): Promise<void> {
  await jobs.handOver(jobId);
}
