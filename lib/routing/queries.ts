import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { CHOOSE_FREELY, PARTNER_TYPES, type PartnerType, type RoutingRule } from "@/lib/routing/rules";

type Reader = Prisma.TransactionClient | typeof db;

/** The rule in force for one partner type (no row yet: the person at the step chooses). */
export async function routingRule(type: PartnerType, reader: Reader = db): Promise<RoutingRule & { version: number }> {
  const [row, routes] = await Promise.all([
    reader.partnerRouting.findUnique({ where: { partnerType: type } }),
    reader.districtRoute.findMany({ where: { partnerType: type }, select: { districtOrgId: true, partnerOrgId: true } }),
  ]);
  if (!row) return { ...CHOOSE_FREELY, version: -1 };
  return { mode: row.mode, defaultOrgId: row.defaultOrgId, districts: new Map(routes.map((r) => [r.districtOrgId, r.partnerOrgId])), version: row.version };
}

/** The rules in force for several partner types at once: one read of each table, whatever their number. */
export async function routingRules<T extends PartnerType>(types: readonly T[], reader: Reader = db): Promise<Record<T, RoutingRule & { version: number }>> {
  const [rows, routes] = await Promise.all([
    reader.partnerRouting.findMany({ where: { partnerType: { in: [...types] } } }),
    reader.districtRoute.findMany({ where: { partnerType: { in: [...types] } }, select: { partnerType: true, districtOrgId: true, partnerOrgId: true } }),
  ]);
  return Object.fromEntries(types.map((type) => {
    const row = rows.find((r) => r.partnerType === type);
    if (!row) return [type, { ...CHOOSE_FREELY, version: -1 }];
    const districts = new Map(routes.filter((r) => r.partnerType === type).map((r) => [r.districtOrgId, r.partnerOrgId]));
    return [type, { mode: row.mode, defaultOrgId: row.defaultOrgId, districts, version: row.version }];
  })) as Record<T, RoutingRule & { version: number }>;
}

/** Everything the routing page shows: each type's rule, the active partners and the district unions. */
export async function routingOverview(actor: Actor) {
  assertCan(actor, "admin.read");
  const [rules, orgs] = await Promise.all([
    Promise.all(PARTNER_TYPES.map(async (type) => ({ type, ...(await routingRule(type)) }))),
    db.organisation.findMany({
      where: { type: { in: ["GUARANTOR", "BANK", "DISTRICT_UNION"] } },
      orderBy: [{ type: "asc" }, { code: "asc" }],
      select: { id: true, code: true, type: true, nameZh: true, nameEn: true, disabledAt: true },
    }),
  ]);
  const partners = (type: PartnerType) => orgs.filter((o) => o.type === type && !o.disabledAt);
  return {
    districts: orgs.filter((o) => o.type === "DISTRICT_UNION" && !o.disabledAt),
    rules: rules.map((r) => ({
      type: r.type, mode: r.mode, defaultOrgId: r.defaultOrgId, version: r.version,
      districts: Object.fromEntries(r.districts), partners: partners(r.type),
    })),
  };
}

/** The rules in force that name an organisation (a partner in use cannot be disabled until they change). */
export async function rulesNaming(organisationId: string, reader: Reader = db): Promise<number> {
  const inForce = await reader.partnerRouting.findMany({ where: { mode: { not: "CHOSEN" } }, select: { partnerType: true, mode: true, defaultOrgId: true } });
  const byDistrict = inForce.filter((r) => r.mode === "BY_DISTRICT").map((r) => r.partnerType);
  const asRoute = byDistrict.length
    ? await reader.districtRoute.count({ where: { partnerType: { in: byDistrict }, OR: [{ partnerOrgId: organisationId }, { districtOrgId: organisationId }] } })
    : 0;
  return inForce.filter((r) => r.defaultOrgId === organisationId).length + asRoute;
}
