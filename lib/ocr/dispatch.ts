import "server-only";
import { handoff } from "@/lib/background/handoff";

// How a queued reading gets started (lib/background/handoff.ts). Without a scheduler the reading
// waits for the sweep job, read-documents, which also picks up any reading whose start was lost.
const readings = handoff("portal.ocr.readingStarter");

export const setReadingStarter = readings.register;

export async function startReading(readingId: string): Promise<void> {
  await readings.handOver(readingId);
}
