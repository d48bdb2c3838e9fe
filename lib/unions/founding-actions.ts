"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { staffAction } from "@/lib/actions/safe-action";
import { staffRolesOf } from "@/lib/actions/audience";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { AppError, isAppError } from "@/lib/errors";
import { foundingSchema } from "@/lib/unions/founding-schema";
import { recordUnionFounding } from "@/lib/unions/services/record-founding";

const RECORDERS = staffRolesOf(PERMISSIONS["union.recordFounding"]);

/** District unions and the centre record that an enterprise set up its union (or correct the record). */
export const recordFoundingAction = staffAction(RECORDERS, {
  schema: foundingSchema,
  run: async (input, actor) => {
    try {
      return await recordUnionFounding(actor, input);
    } catch (error) {
      if (!isAppError(error) || !error.fieldErrors) throw error;
      // The service answers with codes; the person reads sentences in their language.
      const t = await getTranslations("unionFounding.problems");
      const translated = Object.fromEntries(Object.entries(error.fieldErrors).map(([field, codes]) => [field, codes.map((c) => t(typeof c === "string" ? c : c.key))]));
      throw new AppError(error.code, undefined, translated);
    }
  },
  success: async () => (await getTranslations("unionFounding"))("recorded"),
  after: () => {
    revalidatePath("/agent/union-standing");
    revalidatePath("/center/union-standing");
  },
});
