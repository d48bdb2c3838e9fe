import { z } from "zod";
import { mobileField, safeMultilineTextField, safeTextField } from "@/lib/validation/zod-fields";
import { enterpriseSchema } from "@/lib/applications/schemas";
import { HOTLINE_OUTCOMES, HOTLINE_TOPICS } from "@/lib/hotline/policy";
import { optionalEmailField } from "@/lib/intake/schemas";

// One schema per hotline form, shared by the form (field names) and its server action. The
// follow-up date's "not in the past" is the service's check (it knows today's date in Beijing).
// Each rule's message is its catalogue key (lib/i18n/words.ts).

const blank = (v: unknown) => (v === "" || v === undefined || v === null ? undefined : v);
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "hotline.schema.date" });
const notes = z.preprocess((v) => v ?? "", z.union([z.literal(""), safeMultilineTextField(1000)]));

export const logCallSchema = z.object({
  callerName: safeTextField(40, { min: 2 }),
  callerMobile: mobileField,
  topic: z.enum(HOTLINE_TOPICS, { error: "hotline.schema.topic" }),
  outcome: z.enum(HOTLINE_OUTCOMES, { error: "hotline.schema.outcome" }),
  followUpOn: z.preprocess(blank, day.optional()),
  notes,
});
export type LogCallInput = z.output<typeof logCallSchema>;

/** A later change to a call: its outcome, its follow-up date (blank clears it) and its notes. */
/** The call log's search: the caller's mobile, exactly 11 digits (looked up through its blind index). */
export const callSearchSchema = z.object({ mobile: mobileField });

export const updateCallSchema = z.object({
  callId: z.uuid({ error: "hotline.schema.id" }),
  version: z.coerce.number().int().min(0),
  outcome: z.enum(HOTLINE_OUTCOMES, { error: "hotline.schema.outcome" }),
  followUpOn: z.preprocess(blank, day.optional()),
  notes,
});
export type UpdateCallInput = z.output<typeof updateCallSchema>;

export const followUpDoneSchema = z.object({
  callId: z.uuid({ error: "hotline.schema.id" }),
  version: z.coerce.number().int().min(0),
});
export type FollowUpDoneInput = z.output<typeof followUpDoneSchema>;

/** Register the caller as a member (the caller's name and mobile come from the call). */
export const registerCallerSchema = z.object({ callId: z.uuid({ error: "hotline.schema.id" }), email: optionalEmailField });

/** The enterprise as the operator typed it during the call, for the member found or registered. */
export const startFromCallSchema = z.intersection(z.object({ callId: z.uuid({ error: "hotline.schema.id" }), memberId: z.uuid() }), enterpriseSchema);
export type StartFromCallInput = z.output<typeof startFromCallSchema>;
