import { currentActor } from "@/lib/auth/actor";
import { downloadHeaders, errorResponse, jsonError } from "@/lib/documents/http";
import { openDocument } from "@/lib/documents/services/open-document";

/**
 * A document's bytes, for an actor whose scope holds its case and whose step needs it (else 404;
 * the opening is logged). `?inline=1` opens it in
 * the browser for viewing; the sandbox CSP and nosniff keep it inert either way.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const actor = await currentActor();
    if (!actor) return jsonError(401, "请先登录");
    const { id } = await params;
    const doc = await openDocument(actor, id);
    if (!doc) return jsonError(404, "未找到该文件");
    const inline = new URL(request.url).searchParams.get("inline") === "1";
    return new Response(doc.bytes, {
      status: 200,
      headers: downloadHeaders({ fileName: doc.fileName, mimeType: doc.mimeType, sizeBytes: doc.bytes.byteLength }, inline),
    });
  } catch (error) {
    return errorResponse(error);
  }
}
