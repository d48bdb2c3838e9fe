// Every download the portal serves (PDFs, CSV, XLSX, documents) names its file the same way.

// RFC 8187: what encodeURIComponent leaves alone but attr-char does not allow.
const encodeRfc8187 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment` or `inline`, with an ASCII fallback name and the real one in UTF-8. */
export function contentDisposition(kind: "attachment" | "inline", fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 ? fileName.slice(dot).replace(/[^A-Za-z0-9.]/g, "") : "";
  const fallback = `document${extension}`;
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

/** A file to save, private to the signed-in user and never cached or sniffed; a stream is sent as it is written. */
export function attachmentResponse(body: Uint8Array | string | ReadableStream<Uint8Array>, fileName: string, contentType: string): Response {
  return new Response(typeof body === "string" || body instanceof ReadableStream ? body : new Uint8Array(body), {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": contentDisposition("attachment", fileName),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
