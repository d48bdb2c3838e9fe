"use server";
import { revalidatePath } from "next/cache";
import { staffAction } from "@/lib/actions/safe-action";
import { staffRolesOf } from "@/lib/actions/audience";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { standingSchema } from "@/lib/unions/schemas";
import { recordUnionStanding } from "@/lib/unions/services/record-standing";

/** District unions and the centre record a member's good standing (or correct one). */
export const recordStandingAction = staffAction(staffRolesOf(PERMISSIONS["union.record"]), {
  schema: standingSchema,
  run: (input, actor) => recordUnionStanding(actor, input),
  success: () => "已登记会籍信息：该企业此期间的贴息将按此计算",
  after: () => {
    revalidatePath("/agent/union-standing");
    revalidatePath("/center/union-standing");
  },
});
