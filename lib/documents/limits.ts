// Shared by the server checks and the uploader in the browser (no server-only imports here).

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** For <input type="file" accept>: a hint to the file picker only; the server checks the bytes. */
export const DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";
