import "server-only";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import type { RoutingMode } from "@/lib/generated/prisma/enums";
import { words } from "@/lib/i18n/words";
import { routingRule } from "@/lib/routing/queries";
import { ruleNeedsDefault, type PartnerType } from "@/lib/routing/rules";

export type RoutingInput = {
  type: PartnerType;
  mode: RoutingMode;
  defaultOrgId: string | null;
  /** district union id → partner id; only kept for BY_DISTRICT. */
  districts: Record<string, string>;
  /** The rule's version as the administrator saw it (-1: never set). */
  version: number;
};


/**
 * Sets how cases find their partner of one type, as one change: the mode, the default partner and
 * the district table. Partners must be active organisations of the type, districts active district
 * unions; a rule that decides needs a default. Made on a stale view: refused.
 */
export async function setRouting(actor: Actor, input: RoutingInput): Promise<void> {
  assertCan(actor, "admin.write");
  const districts = input.mode === "BY_DISTRICT" ? Object.entries(input.districts).filter(([, p]) => p) : [];
  const defaultOrgId = ruleNeedsDefault(input.mode) ? input.defaultOrgId : null;
  if (ruleNeedsDefault(input.mode) && !defaultOrgId) throw new AppError("VALIDATION", undefined, { defaultOrgId: [words("routing.errors.defaultRequired")] });

  const ids = [...new Set([...(defaultOrgId ? [defaultOrgId] : []), ...districts.flat()])];
  const orgs = new Map((await db.organisation.findMany({ where: { id: { in: ids }, disabledAt: null }, select: { id: true, type: true, code: true } })).map((o) => [o.id, o]));
  const isA = (id: string, type: string) => orgs.get(id)?.type === type;
  if (defaultOrgId && !isA(defaultOrgId, input.type)) throw new AppError("VALIDATION", undefined, { defaultOrgId: [words("routing.errors.notAPartner")] });
  const bad = districts.filter(([d, p]) => !isA(d, "DISTRICT_UNION") || !isA(p, input.type));
  if (bad.length) throw new AppError("VALIDATION", words("routing.errors.badDistrictRoute"));

  const code = (id: string | null) => (id ? (orgs.get(id)?.code ?? id) : null);
  await db.$transaction(async (tx) => {
    const before = await routingRule(input.type, tx);
    if (before.version !== input.version) throw new AppError("CONFLICT", words("routing.errors.stale"));
    const data = { mode: input.mode, defaultOrgId, version: input.version + 1 };
    if (input.version < 0) {
      await tx.partnerRouting.create({ data: { partnerType: input.type, ...data } }).catch((e: { code?: string }) => {
        throw e.code === "P2002" ? new AppError("CONFLICT", words("routing.errors.stale")) : e;
      });
    } else {
      const updated = await tx.partnerRouting.updateMany({ where: { partnerType: input.type, version: input.version }, data });
      if (updated.count !== 1) throw new AppError("CONFLICT", words("routing.errors.stale"));
    }
    await tx.districtRoute.deleteMany({ where: { partnerType: input.type } });
    if (districts.length) await tx.districtRoute.createMany({ data: districts.map(([districtOrgId, partnerOrgId]) => ({ partnerType: input.type, districtOrgId, partnerOrgId })) });

    const beforeCodes = await codesOf([before.defaultOrgId, ...before.districts.keys(), ...before.districts.values()], tx);
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: actor.kind === "STAFF" ? actor.organisationId : null,
      entityType: "PartnerRouting", entityId: input.type, action: "routing.changed",
      data: {
        before: before.version < 0 ? null : {
          mode: before.mode, defaultPartner: beforeCodes.get(before.defaultOrgId ?? "") ?? null,
          districts: Object.fromEntries([...before.districts].map(([d, p]) => [beforeCodes.get(d) ?? d, beforeCodes.get(p) ?? p])),
        },
        after: { mode: input.mode, defaultPartner: code(defaultOrgId), districts: Object.fromEntries(districts.map(([d, p]) => [code(d), code(p)])) },
      },
    });
  });
}

async function codesOf(ids: (string | null)[], reader: Pick<typeof db, "organisation">): Promise<Map<string, string>> {
  const wanted = ids.filter((v): v is string => !!v);
  if (!wanted.length) return new Map();
  return new Map((await reader.organisation.findMany({ where: { id: { in: wanted } }, select: { id: true, code: true } })).map((o) => [o.id, o.code]));
}
