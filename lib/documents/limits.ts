// Shared by the server checks and the uploader in the browser (no server-only imports here).

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

/** Pages of one document (each a file: a phone photo of each page, taken at the desk). */
export const MAX_DOCUMENT_PAGES = 20;

/** For <input type="file" accept>: a hint to the file picker only; the server checks the bytes. */
export const DOCUMENT_ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png";

/** The camera's input on phones (`capture="environment"`): photos or a PDF from a scanning app. */
export const CAMERA_ACCEPT = "image/*,application/pdf";
