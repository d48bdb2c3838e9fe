import { getLocale, getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { attachmentResponse } from "@/lib/http/attachment";
import { renderAnnualReport } from "@/lib/pdf/annual-report";
import { annualReportFigures } from "@/lib/stats/annual-report";
import { annualReportContent, reportDocumentNo, type Translate } from "@/lib/stats/annual-report-content";
import { programmeStartDay } from "@/lib/stats/insight";
import { parseReportParams } from "@/lib/stats/report-period";

/**
 * The annual report as a PDF: `?year=YYYY`, or the statistics page's own `from&to&channel&org`.
 * 404 without stats.read; 400 with the reason for a refused year or period (before the programme
 * began, a year not yet begun, garbage).
 */
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "stats.read")) return new Response("Not found", { status: 404 });
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const translate = t as unknown as Translate;
  const refuse = async (code: string) => {
    const key = code === "FUTURE_YEAR" || code === "YEAR_AND_DATES" ? `annualReport.error.${code}` : `insight.error.${code}`;
    return new Response(translate(key, { start: await programmeStartDay() }), { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  };

  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) params[key] ??= value;
  const choice = parseReportParams(params);
  if (!choice.ok) return refuse(choice.code);
  const result = await annualReportFigures(actor, choice.period, choice.filters);
  if (!result.ok) return refuse(result.code);
  const pdf = await renderAnnualReport(annualReportContent(result.figures, { t: translate, locale, generatedAt: new Date(), year: choice.year }));
  return attachmentResponse(pdf, `${reportDocumentNo(result.figures, choice.year)}.pdf`, "application/pdf");
}
