import { getTranslations } from "next-intl/server";
import { attachmentResponse } from "@/lib/http/attachment";
import { currentActor } from "@/lib/auth/actor";
import { loanScope } from "@/lib/loans/services/loan-scope";
import { isPortfolioFilter } from "@/lib/loans/portfolio-queries";
import { portfolioCsv } from "@/lib/loans/portfolio-export";
import { beijingToday } from "@/lib/subsidies/periods";

/** The actor's loan portfolio (filter and search as on the screen) as CSV. */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return new Response("Unauthorized", { status: 401 });
  if (actor.kind !== "STAFF" || !loanScope(actor)) return new Response("Not found", { status: 404 });
  const params = new URL(request.url).searchParams;
  const raw = params.get("filter");
  const [t, status] = await Promise.all([getTranslations("portfolio"), getTranslations("case.loanStatus")]);
  const csv = await portfolioCsv(
    actor,
    { filter: isPortfolioFilter(raw) ? raw : "all", q: params.get("q")?.trim().slice(0, 100) || undefined },
    { header: (c) => t(`csv.${c}`), status: (s) => status(s) },
  );
  return attachmentResponse(csv, t("csv.fileName", { day: beijingToday() }), "text/csv; charset=utf-8");
}
