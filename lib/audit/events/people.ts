import { z } from "zod";
import { dayText, empty } from "@/lib/audit/events/values";

// Accounts, consents, an applicant's own records and the documents of a case.

const enterpriseSaved = z.object({ name: z.string(), creditCode: z.string(), channel: z.string().optional(), onBehalfOf: z.string().optional() });

export const PEOPLE_AUDIT_EVENTS = {
  // The first administrator is created by setup; the demo's staff carry their role.
  "user.created": z.object({ role: z.string().optional(), via: z.string().optional() }),
  "user.registered": z.object({ ip: z.string().nullish(), mobileVerified: z.boolean().optional() }),
  "user.password_changed": empty,
  "user.two_factor_enabled": empty,
  "user.password_link_issued": z.object({ purpose: z.string() }),
  "user.password_set": z.object({ purpose: z.string() }),
  "auth.signed_out": empty,
  "consent.granted": z.object({ kind: z.string(), wordingVersion: z.string(), ip: z.string().nullable(), renewed: z.array(z.string()).optional() }),
  "consent.withdrawn": z.object({ kind: z.string(), ip: z.string().nullable() }),
  "profile.saved": z.object({ fields: z.array(z.string()) }),
  "draft.kept": z.object({ form: z.string(), fields: z.array(z.string()) }),
  "enterprise.created": enterpriseSaved,
  "enterprise.updated": enterpriseSaved,
  "document.opened": z.object({ kind: z.string(), version: z.number().int(), status: z.string() }),
  // Which licence fields were proposed, never their values.
  "document.read": z.union([
    z.object({ status: z.enum(["DONE", "FAILED"]), fields: z.array(z.string()), notices: z.array(z.string()) }),
    z.object({ status: z.enum(["DONE", "FAILED"]), failureCode: z.string() }),
  ]),
  "intake.member_registered": z.object({ channel: z.string(), byEmail: z.boolean() }),
  "hotline.call_logged": z.object({ topic: z.string(), outcome: z.string(), followUpOn: dayText.nullable(), callerMobile: z.string() }),
  "hotline.call_updated": z.object({
    outcome: z.object({ from: z.string(), to: z.string() }),
    followUpOn: z.object({ from: dayText.nullable(), to: dayText.nullable() }),
    notesChanged: z.boolean(),
  }),
  "hotline.follow_up_done": z.object({ followUpOn: dayText }),
  "hotline.application_started": z.object({ applicationId: z.string() }),
} as const;
