import { getTranslations } from "next-intl/server";
import { attachmentResponse } from "@/lib/http/attachment";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { loanScope } from "@/lib/loans/scope";
import { isPortfolioFilter } from "@/lib/loans/portfolio-queries";
import { exportTooLarge, PORTFOLIO_CSV_COLUMNS, portfolioCsvStream, portfolioXlsx } from "@/lib/loans/portfolio-export";
import { env } from "@/lib/env";
import { XLSX_TYPE } from "@/lib/stats/xlsx-stream";
import type { LoanStatus } from "@/lib/generated/prisma/enums";
import { beijingToday } from "@/lib/calendar/beijing";

/**
 * The actor's loan portfolio (filter and search as on the screen) as CSV, or XLSX with
 * `format=xlsx`, streamed: an export of any size up to EXPORT_MAX_ROWS holds one page in memory.
 */
export const GET = route(signedInAudience, async ({ actor, request }) => {
  if (actor.kind !== "STAFF" || !loanScope(actor)) throw new AppError("NOT_FOUND");
  const params = new URL(request.url).searchParams;
  const raw = params.get("filter");
  const [t, status] = await Promise.all([getTranslations("portfolio"), getTranslations("case.loanStatus")]);
  const options = { filter: isPortfolioFilter(raw) ? raw : "all", q: params.get("q")?.trim().slice(0, 100) || undefined } as const;
  const words = { header: (c: (typeof PORTFOLIO_CSV_COLUMNS)[number]) => t(`csv.${c}`), status: (s: LoanStatus) => status(s) };
  const day = beijingToday();
  // Refused before it starts when larger than the configured limit: the reader narrows the filter.
  const rows = await exportTooLarge(actor, options);
  if (rows !== null) throw new AppError("BAD_REQUEST", t("csv.tooLarge", { rows, max: env.EXPORT_MAX_ROWS }));
  if (params.get("format") === "xlsx") {
    const about = { title: t("csv.about"), rows: [[t("csv.asOf"), day], [t("filters.label"), t(`filters.${options.filter}`)], [t("search.q"), options.q ?? ""]] as [string, string][] };
    const body = portfolioXlsx(actor, options, { ...words, sheet: t("link"), about });
    return attachmentResponse(body, t("csv.xlsxFileName", { day }), XLSX_TYPE);
  }
  return attachmentResponse(portfolioCsvStream(actor, options, words), t("csv.fileName", { day }), "text/csv; charset=utf-8");
});
