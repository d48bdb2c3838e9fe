import { getLocale, getTranslations } from "next-intl/server";
import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { attachmentResponse } from "@/lib/http/attachment";
import { insightFigures, programmeStartDay } from "@/lib/stats/insight";
import { parsePeriodParams } from "@/lib/stats/period";
import { insightSheets, sheetsCsv } from "@/lib/stats/xlsx";
import { streamWorkbook, XLSX_TYPE } from "@/lib/stats/xlsx-stream";

/**
 * The "how the programme works" tables for a period (`?from&to&channel&org`, as on the page) as
 * a streamed XLSX download (or every table in one CSV with `format=csv`); 404 without stats.read, 400 with the reason for a refused period.
 */
export const GET = route(signedInAudience, async ({ actor, request }) => {
  assertCan(actor, "stats.read");
  const [t, locale] = await Promise.all([getTranslations("insight"), getLocale()]);
  // The period's refusal is data to the page (it falls back to a default period); here it is the answer.
  const refuse = async (code: string) => new AppError("BAD_REQUEST", t(`error.${code}` as "error.REVERSED", { start: await programmeStartDay() }));

  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) params[key] ??= value;
  const { format, ...periodParams } = params;
  const choice = parsePeriodParams(periodParams);
  if (!choice.ok) throw await refuse(choice.code);
  const result = await insightFigures(actor, choice.period, choice.filters);
  if (!result.ok) throw await refuse(result.code);
  const f = result.figures;
  const label = (key: string) => t(key as "title");
  const sheets = insightSheets(f, { t: label, locale });
  if (format === "csv") {
    return attachmentResponse(sheetsCsv(sheets), `insight-${f.period.from}-${f.period.to}.csv`, "text/csv; charset=utf-8");
  }
  const body = streamWorkbook(sheets, {
    title: t("title"),
    rows: [[t("from"), f.period.from], [t("to"), f.period.to], [t("channelLabel"), t(`channel.${f.filters.channel}`)], [t("org"), f.filters.org ?? t("allOrgs")]],
  });
  return attachmentResponse(body, `insight-${f.period.from}-${f.period.to}.xlsx`, XLSX_TYPE);
});
