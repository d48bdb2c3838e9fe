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

type ChoicesRow = {
  partners: { id: string; type: PartnerType; nameZh: string }[];
  rules: { partnerType: PartnerType; mode: RoutingRule["mode"]; defaultOrgId: string | null; version: number; districtPartnerId: string | null }[];
};

/**
 * What a routing step chooses from, in one statement: the active partners of both types (by code)
 * and each type's rule in force, its district routes narrowed to the case's intake organisation
 * (the only one `routeOf` asks about for this case).
 */
export async function partnerChoices(intakeOrgId: string | null): Promise<{
  partners: ChoicesRow["partners"];
  rules: Record<PartnerType, RoutingRule & { version: number }>;
}> {
  const [row] = await db.$queryRaw<ChoicesRow[]>`
    SELECT
      COALESCE((SELECT json_agg(json_build_object('id', o.id, 'type', o.type, 'nameZh', o."nameZh") ORDER BY o.code)
                FROM "Organisation" o
                WHERE o.type IN ('GUARANTOR', 'BANK') AND o."disabledAt" IS NULL), '[]'::json) AS partners,
      COALESCE((SELECT json_agg(json_build_object('partnerType', r."partnerType", 'mode', r.mode, 'defaultOrgId', r."defaultOrgId",
                                                  'version', r.version, 'districtPartnerId', d."partnerOrgId"))
                FROM "PartnerRouting" r
                LEFT JOIN "DistrictRoute" d ON d."partnerType" = r."partnerType" AND d."districtOrgId" = ${intakeOrgId}::uuid
                WHERE r."partnerType" IN ('GUARANTOR', 'BANK')), '[]'::json) AS rules`;
  const rules = Object.fromEntries(PARTNER_TYPES.map((type) => {
    const r = row?.rules.find((x) => x.partnerType === type);
    if (!r) return [type, { ...CHOOSE_FREELY, version: -1 }];
    const districts = new Map(intakeOrgId && r.districtPartnerId ? [[intakeOrgId, r.districtPartnerId]] : []);
    return [type, { mode: r.mode, defaultOrgId: r.defaultOrgId, districts, version: r.version }];
  })) as Record<PartnerType, RoutingRule & { version: number }>;
  return { partners: row?.partners ?? [], rules };
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
