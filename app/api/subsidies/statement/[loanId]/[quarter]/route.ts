import { currentActor } from "@/lib/auth/actor";
import { attachmentResponse } from "@/lib/http/attachment";
import { subsidyStatementPdf } from "@/lib/subsidies/services/subsidy-statement-pdf";

/** 贴息确认单 of the loan's enterprise for a quarter (e.g. 2021Q3): the loan's applicant and the centre; 404 for anyone else. */
export async function GET(_request: Request, { params }: { params: Promise<{ loanId: string; quarter: string }> }): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  const { loanId, quarter } = await params;
  const result = await subsidyStatementPdf(actor, loanId, quarter);
  if (!result) return new Response("Not found", { status: 404 });
  return attachmentResponse(result.pdf, result.fileName, "application/pdf");
}
