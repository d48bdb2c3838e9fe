import type { LicenceField } from "@/lib/ocr/licence-fields";

export type ReadingStatus = "QUEUED" | "RUNNING" | "DONE" | "FAILED";

/** Why a reading gave nothing: each code has its message under documents.reading.failure.* */
export const READING_FAILURES = ["IMAGE_UNREADABLE", "UNSUPPORTED_FORMAT", "NOT_A_LICENCE", "ENGINE_ERROR", "FILE_MISSING"] as const;
export type ReadingFailureCode = (typeof READING_FAILURES)[number];

/** What a reading noticed besides its proposals: messages under documents.reading.notice.* */
export type ReadingNotice = "CREDIT_CODE_CHECK_FAILED" | "FIELDS_MISSING";

export type ReadingProposals = { fields: Partial<Record<LicenceField, string>>; notices: ReadingNotice[] };

export type ReadingDto = {
  documentId: string;
  status: ReadingStatus;
  progress: number;
  failureCode: ReadingFailureCode | null;
  proposals: ReadingProposals | null;
};

export const isFinished = (status: ReadingStatus): boolean => status === "DONE" || status === "FAILED";
