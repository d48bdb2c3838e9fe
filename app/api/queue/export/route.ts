import { getTranslations } from "next-intl/server";
import { attachmentResponse } from "@/lib/http/attachment";
import { signedInAudience } from "@/lib/actions/audience";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import type { ApplicationStatus } from "@/lib/generated/prisma/enums";
import { env } from "@/lib/env";
import { queueCsvStream, queueExportTooLarge, queueXlsx } from "@/lib/reviews/export";
import { beijingToday } from "@/lib/calendar/beijing";
import { XLSX_TYPE } from "@/lib/stats/xlsx-stream";

/**
 * A queue tab (status and filters as on the screen) as CSV, or XLSX with `format=xlsx`, streamed
 * a keyset page at a time; one larger than EXPORT_MAX_ROWS is refused before it starts.
 */
export const GET = route(signedInAudience, async ({ actor, request }) => {
  if (actor.kind !== "STAFF") throw new AppError("NOT_FOUND");
  const params = new URL(request.url).searchParams;
  const [t, status] = await Promise.all([getTranslations("queueCsv"), getTranslations("status")]);
  const query = {
    status: (params.get("status") ?? undefined) as ApplicationStatus | undefined,
    filters: {
      green: params.get("green") === "1",
      overdue: params.get("overdue") === "1",
      mine: params.get("mine") === "1",
      q: params.get("q")?.trim().slice(0, 100) || undefined,
    },
  };
  const words = { header: (c: Parameters<Parameters<typeof queueCsvStream>[2]["header"]>[0]) => t(`columns.${c}`), status: (s: ApplicationStatus) => status(s), kind: (k: "NEW" | "RENEWAL") => t(`kind.${k}`), yes: t("yes"), no: t("no") };
  const rows = await queueExportTooLarge(actor, query);
  if (rows !== null) throw new AppError("BAD_REQUEST", t("tooLarge", { rows, max: env.EXPORT_MAX_ROWS }));
  const day = beijingToday();
  if (params.get("format") === "xlsx") {
    const body = queueXlsx(actor, query, { ...words, sheet: t("sheet"), about: { title: t("sheet"), rows: [[t("exportedOn"), day]] } });
    return attachmentResponse(body, t("xlsxFileName", { day }), XLSX_TYPE);
  }
  return attachmentResponse(queueCsvStream(actor, query, words), t("fileName", { day }), "text/csv; charset=utf-8");
});
