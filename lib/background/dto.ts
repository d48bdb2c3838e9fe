import type { Words } from "@/lib/i18n/words";
import type { BackgroundJobKind, BackgroundJobStatus } from "@/lib/generated/prisma/enums";

/** A background job as its owner's pages read it. `result` is the kind's own outcome (worded by its page). */
export type BackgroundJobDto = {
  id: string;
  kind: BackgroundJobKind;
  status: BackgroundJobStatus;
  done: number;
  total: number | null;
  input: unknown;
  result: unknown;
  error: Words | null;
  attempts: number;
  queuedAt: Date;
  finishedAt: Date | null;
};

export const isFinished = (status: BackgroundJobStatus): boolean => status === "DONE" || status === "FAILED";
