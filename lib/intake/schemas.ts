import { z } from "zod";
import { mobileField, safeTextField } from "@/lib/validation/zod-fields";
import { enterpriseSchema } from "@/lib/applications/schemas";

// One schema per intake form, shared by the form (field names) and its server action.

export const memberLookupSchema = z.object({ mobile: mobileField });

/** The member's e-mail address, optional: blank means none; stored lower-case. */
export const optionalEmailField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v) || undefined,
  z.email({ error: "intake.errors.emailInvalid" }).max(254, { error: "intake.errors.emailInvalid" }).optional(),
);

export const registerMemberSchema = z.object({
  mobile: mobileField,
  displayName: safeTextField(40, { min: 2 }),
  email: optionalEmailField,
});
export type RegisterMemberInput = z.output<typeof registerMemberSchema>;

/** The enterprise as the agent typed it at the desk, for the member found or registered. */
export const startAssistedSchema = z.intersection(z.object({ memberId: z.uuid() }), enterpriseSchema);
export type StartAssistedInput = z.output<typeof startAssistedSchema>;
