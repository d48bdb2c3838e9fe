import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { checklistProblems, codeProblem, nameProblems, type Checklists, type Names } from "@/lib/reference/checks";
import { ReferenceRefused } from "@/lib/reference/refusal";

// Administrators keep the loan categories (each with its document checklist per application kind)
// and the target groups: create, rename, deactivate and reactivate. An inactive entry is not
// offered to new drafts or profiles; records that hold it keep it. Every change is an audit event
// with before and after; a change made on a stale view (`version`) is refused, nothing changed.

export type ReferenceList = "category" | "targetGroup";

const ENTITY = { category: "LoanCategory", targetGroup: "TargetGroup" } as const;
const PREFIX = { category: "category", targetGroup: "target_group" } as const;
const orgOf = (actor: Actor) => (actor.kind === "STAFF" ? actor.organisationId : null);

type Row = Names & { active: boolean; version: number };

async function find(tx: Prisma.TransactionClient, list: ReferenceList, code: string): Promise<Row | null> {
  const select = { nameZh: true, nameEn: true, active: true, version: true } as const;
  return list === "category" ? tx.loanCategory.findUnique({ where: { code }, select }) : tx.targetGroup.findUnique({ where: { code }, select });
}

async function compareAndSet(tx: Prisma.TransactionClient, list: ReferenceList, code: string, version: number, data: Partial<Names & { active: boolean }>) {
  const args = { where: { code, version }, data: { ...data, version: { increment: 1 } } };
  const updated = list === "category" ? await tx.loanCategory.updateMany(args) : await tx.targetGroup.updateMany(args);
  if (updated.count !== 1) throw new AppError("CONFLICT");
}

const checklistRows = (code: string, checklists: Checklists) =>
  (["NEW", "RENEWAL"] as const).flatMap((kind) => [...new Set(checklists[kind])].map((documentKind) => ({ categoryCode: code, kind, documentKind })));

/** A new category (with its checklist for new applications and renewals) or target group. */
export async function createReferenceEntry(
  actor: Actor,
  list: ReferenceList,
  input: Names & { code: string; checklists?: Checklists },
): Promise<{ code: string }> {
  assertCan(actor, "admin.write");
  const names = { nameZh: input.nameZh.trim(), nameEn: input.nameEn.trim() };
  const problems = [...codeProblem(input.code), ...nameProblems(names), ...(list === "category" ? checklistProblems(input.checklists ?? { NEW: [], RENEWAL: [] }) : [])];
  if (problems.length) throw new ReferenceRefused(problems);
  const taken = () => new ReferenceRefused([{ field: "code", code: "CODE_TAKEN" }]);
  try {
    return await db.$transaction(async (tx) => {
      // A code once used stays used, active or not: applications and profiles may hold it.
      if (await find(tx, list, input.code)) throw taken();
      if (list === "category") {
        await tx.loanCategory.create({ data: { code: input.code, ...names } });
        await tx.categoryDocument.createMany({ data: checklistRows(input.code, input.checklists!) });
      } else {
        await tx.targetGroup.create({ data: { code: input.code, ...names } });
      }
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: orgOf(actor), entityType: ENTITY[list], entityId: input.code, action: `${PREFIX[list]}.created`,
        data: { before: null, after: { code: input.code, ...names, ...(list === "category" ? { checklists: sorted(input.checklists!) } : {}) } },
      });
      return { code: input.code };
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw taken();
    throw error;
  }
}

/** Renames, deactivates or reactivates an entry as the administrator last saw it. */
export async function updateReferenceEntry(
  actor: Actor,
  list: ReferenceList,
  input: { code: string; version: number } & ({ names: Names } | { active: boolean }),
): Promise<void> {
  assertCan(actor, "admin.write");
  const names = "names" in input ? { nameZh: input.names.nameZh.trim(), nameEn: input.names.nameEn.trim() } : null;
  if (names) {
    const problems = nameProblems(names);
    if (problems.length) throw new ReferenceRefused(problems);
  }
  await db.$transaction(async (tx) => {
    const before = await find(tx, list, input.code);
    if (!before) throw new AppError("NOT_FOUND");
    const data = names ?? { active: (input as { active: boolean }).active };
    await compareAndSet(tx, list, input.code, input.version, data);
    const action = names ? "renamed" : (data as { active: boolean }).active ? "reactivated" : "deactivated";
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: orgOf(actor), entityType: ENTITY[list], entityId: input.code, action: `${PREFIX[list]}.${action}`,
      data: names
        ? { before: { nameZh: before.nameZh, nameEn: before.nameEn }, after: names }
        : { before: { active: before.active }, after: data as { active: boolean } },
    });
  });
}

const sorted = (c: Checklists) => ({ NEW: [...new Set(c.NEW)].sort(), RENEWAL: [...new Set(c.RENEWAL)].sort() });

/**
 * A category's document checklist replaced, as the administrator last saw the category. Drafts
 * not yet submitted are held to the new list; submitted cases keep the one they were submitted with.
 */
export async function setCategoryChecklist(actor: Actor, input: { code: string; version: number; checklists: Checklists }): Promise<void> {
  assertCan(actor, "admin.write");
  const problems = checklistProblems(input.checklists);
  if (problems.length) throw new ReferenceRefused(problems);
  await db.$transaction(async (tx) => {
    if (!(await find(tx, "category", input.code))) throw new AppError("NOT_FOUND");
    const rows = await tx.categoryDocument.findMany({ where: { categoryCode: input.code }, select: { kind: true, documentKind: true } });
    const before = sorted({ NEW: rows.filter((r) => r.kind === "NEW").map((r) => r.documentKind), RENEWAL: rows.filter((r) => r.kind === "RENEWAL").map((r) => r.documentKind) });
    await compareAndSet(tx, "category", input.code, input.version, {});
    await tx.categoryDocument.deleteMany({ where: { categoryCode: input.code } });
    await tx.categoryDocument.createMany({ data: checklistRows(input.code, input.checklists) });
    await appendAudit(tx, {
      actorId: actor.userId, organisationId: orgOf(actor), entityType: "LoanCategory", entityId: input.code, action: "category.checklist_changed",
      data: { before, after: sorted(input.checklists) },
    });
  });
}
