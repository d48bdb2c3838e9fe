import { z } from "zod";
import { mobileField, safeTextField } from "@/lib/validation/zod-fields";
import { enterpriseSchema } from "@/lib/applications/schemas";

// One schema per intake form, shared by the form (field names) and its server action.

export const memberLookupSchema = z.object({ mobile: mobileField });

export const registerMemberSchema = z.object({
  mobile: mobileField,
  displayName: safeTextField(40, { min: 2 }),
});
export type RegisterMemberInput = z.output<typeof registerMemberSchema>;

/** The enterprise as the agent typed it at the desk, for the member found or registered. */
export const startAssistedSchema = z.intersection(z.object({ memberId: z.uuid() }), enterpriseSchema);
export type StartAssistedInput = z.output<typeof startAssistedSchema>;
