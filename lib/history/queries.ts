import "server-only";
import { db } from "@/lib/db/client";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";

export type HistoryImportRow = { id: string; fileName: string; lineCount: number; bank: string; importedBy: string | null; createdAt: Date };

/** Earlier imports of the years before the portal, newest first, and the banks a file may name. */
export async function historyImportPage(actor: Actor) {
  assertCan(actor, "history.import");
  const [imports, banks] = await Promise.all([
    db.historyImport.findMany({ orderBy: { createdAt: "desc" }, take: 20, select: { id: true, fileName: true, lineCount: true, bankOrgId: true, importedById: true, createdAt: true } }),
    db.organisation.findMany({ where: { type: "BANK" }, orderBy: { code: "asc" }, select: { id: true, nameZh: true, nameEn: true, disabledAt: true } }),
  ]);
  const people = new Map(
    (await db.user.findMany({ where: { id: { in: imports.map((i) => i.importedById) } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const bankName = new Map(banks.map((b) => [b.id, b.nameZh]));
  return {
    banks: banks.filter((b) => !b.disabledAt).map((b) => ({ id: b.id, nameZh: b.nameZh, nameEn: b.nameEn })),
    imports: imports.map((i): HistoryImportRow => ({
      id: i.id, fileName: i.fileName, lineCount: i.lineCount, bank: bankName.get(i.bankOrgId) ?? "—", importedBy: people.get(i.importedById) ?? null, createdAt: i.createdAt,
    })),
  };
}
