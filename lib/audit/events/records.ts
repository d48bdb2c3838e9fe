import { z } from "zod";
import { dayText, fenText } from "@/lib/audit/events/values";

// Records kept for the programme's statistics: union standing and founding, past loans imported.

const standing = z.object({
  enterpriseId: z.string(), validFrom: dayText, validTo: dayText.nullable(), unionName: z.string(), replaces: z.string().nullable(), via: z.string(),
});
const founding = z.object({
  enterpriseId: z.string(), foundedOn: dayText, memberCount: z.number().int(), unionName: z.string(), replaces: z.string().nullable(), via: z.string(),
});

export const RECORDS_AUDIT_EVENTS = {
  "union.standing_recorded": standing,
  "union.standing_corrected": standing,
  "union.founding_recorded": founding,
  "union.founding_corrected": founding,
  "history.imported": z.object({
    fileName: z.string(), sha256: z.string(), bankOrgId: z.string(), status: z.literal("IMPORTED"),
    applications: z.number().int(), loans: z.number().int(), lentFen: fenText, payments: z.number().int(),
    subsidyFen: fenText, unions: z.number().int(), members: z.number().int(),
  }),
} as const;
