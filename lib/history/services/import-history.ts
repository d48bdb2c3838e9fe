import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { appendAudit } from "@/lib/audit/record";
import { assertCan } from "@/lib/auth/permissions";
import type { Actor } from "@/lib/auth/roles";
import { AppError } from "@/lib/errors";
import { beijingNoon, beijingToday, dateColumnOf, dayOfDateColumn } from "@/lib/calendar/beijing";
import { readRows } from "@/lib/subsidies/statement-parser";
import { isIsoDate } from "@/lib/loans/schedule";
import { writeFounding } from "@/lib/unions/founding-write";
import {
  crossLineProblems, HISTORY_COLUMNS, MAX_HISTORY_ROWS, parseHistoryRow,
  type HistoryLine, type HistoryProblem,
} from "@/lib/history/lines";

export const MAX_HISTORY_BYTES = 5 * 1024 * 1024;

/**
 * The one account that holds historical records. People of the years before the portal get no
 * login (nothing of theirs but a name is known, and an account nobody asked for is personal data
 * with no purpose): their applications and enterprises belong to this account, which has no
 * password, no mobile, and is disabled, so nobody can ever sign in as it.
 */
export const HISTORY_HOLDER_EMAIL = "historical-records@archive.invalid";

export type HistoryOutcome =
  | { status: "IMPORTED"; applications: number; loans: number; lentFen: bigint; payments: number; subsidyFen: bigint; unions: number; members: number }
  | { status: "ALREADY_IMPORTED" }
  | { status: "REJECTED"; problems: HistoryProblem[] };

const numberOf = (l: HistoryLine) => `H-${l.creditCode}-${l.submittedOn.replaceAll("-", "")}`;
const contractOf = (l: HistoryLine) => `H-${l.creditCode}-${l.loan!.disbursedOn.replaceAll("-", "")}`;

class Refused extends Error {
  constructor(readonly problems: HistoryProblem[]) {
    super("history import refused");
  }
}

const rejected = (problems: HistoryProblem[]): HistoryOutcome => ({ status: "REJECTED", problems: problems.sort((a, b) => a.line - b.line) });

/**
 * Applications, loans, subsidy payments and union foundings of the years before the portal, from a
 * CSV or XLSX file, all or nothing: every line's problems (format, dates, the lines together, what
 * is already recorded) come back as one report and nothing is stored. The records are marked
 * historical: every list shows it, the workflow never moves them, and the statistics count them
 * with the same queries as the portal's own. The same file twice adds nothing.
 */
