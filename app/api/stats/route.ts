import { currentActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
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
export async function GET(request: Request): Promise<Response> {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (!can(actor, "stats.read")) return new Response("Not found", { status: 404 });
  const choice = parseAsOfParam(new URL(request.url).searchParams.get("asOf"));
  if (!choice.valid) return new Response("asOf must be a date, YYYY-MM-DD", { status: 400 });
  const figures = await programmeFigures(actor, { asOf: beijingNoon(choice.day) });
  if (new URL(request.url).searchParams.get("format") === "xlsx") {
    const [t, th] = await Promise.all([getTranslations("stats"), getTranslations("statsHistory")]);
    const sheets = programmeSheets(figures, (k) => t(k as "title"), (k) => th(k as "unionsFounded"));
    const body = streamWorkbook(sheets, { title: t("asOfLabel"), rows: [[t("asOfLabel"), figures.asOf]] });
    return attachmentResponse(body, programmeFiguresFileName(figures.asOf).replace(/\.csv$/, ".xlsx"), XLSX_TYPE);
  }
  return attachmentResponse(programmeFiguresCsv(figures), programmeFiguresFileName(figures.asOf), "text/csv; charset=utf-8");
}
