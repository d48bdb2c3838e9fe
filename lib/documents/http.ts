import "server-only";
import { contentDisposition } from "@/lib/http/attachment";
import { randomUUID } from "node:crypto";
import { isAppError, type AppErrorCode } from "@/lib/errors";
import { logger } from "@/lib/logger";

// Helpers of the document route handlers: JSON answers, the request body read with a cap, and
// the download headers.

export type UploadAnswer = { ok: false; message: string };

export const jsonError = (status: number, message: string): Response =>
  Response.json({ ok: false, message } satisfies UploadAnswer, { status, headers: { "Cache-Control": "no-store" } });

const STATUS_OF: Partial<Record<AppErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  VALIDATION: 400,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  QUOTA_EXCEEDED: 409,
};

const MESSAGE_OF: Partial<Record<AppErrorCode, string>> = {
  UNAUTHENTICATED: "请先登录",
  NOT_FOUND: "未找到该申请",
  FORBIDDEN: "您无权上传该申请的材料",
  VALIDATION: "文件未通过检查",
  INVALID_TRANSITION: "案件当前状态不允许上传材料",
  CONFLICT: "材料刚被更新，请刷新后重试",
  QUOTA_EXCEEDED: "材料总大小超出上限",
};

/** An expected AppError becomes its message; anything else is logged and shown generically (no stack, no SQL). */
export function errorResponse(error: unknown): Response {
  if (isAppError(error) && STATUS_OF[error.code]) {
    return jsonError(STATUS_OF[error.code]!, error.detail ?? MESSAGE_OF[error.code] ?? "请求未能完成");
  }
  const correlationId = randomUUID().slice(0, 8);
  logger.error("document request failed", { correlationId, error });
  return jsonError(500, `系统繁忙，请稍后再试（编号 ${correlationId}）`);
}

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
