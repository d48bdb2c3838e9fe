"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { errorState, guardedAction, staffAction, errorMessage } from "@/lib/actions/safe-action";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn, words } from "@/lib/i18n/words";
import { staffAudience, staffRolesOf } from "@/lib/actions/audience";
import { importRoster } from "@/lib/unions/services/import-roster";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { standingSchema } from "@/lib/unions/schemas";
import { recordUnionStanding } from "@/lib/unions/services/record-standing";

const RECORDERS = staffRolesOf(PERMISSIONS["union.record"]);
const refresh = () => {
  revalidatePath("/agent/union-standing");
  revalidatePath("/center/union-standing");
};

/** District unions and the centre record a member's good standing (or correct one). */
export const recordStandingAction = staffAction(RECORDERS, {
  schema: standingSchema,
  run: (input, actor) => recordUnionStanding(actor, input),
  success: () => words("unions.done.recorded"),
  after: refresh,
});

export type RosterState =
  | { status: "idle" }
  | { status: "error"; message: string }
  | { status: "rejected"; message: string; problems: { line: number; message: string }[] }
  | { status: "imported"; message: string };

const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

/** A union's membership roster, all or nothing; a refused file answers with its per-line report. */
export const importRosterAction = guardedAction(
  staffAudience(RECORDERS),
  async (code): Promise<RosterState> => ({ status: "error", message: await errorMessage(code) }),
  async (actor, _prev: RosterState, formData: FormData): Promise<RosterState> => {
    const t = await getTranslations("unions.roster");
    const file = formData.get("file");
    if (!(file instanceof File) || file.size === 0) return { status: "error", message: t("noFile") };
    if (file.size > MAX_ROSTER_BYTES) return { status: "error", message: t("tooBig") };
    try {
      const outcome = await importRoster(actor, { bytes: new Uint8Array(await file.arrayBuffer()) });
      if (outcome.status === "REJECTED") {
        const all = await rootTranslator();
        // A line's several problems read as one sentence, as the report always showed them.
        const problems = outcome.problems.slice(0, 500).map((p) => ({ line: p.line, message: p.messages.map((m) => wordIn(all, m)).join(t("problems.separator")) }));
        return { status: "rejected", message: t("rejected", { n: outcome.problems.length }), problems };
      }
      refresh();
      return { status: "imported", message: t("imported", { n: outcome.added }) };
    } catch (error) {
      return { status: "error", message: (await errorState(error)).message };
    }
  },
);
