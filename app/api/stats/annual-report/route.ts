import { getLocale, getTranslations } from "next-intl/server";
import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
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
export const GET = route(signedInAudience, async ({ actor, request }) => {
  assertCan(actor, "stats.read");
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const translate = t as unknown as Translate;
  const refuse = async (code: string) => {
    const key = code === "FUTURE_YEAR" || code === "YEAR_AND_DATES" ? `annualReport.error.${code}` : `insight.error.${code}`;
    return new AppError("BAD_REQUEST", translate(key, { start: await programmeStartDay() }));
  };

  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams) params[key] ??= value;
  const choice = parseReportParams(params);
  if (!choice.ok) throw await refuse(choice.code);
  const result = await annualReportFigures(actor, choice.period, choice.filters);
  if (!result.ok) throw await refuse(result.code);
  const pdf = await renderAnnualReport(annualReportContent(result.figures, { t: translate, locale, generatedAt: new Date(), year: choice.year }));
  return attachmentResponse(pdf, `${reportDocumentNo(result.figures, choice.year)}.pdf`, "application/pdf");
});
