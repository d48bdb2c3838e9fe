import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { parseConfigFilters } from "@/lib/audit/config-changes";
import { configChangesCsv } from "@/lib/audit/config-queries";
import { configWording } from "@/lib/audit/config-wording";
import { beijingToday } from "@/lib/calendar/beijing";

/** The configuration changes, filtered as on the page, as CSV; administrators and auditors only. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "audit.read")) return new Response("Not found", { status: 404 });
  const parsed = parseConfigFilters(Object.fromEntries(new URL(request.url).searchParams));
  if ("error" in parsed) return new Response("Bad request", { status: 400 });
  const t = await getTranslations("configAudit");
  const header = [t("at"), t("kind"), t("action"), t("actor"), t("subject"), t("before"), t("after"), t("moved")];
  const day = beijingToday();
  return attachmentResponse(await configChangesCsv(actor, parsed.filters, header, await configWording()), `config-changes-${day}.csv`, "text/csv; charset=utf-8");
}