export async function importHistory(
  actor: Actor,
  file: { fileName: string; bytes: Uint8Array; bankOrgId: string },
  today: string = beijingToday(),
): Promise<HistoryOutcome> {
  assertCan(actor, "history.import");
  if (actor.kind !== "STAFF") throw new AppError("NOT_FOUND");
  if (file.bytes.length > MAX_HISTORY_BYTES) return rejected([{ line: 0, code: "FILE", params: { detail: "TOO_LARGE" } }]);
  const bank = await db.organisation.findFirst({ where: { id: file.bankOrgId, type: "BANK", disabledAt: null }, select: { id: true } });
  if (!bank) throw new AppError("VALIDATION", undefined, { bankOrgId: ["BANK"] });
  const sha = createHash("sha256").update(file.bytes).digest("hex");
  if (await db.historyImport.findUnique({ where: { fileSha256: sha }, select: { id: true } })) return { status: "ALREADY_IMPORTED" };

  const rows = await readRows(file.bytes);
  if ("error" in rows) return rejected([{ line: 0, code: "FILE", detail: rows.error }]);
  const [header, ...body] = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  if (!header || HISTORY_COLUMNS.some((c, i) => header.cells[i]?.trim().toLowerCase() !== c)) {
    return rejected([{ line: header?.line ?? 1, code: "HEADER", params: { columns: HISTORY_COLUMNS.join(",") } }]);
  }
  if (body.length === 0) return rejected([{ line: 0, code: "EMPTY" }]);
  if (body.length > MAX_HISTORY_ROWS) return rejected([{ line: 0, code: "TOO_MANY_ROWS", params: { max: MAX_HISTORY_ROWS } }]);

  const lines: HistoryLine[] = [];
  const problems: HistoryProblem[] = [];
  // Loans on lines refused for something else still count as earlier loans for a renewal, so one
  // mistake is reported once, not again on every renewal after it.
  const refusedLoans: [string, string][] = [];
  for (const row of body) {
    const parsed = parseHistoryRow(row.line, row.cells, today);
    if ("line" in parsed) lines.push(parsed.line);
    else {
      problems.push(...parsed.problems);
      const [code = "", , , , , , disbursedOn = ""] = row.cells.map((c) => c.trim());
      if (isIsoDate(disbursedOn)) refusedLoans.push([code.toUpperCase(), disbursedOn]);
    }
  }

  // What is already recorded: enterprises, their loans (a renewal needs one), applications and
  // contracts of earlier imports, and unions already founded.
  const codes = [...new Set(lines.map((l) => l.creditCode))];
  const firms = await db.enterprise.findMany({
    where: { creditCode: { in: codes } },
    select: { id: true, creditCode: true, loans: { where: { disbursedOn: { not: null } }, select: { disbursedOn: true } }, unionFoundings: { where: { supersededAt: null }, select: { id: true } } },
  });
  const firmByCode = new Map(firms.map((f) => [f.creditCode, f]));
  const earlierLoans = new Map(firms.map((f) => [f.creditCode, f.loans.map((l) => dayOfDateColumn(l.disbursedOn!))]));
  for (const [code, day] of refusedLoans) earlierLoans.set(code, [...(earlierLoans.get(code) ?? []), day]);
  problems.push(...crossLineProblems(lines, earlierLoans));
  const numbers = new Set((await db.loanApplication.findMany({ where: { number: { in: lines.map(numberOf) } }, select: { number: true } })).map((a) => a.number));
  const funded = lines.filter((l) => l.loan);
  const contracts = new Set((await db.loan.findMany({ where: { contractNo: { in: funded.map(contractOf) } }, select: { contractNo: true } })).map((l) => l.contractNo));
  const contractLines = new Map<string, number>();
  for (const l of lines) {
    if (numbers.has(numberOf(l))) problems.push({ line: l.line, code: "ALREADY_RECORDED" });
    if (l.union && (firmByCode.get(l.creditCode)?.unionFoundings.length ?? 0) > 0) problems.push({ line: l.line, code: "ALREADY_FOUNDED" });
    if (!l.loan) continue;
    const other = contractLines.get(contractOf(l));
    if (contracts.has(contractOf(l)) || other !== undefined) problems.push({ line: l.line, code: "CONTRACT_TAKEN", params: { other: other ?? 0 } });
    contractLines.set(contractOf(l), l.line);
  }
  if (problems.length) return rejected(problems);

  try {
    return await db.$transaction(async (tx) => {
      const holder = await tx.user.upsert({
        where: { email: HISTORY_HOLDER_EMAIL },
        update: {},
        create: { email: HISTORY_HOLDER_EMAIL, displayName: "historical-records", passwordHash: "!", disabledAt: new Date() },
        select: { id: true },
      });
      const imp = await tx.historyImport.create({
        data: { fileName: file.fileName.slice(0, 200), fileSha256: sha, lineCount: lines.length, bankOrgId: bank.id, importedById: actor.userId, organisationId: actor.organisationId },
        select: { id: true },
      });
      const enterpriseIds = new Map(firms.map((f) => [f.creditCode, f.id]));
      const newFirms = lines.filter((l, i) => !enterpriseIds.has(l.creditCode) && lines.findIndex((o) => o.creditCode === l.creditCode) === i);
      for (const l of newFirms) enterpriseIds.set(l.creditCode, randomUUID());
      await tx.enterprise.createMany({
        data: newFirms.map((l) => ({
          id: enterpriseIds.get(l.creditCode)!, representativeId: holder.id, name: l.enterpriseName, creditCode: l.creditCode,
          legalRepName: l.representative, address: "", industry: "", foundedOn: dateColumnOf(l.enterpriseFoundedOn), employees: 0,
          annualRevenueFen: 0n, hasUnion: false,
        })),
      });
      const appIds = new Map(lines.map((l) => [l.line, randomUUID()]));
      await tx.loanApplication.createMany({
        data: lines.map((l) => ({
          id: appIds.get(l.line)!, number: numberOf(l), kind: l.kind, applicantId: holder.id, enterpriseId: enterpriseIds.get(l.creditCode)!,
          bankOrgId: l.loan ? bank.id : null, amountFen: l.loan?.amountFen ?? null, termMonths: l.loan?.termMonths ?? null,
          // A historical case is closed: funded ones as settled, the others as not funded.
          status: l.loan ? "SETTLED" : "REJECTED", closeReason: l.loan ? null : "HISTORICAL_NOT_FUNDED",
          submittedAt: beijingNoon(l.submittedOn), closedAt: beijingNoon(l.loan?.disbursedOn ?? l.submittedOn),
          historical: true, historyImportId: imp.id,
        })),
      });
      const loanIds = new Map(funded.map((l) => [l.line, randomUUID()]));
      await tx.loan.createMany({
        data: funded.map((l) => ({
          id: loanIds.get(l.line)!, applicationId: appIds.get(l.line)!, enterpriseId: enterpriseIds.get(l.creditCode)!, bankOrgId: bank.id,
          contractNo: contractOf(l), principalFen: l.loan!.amountFen, disbursedFen: l.loan!.amountFen, annualRateMicros: l.loan!.annualRateMicros,
          lprReference: "", termMonths: l.loan!.termMonths, repaymentMethod: "INTEREST_MONTHLY_PRINCIPAL_AT_MATURITY", status: "SETTLED",
          approvedAt: beijingNoon(l.loan!.disbursedOn), disbursedOn: dateColumnOf(l.loan!.disbursedOn), maturityOn: dateColumnOf(l.loan!.maturityOn),
          historical: true, historyImportId: imp.id,
        })),
      });
      const payments = funded.flatMap((l) => l.subsidies.map((s) => ({ importId: imp.id, loanId: loanIds.get(l.line)!, paidOn: dateColumnOf(s.paidOn), amountFen: s.amountFen })));
      await tx.historicalSubsidyPayment.createMany({ data: payments });
      const unions = lines.filter((l) => l.union);
      for (const l of unions) {
        const written = await writeFounding(tx, actor, enterpriseIds.get(l.creditCode)!, l.union!, "history", imp.id);
        if ("refused" in written) throw new Refused([{ line: l.line, code: "ALREADY_FOUNDED" }]);
      }
      const outcome = {
        status: "IMPORTED" as const,
        applications: lines.length,
        loans: funded.length,
        lentFen: funded.reduce((sum, l) => sum + l.loan!.amountFen, 0n),
        payments: payments.length,
        subsidyFen: payments.reduce((sum, p) => sum + p.amountFen, 0n),
        unions: unions.length,
        members: unions.reduce((sum, l) => sum + l.union!.memberCount, 0),
      };
      await appendAudit(tx, {
        actorId: actor.userId, organisationId: actor.organisationId, entityType: "HistoryImport", entityId: imp.id, action: "history.imported",
        data: { fileName: file.fileName, sha256: sha, bankOrgId: bank.id, ...outcome, lentFen: String(outcome.lentFen), subsidyFen: String(outcome.subsidyFen) },
      });
      return outcome;
    }, { timeout: 120_000 });
  } catch (error) {
    if (error instanceof Refused) return rejected(error.problems);
    // The same records from another import committed in between: the unique keys decide.
    if ((error as { code?: string }).code === "P2002") return rejected([{ line: 0, code: "ALREADY_RECORDED" }]);
    throw error;
  }
}
