import { getTranslations } from "next-intl/server";
import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { attachmentResponse } from "@/lib/http/attachment";
import { route } from "@/lib/http/route";
import { calendarTemplateCsv } from "@/lib/calendar/calendar-days";
import { beijingToday } from "@/lib/calendar/beijing";

/** The working calendar's import template (CSV), for administrators. */
export const GET = route(signedInAudience, async ({ actor, request }) => {
  assertCan(actor, "admin.write");
  const asked = Number(new URL(request.url).searchParams.get("year"));
  const year = Number.isInteger(asked) && asked >= 2017 && asked <= 2100 ? asked : Number(beijingToday().slice(0, 4));
  const t = await getTranslations("calendar.import");
  return attachmentResponse(new TextEncoder().encode(calendarTemplateCsv(year, t("templateExample"))), `calendar-${year}.csv`, "text/csv; charset=utf-8");
});
