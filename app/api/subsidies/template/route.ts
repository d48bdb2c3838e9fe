import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { contentDisposition } from "@/lib/documents/http";
import { buildTemplateCsv, buildTemplateXlsx } from "@/lib/subsidies/statement-parser";

/** The interest statement template, `?format=csv` (default) or `?format=xlsx`, for bank officers and the centre. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "subsidy.import") && !can(actor, "subsidy.read")) return new Response("Not found", { status: 404 });
  const format = new URL(request.url).searchParams.get("format") === "xlsx" ? "xlsx" : "csv";
  const body = format === "xlsx" ? new Uint8Array(await buildTemplateXlsx()) : new TextEncoder().encode(buildTemplateCsv());
  return new Response(body, {
    headers: {
      "Content-Type": format === "xlsx" ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": contentDisposition("attachment", `利息清单模板.${format}`),
      "Cache-Control": "private, no-store",
    },
  });
}
