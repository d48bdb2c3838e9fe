// What a batch PDFs job stores as its result: the archive it made (in the object store) and what
// is inside. The batch id is its input.

export type BatchPdfsInput = { batchId: string };
export type BatchPdfsResult = { storageKey: string; fileName: string; files: number; statements: number };

export const isBatchPdfsInput = (value: unknown): value is BatchPdfsInput =>
  typeof value === "object" && value !== null && typeof (value as BatchPdfsInput).batchId === "string";

export const isBatchPdfsResult = (value: unknown): value is BatchPdfsResult =>
  typeof value === "object" && value !== null && typeof (value as BatchPdfsResult).storageKey === "string" && typeof (value as BatchPdfsResult).fileName === "string";
