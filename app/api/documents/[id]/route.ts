import { signedInAudience } from "@/lib/actions/audience";
import { downloadHeaders } from "@/lib/documents/http";
import { openDocument } from "@/lib/documents/services/open-document";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/**
 * A document's bytes, for an actor whose scope holds its case and whose step needs it (else 404;
 * the opening is logged). `?inline=1` opens it in
 * the browser for viewing; the sandbox CSP and nosniff keep it inert either way.
 */
export const GET = route<typeof signedInAudience, { id: string }>(signedInAudience, async ({ actor, request, params }) => {
  const doc = await openDocument(actor, params.id);
  if (!doc) throw new AppError("NOT_FOUND");
  const inline = new URL(request.url).searchParams.get("inline") === "1";
  return new Response(doc.bytes, {
    status: 200,
    headers: downloadHeaders({ fileName: doc.fileName, mimeType: doc.mimeType, sizeBytes: doc.bytes.byteLength }, inline),
  });
});
