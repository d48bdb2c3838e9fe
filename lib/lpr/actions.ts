"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { adminAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors";
import { wordRefusal } from "@/lib/validation/refused-input";
import { addLprRate } from "@/lib/lpr/services/add-lpr-rate";
import { formatBp } from "@/lib/lpr/rates";

const PERCENT = /^\d{1,4}(\.\d{1,2})?$/;

/** A percentage as typed ("3.45") in whole basis points, exactly (no floating point). */
function percentToBp(value: string): number | null {
  if (!PERCENT.test(value)) return null;
  const [whole, fraction = ""] = value.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const addLprRateAction = adminAction({
  schema: z.object({ tenor: z.enum(["ONE_YEAR", "FIVE_YEAR"]), effectiveFrom: z.string().trim().max(20), ratePercent: z.string().trim().max(10) }),
  run: async (input, actor) => {
    const t = await getTranslations("lpr");
    const rateBp = percentToBp(input.ratePercent);
    if (rateBp === null) throw new AppError("VALIDATION", t("problem.RATE"), { ratePercent: [t("problem.RATE")] });
    const word = (code: string, params?: Record<string, string | number>) =>
      t(`problem.${code}` as "problem.DAY_EXISTS", { ...params, tenor: t(`tenors.${input.tenor}`) });
    await wordRefusal(() => addLprRate(actor, { tenor: input.tenor, effectiveFrom: input.effectiveFrom, rateBp }), word);
    return { ...input, rateBp };
  },
  success: async (r) => (await getTranslations("lpr"))("added", { tenor: (await getTranslations("lpr"))(`tenors.${r.tenor}`), rate: formatBp(r.rateBp), day: r.effectiveFrom }),
  after: () => revalidatePath("/admin/lpr"),
});
