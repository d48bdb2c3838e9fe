import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { subsidyStatementPdf } from "@/lib/subsidies/services/subsidy-statement-pdf";

/** The subsidy confirmation (tiexi querendan) of the loan's enterprise for a quarter (e.g. 2021Q3): the loan's applicant and the centre; 404 for anyone else. */
export const GET = route<typeof signedInAudience, { loanId: string; quarter: string }>(signedInAudience, async ({ actor, params }) => {
  const result = await subsidyStatementPdf(actor, params.loanId, params.quarter);
  if (!result) throw new AppError("NOT_FOUND");
  return attachmentResponse(result.pdf, result.fileName, "application/pdf");
});
