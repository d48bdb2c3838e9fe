import { z } from "zod";
import { creditCodeField, safeTextField } from "@/lib/validation/zod-fields";
import { isIsoDate } from "@/lib/loans/schedule";

const isoDate = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "unions.schema.isoDate" }).refine(isIsoDate, { error: "unions.schema.noSuchDay" });

/** One member's good standing in an enterprise's union, as a district union or the centre records it. */
export const standingSchema = z.object({
  creditCode: creditCodeField,
  unionName: safeTextField(100, { min: 2 }),
  memberCardNo: safeTextField(40).refine((v) => /^[\w-]+$/.test(v), { error: "unions.schema.memberCardNo" }),
  validFrom: isoDate,
  validTo: z.literal("").transform(() => undefined).or(isoDate).optional(),
  replacesId: z.uuid().optional().or(z.literal("").transform(() => undefined)),
});
export type StandingInput = z.output<typeof standingSchema>;
