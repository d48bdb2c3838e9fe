import "server-only";
import { contentDisposition } from "@/lib/http/attachment";

// Helpers of the document route handlers: the request body read with a cap, and the download
// headers. Their errors leave through lib/http/route.ts like every route's.

/**
 * The request body, or null once it grows past `limit` bytes: a missing or false Content-Length
 * does not let a client stream an unbounded body into memory.
 */
export async function readBodyWithin(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** Headers for document bytes: the stored type, never sniffed, never cached, and inert if opened. */
export function downloadHeaders(doc: { fileName: string; mimeType: string; sizeBytes: number }, inline: boolean): Headers {
  return new Headers({
    "Content-Type": doc.mimeType,
    "Content-Length": String(doc.sizeBytes),
    "Content-Disposition": contentDisposition(inline ? "inline" : "attachment", doc.fileName),
    // Images are viewed inside a sandbox. Chrome refuses to show a PDF in a sandboxed document, and
    // its viewer runs the PDF in its own extension origin (never the portal's), so a PDF only gets
    // the lock-down without the sandbox flag.
    "Content-Security-Policy":
      doc.mimeType === "application/pdf"
        ? "default-src 'none'; object-src 'self'; img-src 'self'; style-src 'unsafe-inline'"
        : "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    "Cross-Origin-Resource-Policy": "same-origin",
  });
}
