import { currentActor } from "@/lib/auth/actor";
import { attachmentResponse } from "@/lib/http/attachment";
import { batchSummaryPdf } from "@/lib/subsidies/services/batch-summary-pdf";

/** The batch summary (贴息批次汇总表): the centre and the batch's own bank; 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const result = await batchSummaryPdf(actor, (await params).id);
  if (!result) return new Response("Not found", { status: 404 });
  return attachmentResponse(result.pdf, result.fileName, "application/pdf");
}
