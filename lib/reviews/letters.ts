import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { scopedApplication } from "@/lib/applications/scope";
import { isUuid } from "@/lib/ids";
import { openCaseFacts } from "@/lib/applications/snapshot-store";
import { renderBankApprovalNotice, renderGuaranteeLetter, renderRecommendationLetter, REPAYMENT_METHOD_WORDING } from "@/lib/pdf/review-letters";
import { beijingDayOf } from "@/lib/calendar/beijing";

export const LETTER_KINDS = ["recommendation", "guarantee", "approval"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

// Who reads each letter: its writer and its addressee (and the applicant for the bank's notice).
const READERS: Record<LetterKind, readonly string[]> = {
  recommendation: ["CENTER_REVIEWER", "CENTER_APPROVER", "AUDITOR", "PROGRAM_ADMIN", "GUARANTOR_OFFICER"],
  guarantee: ["CENTER_REVIEWER", "CENTER_APPROVER", "AUDITOR", "PROGRAM_ADMIN", "GUARANTOR_OFFICER", "BANK_OFFICER"],
  approval: ["CENTER_REVIEWER", "CENTER_APPROVER", "AUDITOR", "PROGRAM_ADMIN", "BANK_OFFICER", "APPLICANT"],
};

/**
 * A review letter of a case the actor may see, once the step that issues it has happened. The
 * letters name the enterprise and its legal representative only: no ID numbers or phones. The
 * caller names the file in the reader's language from its kind and the case number.
 */
export async function reviewLetter(actor: Actor, id: string, kind: LetterKind): Promise<{ number: string; pdf: Buffer } | null> {
  if (!isUuid(id) || !READERS[kind].includes(actor.role)) return null;
  const app = await db.loanApplication.findFirst({
    where: scopedApplication(actor, id),
    include: {
      enterprise: { select: { name: true, creditCode: true, legalRepName: true, industry: true } },
      guarantees: { where: { voidedAt: null }, take: 1 },
      loan: true,
      guarantorOrg: { select: { nameZh: true } },
      bankOrg: { select: { nameZh: true } },
      decisions: { where: { stage: "CENTER", action: { in: ["RECOMMEND", "CONFIRM"] } }, orderBy: { createdAt: "desc" } },
      snapshots: { orderBy: { sequence: "asc" }, select: { takenAt: true, payloadSealed: true } },
    },
  });
  if (!app) return null;
  const guarantee = app.guarantees[0] ?? null;
  const centre = await db.organisation.findFirst({ where: { type: "SUPPORT_CENTER" }, select: { nameZh: true } });
  // A letter names the enterprise as the case stood when the letter's step was decided on: the
  // last snapshot taken before that moment (the live record for a case without snapshots).
  const asDecided = (at: Date) => {
    const taken = app.snapshots.filter((s) => s.takenAt <= at).at(-1);
    const e = taken ? openCaseFacts(taken.payloadSealed).enterprise : app.enterprise;
    return { enterprise: { name: e.name, creditCode: e.creditCode, legalRep: e.legalRepName }, industry: e.industry };
  };
  const generatedAt = new Date();
  if (kind === "recommendation") {
    const confirmed = app.decisions.find((d) => d.action === "CONFIRM");
    if (!confirmed || !app.guarantorOrg) return null;
    const { enterprise, industry } = asDecided(confirmed.createdAt);
    const opinion = app.decisions.find((d) => d.action === "RECOMMEND")?.comment ?? confirmed.comment;
    const pdf = await renderRecommendationLetter({
      documentNo: app.recommendationNo ?? `TJ-${app.number}`, issuedOn: beijingDayOf(confirmed.createdAt), generatedAt, enterprise, applicationNo: app.number,
      kind: app.kind, centreName: centre?.nameZh ?? "", guarantorName: app.guarantorOrg.nameZh, industry,
      amountFen: app.amountFen ?? 0n, termMonths: app.termMonths ?? 0, purpose: app.purpose ?? "", greenChannel: app.greenChannel,
      centreOpinion: opinion,
    });
    return { number: app.number, pdf };
  }
  if (kind === "guarantee") {
    if (!guarantee || !app.guarantorOrg || !app.bankOrg) return null;
    const { enterprise } = asDecided(guarantee.issuedAt);
    const pdf = await renderGuaranteeLetter({
      documentNo: guarantee.contractNo, issuedOn: beijingDayOf(guarantee.issuedAt), generatedAt, enterprise,
      guarantorName: app.guarantorOrg.nameZh, bankName: app.bankOrg.nameZh, guaranteeContractNo: guarantee.contractNo,
      guaranteedAmountFen: guarantee.guaranteedFen, termMonths: guarantee.termMonths, guaranteeFeeFen: guarantee.feeFen, reviewFeeFen: 0n,
    });
    return { number: app.number, pdf };
  }
  if (!app.loan || !guarantee || !app.bankOrg || !app.guarantorOrg) return null;
  const { enterprise } = asDecided(app.loan.approvedAt);
  const rate = app.loan.annualRateMicros;
  const pdf = await renderBankApprovalNotice({
    documentNo: app.loan.contractNo, issuedOn: beijingDayOf(app.loan.approvedAt), generatedAt, enterprise, bankName: app.bankOrg.nameZh,
    guarantorName: app.guarantorOrg.nameZh, loanContractNo: app.loan.contractNo, guaranteeContractNo: guarantee.contractNo,
    principalFen: app.loan.principalFen, annualRate: `${Math.floor(rate / 10_000)}.${String(rate % 10_000).padStart(4, "0").replace(/0{1,2}$/, "")}%`,
    lprReference: app.loan.lprReference, termMonths: app.loan.termMonths, repaymentMethod: REPAYMENT_METHOD_WORDING[app.loan.repaymentMethod],
  });
  return { number: app.number, pdf };
}
