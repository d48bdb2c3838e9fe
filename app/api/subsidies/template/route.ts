import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { buildTemplateCsv, buildTemplateXlsx } from "@/lib/subsidies/statement-parser";

/** The interest statement template, `?format=csv` (default) or `?format=xlsx`, for bank officers and the centre. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "subsidy.import") && !can(actor, "subsidy.read")) return new Response("Not found", { status: 404 });
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const body = format === "xlsx" ? new Uint8Array(await buildTemplateXlsx()) : new TextEncoder().encode(buildTemplateCsv());
  const type = format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8";
  return attachmentResponse(body, `利息清单模板.${format}`, type);
}
