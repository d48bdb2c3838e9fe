import type { RoutingMode } from "@/lib/generated/prisma/enums";

// Which partner a case goes to, pure. The administrator's rule per partner type is one of:
// CHOSEN (the person at the step picks any active partner), DEFAULT (one partner for every case),
// BY_DISTRICT (the partner named for the case's intake district, the default for the rest).

export const PARTNER_TYPES = ["GUARANTOR", "BANK"] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];

export type RoutingRule = {
  mode: RoutingMode;
  defaultOrgId: string | null;
  /** intake district union id → partner id (BY_DISTRICT only). */
  districts: ReadonlyMap<string, string>;
};

export const CHOOSE_FREELY: RoutingRule = { mode: "CHOSEN", defaultOrgId: null, districts: new Map() };

export type Routed =
  | { by: "choice" }
  | { by: "rule"; orgId: string }
  | { by: "rule"; orgId: null; problem: "NO_ROUTE" };

/** Where the rule sends a case from `intakeOrgId` (null for an online case). */
export function routeOf(rule: RoutingRule, intakeOrgId: string | null): Routed {
  if (rule.mode === "CHOSEN") return { by: "choice" };
  const byDistrict = rule.mode === "BY_DISTRICT" && intakeOrgId ? rule.districts.get(intakeOrgId) : undefined;
  const orgId = byDistrict ?? rule.defaultOrgId;
  return orgId ? { by: "rule", orgId } : { by: "rule", orgId: null, problem: "NO_ROUTE" };
}

/** What a routing form shows: the person's choice, or the rule's partner by name (null: none). */
export type PartnerRoute = { by: "choice" } | { by: "rule"; name: string | null };

/** A rule that would leave cases nowhere is refused when set: a rule needs its default partner. */
export const ruleNeedsDefault = (mode: RoutingMode): boolean => mode !== "CHOSEN";
