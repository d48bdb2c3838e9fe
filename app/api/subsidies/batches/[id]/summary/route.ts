import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { batchSummaryPdf } from "@/lib/subsidies/services/batch-summary-pdf";

/** The batch summary (tiexi pici huizongbiao): the centre and the batch's own bank; 404 for anyone else. */
export const GET = route<typeof signedInAudience, { id: string }>(signedInAudience, async ({ actor, params }) => {
  const result = await batchSummaryPdf(actor, params.id);
  if (!result) throw new AppError("NOT_FOUND");
  return attachmentResponse(result.pdf, result.fileName, "application/pdf");
});
