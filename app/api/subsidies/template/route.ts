import { can } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { buildTemplateCsv, buildTemplateXlsx } from "@/lib/subsidies/statement-parser";

/** The interest statement template, `?format=csv` (default) or `?format=xlsx`, for bank officers and the centre. */
export const GET = route(signedInAudience, async ({ actor, request, t }) => {
  if (!can(actor, "subsidy.import") && !can(actor, "subsidy.read")) throw new AppError("NOT_FOUND");
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const body = format === "xlsx" ? new Uint8Array(await buildTemplateXlsx()) : new TextEncoder().encode(buildTemplateCsv());
  const type = format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  return attachmentResponse(body, t("downloads.statementTemplate", { format }), type);
});
