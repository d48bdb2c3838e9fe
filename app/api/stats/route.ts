import { assertCan } from "@/lib/auth/permissions";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { attachmentResponse } from "@/lib/http/attachment";
import { beijingNoon } from "@/lib/calendar/beijing";
import { parseAsOfParam } from "@/lib/stats/as-of";
import { programmeFiguresCsv, programmeFiguresFileName } from "@/lib/stats/csv";
import { programmeFigures } from "@/lib/stats/queries";
import { programmeSheets } from "@/lib/stats/xlsx";
import { streamWorkbook, XLSX_TYPE } from "@/lib/stats/xlsx-stream";
import { getTranslations } from "next-intl/server";

/**
 * The programme's figures as of a day (`?asOf=YYYY-MM-DD`, default today) as a CSV download, or
 * XLSX in the reader's language with `format=xlsx`; 404 without stats.read.
 */
export const GET = route(signedInAudience, async ({ actor, request, t: words }) => {
  assertCan(actor, "stats.read");
  const choice = parseAsOfParam(new URL(request.url).searchParams.get("asOf"));
  if (!choice.valid) throw new AppError("BAD_REQUEST", words("errors.query.asOf"));
  const figures = await programmeFigures(actor, { asOf: beijingNoon(choice.day) });
  if (new URL(request.url).searchParams.get("format") === "xlsx") {
    const [t, th] = await Promise.all([getTranslations("stats"), getTranslations("statsHistory")]);
    const sheets = programmeSheets(figures, (k) => t(k as "title"), (k) => th(k as "unionsFounded"));
    const body = streamWorkbook(sheets, { title: t("asOfLabel"), rows: [[t("asOfLabel"), figures.asOf]] });
    return attachmentResponse(body, programmeFiguresFileName(figures.asOf, words).replace(/\.csv$/, ".xlsx"), XLSX_TYPE);
  }
  return attachmentResponse(programmeFiguresCsv(figures, words), programmeFiguresFileName(figures.asOf, words), "text/csv; charset=utf-8");
});
