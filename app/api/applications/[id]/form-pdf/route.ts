import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { applicationFormPdf } from "@/lib/applications/form-pdf";

export const GET = route<typeof signedInAudience, { id: string }>(signedInAudience, async ({ actor, params, t }) => {
  const result = await applicationFormPdf(actor, params.id, (kind) => t(`case.documents.kind.${kind}`));
  if (!result) throw new AppError("NOT_FOUND");
  return attachmentResponse(result.pdf, t("downloads.applicationForm", { number: result.number }), "application/pdf");
});
