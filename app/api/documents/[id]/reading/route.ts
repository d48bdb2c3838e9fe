import { currentActor } from "@/lib/auth/actor";
import { errorResponse, jsonError } from "@/lib/documents/http";
import { readingOfDocument } from "@/lib/ocr/queries";

/**
 * The portal's reading of a document (status, progress, proposals) for an actor who may open the
 * document: the enterprise form polls it after a licence upload. Anyone else gets 404.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) return jsonError(401, "请先登录");
    const reading = await readingOfDocument(actor, (await params).id);
    if (!reading) return jsonError(404, "未找到该文件");
    return Response.json({ ok: true, reading }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
