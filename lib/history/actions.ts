"use server";
import { revalidatePath } from "next/cache";
import { getFormatter, getTranslations } from "next-intl/server";
import { errorState, guardedAction, errorMessage } from "@/lib/actions/safe-action";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";
import { staffAudience, staffRolesOf } from "@/lib/actions/audience";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { formatFen } from "@/lib/money/fen";
import { importHistory, MAX_HISTORY_BYTES } from "@/lib/history/services/import-history";
import type { HistoryProblem } from "@/lib/history/lines";

export type HistoryState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "rejected"; message: string; problems: { line: number; message: string }[] }
  | { status: "imported"; message: string };

const IMPORTERS = staffRolesOf(PERMISSIONS["history.import"]);

/** A file of the years before the portal, all or nothing; a refused file answers with its per-line report. */
export const importHistoryAction = guardedAction(
  staffAudience(IMPORTERS),
  async (code): Promise<HistoryState> => ({ status: "error", message: await errorMessage(code) }),
  async (actor, _prev: HistoryState, formData: FormData): Promise<HistoryState> => {
    const t = await getTranslations("history");
    const file = formData.get("file");
    const bankOrgId = String(formData.get("bankOrgId") ?? "");
    if (!(file instanceof File) || file.size === 0) return { status: "error", message: t("noFile") };
    if (file.size > MAX_HISTORY_BYTES) return { status: "error", message: t("tooBig") };
    if (!/^[0-9a-f-]{36}$/i.test(bankOrgId)) return { status: "error", message: t("problems.BANK") };
    let outcome;
    try {
      outcome = await importHistory(actor, { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()), bankOrgId });
    } catch (error) {
      const state = await errorState(error);
      return { status: "error", message: state.fieldErrors?.bankOrgId ? t("problems.BANK") : state.message };
    }
    if (outcome.status === "ALREADY_IMPORTED") return { status: "imported", message: t("alreadyImported") };
    if (outcome.status === "REJECTED") {
      const words = await rootTranslator();
      const problems = outcome.problems.slice(0, 500).map((p: HistoryProblem) => ({
        line: p.line,
        message: t(`problems.${p.code}`, { line: p.line, ...p.params, ...(p.detail ? { detail: wordIn(words, p.detail) } : {}) }),
      }));
      return { status: "rejected", message: t("rejected", { n: outcome.problems.length }), problems };
    }
    revalidatePath("/center/history");
    revalidatePath("/center/stats");
    revalidatePath("/audit/stats");
    const format = await getFormatter();
    return {
      status: "imported",
      message: t("imported", {
        applications: outcome.applications, loans: outcome.loans, lent: formatFen(outcome.lentFen), payments: outcome.payments,
        subsidy: formatFen(outcome.subsidyFen), unions: outcome.unions, members: format.number(outcome.members),
      }),
    };
  },
);
