import { z } from "zod";
import { PARTNER_TYPES } from "@/lib/routing/rules";

const DISTRICT_FIELD = /^district:([0-9a-f-]{36})$/i;

/** One partner type's rule as the form sends it: the district table as fields `district:<id>`. */
export const routingSchema = z
  .looseObject({
    type: z.enum(PARTNER_TYPES, { error: "routing.errors.type" }),
    mode: z.enum(["CHOSEN", "DEFAULT", "BY_DISTRICT"], { error: "routing.errors.mode" }),
    defaultOrgId: z.union([z.literal(""), z.uuid({ error: "routing.errors.notAPartner" })]).optional(),
    version: z.coerce.number().int().min(-1),
  })
  .transform((v) => ({
    type: v.type,
    mode: v.mode,
    defaultOrgId: v.defaultOrgId || null,
    version: v.version,
    districts: Object.fromEntries(
      Object.entries(v).flatMap(([k, p]) => {
        const district = DISTRICT_FIELD.exec(k)?.[1];
        return district && typeof p === "string" && /^[0-9a-f-]{36}$/i.test(p) ? [[district, p]] : [];
      }),
    ),
  }));

const id = z.uuid({ error: "routing.errors.notAPartner" });
/** An administrator moves one open case of an organisation to another of its type. */
export const reassignCaseSchema = z.object({
  fromOrgId: id,
  applicationId: id,
  version: z.coerce.number().int().min(0),
  toOrgId: z.uuid({ error: "routing.errors.chooseTarget" }),
});
