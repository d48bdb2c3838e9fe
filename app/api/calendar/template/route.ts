import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { calendarTemplateCsv } from "@/lib/calendar/calendar-days";
import { beijingToday } from "@/lib/calendar/beijing";

/** The working calendar's import template (CSV), for administrators. */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "admin.write")) return new Response("Not found", { status: 404 });
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = Number.isInteger(asked) && asked >= 2017 && asked <= 2100 ? asked : Number(beijingToday().slice(0, 4));
  const t = await getTranslations("calendar.import");
  return attachmentResponse(new TextEncoder().encode(calendarTemplateCsv(year, t("templateExample"))), `calendar-${year}.csv`, "text/csv; charset=utf-8");
}
