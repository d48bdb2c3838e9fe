import { currentActor } from "@/lib/auth/actor";
import { INSPECT_MESSAGES, MAX_DOCUMENT_BYTES } from "@/lib/documents/inspect";
import { errorResponse, jsonError, readBodyWithin } from "@/lib/documents/http";
import { isSameOrigin } from "@/lib/http/origin";
import { env } from "@/lib/env";
import { idSchema, uploadFieldsSchema } from "@/lib/documents/schemas";
import { uploadDocument } from "@/lib/documents/services/upload-document";

// The file plus the multipart envelope and the `kind` field.
const MAX_BODY_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;

/** Multipart upload of one document version or page: fields `kind`, `file` and `mode` (`page` adds a page). Answers JSON. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) return jsonError(401, "请先登录");
    if (!isSameOrigin(request.headers, env.PUBLIC_ORIGIN)) return jsonError(403, "请求来源无效，请在本站页面上传");
    const { id } = await params;
    if (!idSchema.safeParse(id).success) return jsonError(404, "未找到该申请");
    if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return jsonError(413, INSPECT_MESSAGES.tooLarge);

    const body = await readBodyWithin(request, MAX_BODY_BYTES);
    if (!body) return jsonError(413, INSPECT_MESSAGES.tooLarge);
    let form: FormData;
    try {
      form = await new Response(body, { headers: { "Content-Type": request.headers.get("content-type") ?? "" } }).formData();
    } catch {
      return jsonError(400, "上传请求格式不正确，请在页面上重新选择文件");
    }
    const fields = uploadFieldsSchema.safeParse({ kind: form.get("kind"), mode: form.get("mode") });
    if (!fields.success) return jsonError(400, "请选择材料类型");
    const file = form.get("file");
    if (!(file instanceof File)) return jsonError(400, "请选择要上传的文件");
    if (file.size > MAX_DOCUMENT_BYTES) return jsonError(413, INSPECT_MESSAGES.tooLarge);

    const bytes = new Uint8Array(await file.arrayBuffer());
    const document = await uploadDocument(actor, id, fields.data.kind, file.name, bytes, { addPage: fields.data.mode === "page" });
    return Response.json({ ok: true, document }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
