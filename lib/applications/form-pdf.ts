import "server-only";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/roles";
import { applicationScope } from "@/lib/applications/scope";
import type { DocumentKind } from "@/lib/generated/prisma/enums";
import { maskIdNumber, maskMobile } from "@/lib/validation/identity";
import { openedProfile } from "@/lib/personal-data/sealed";
import { renderApplicationForm } from "@/lib/pdf/application-form";
import { isUuid } from "@/lib/ids";

/**
 * The printable application form (shenqing biao) of a case the actor may see. The applicant's own form
 * shows their ID number and mobile in full; everyone else gets them masked. The caller names the
 * document kinds (in the reader's language).
 */
export async function applicationFormPdf(actor: Actor, id: string, documentName: (kind: DocumentKind) => string): Promise<{ number: string; pdf: Buffer } | null> {
  if (!isUuid(id)) return null;
  const app = await db.loanApplication.findFirst({
    where: { AND: [applicationScope(actor), { id }] },
    include: {
      enterprise: true,
      applicant: { select: { id: true, profile: true } },
      previousLoan: { select: { contractNo: true } },
      documents: { where: { supersededAt: null }, select: { kind: true, fileName: true } },
    },
  });
  if (!app) return null;
  const own = actor.userId === app.applicantId;
  const p = app.applicant.profile;
  const opened = p ? openedProfile(p) : null;
  const e = app.enterprise;
  const pdf = await renderApplicationForm({
    applicationNo: app.number,
    kind: app.kind,
    submittedAt: app.submittedAt,
    generatedAt: new Date(),
    applicant: {
      name: p?.fullName ?? "",
      idNumber: opened ? (own ? opened.idNumber : maskIdNumber(opened.idNumber)) : "",
      mobile: opened ? (own ? opened.mobile : maskMobile(opened.mobile)) : "",
      unionName: p?.unionName ?? "",
      memberCardNo: p?.memberCardNo ?? "",
    },
    enterprise: {
      name: e.name,
      creditCode: e.creditCode,
      legalRep: e.legalRepName,
      address: e.address,
      industry: e.industry,
      foundedOn: e.foundedOn.toISOString().slice(0, 10),
      employees: e.employees,
      annualRevenueFen: e.annualRevenueFen,
      hasOwnUnion: e.hasUnion,
      unionMemberCount: e.hasUnion ? e.unionMemberCount : null,
    },
    loan: {
      amountFen: app.amountFen ?? 0n,
      termMonths: app.termMonths ?? 0,
      purpose: app.purpose ?? "",
      repaymentSource: app.repaymentSource ?? "",
      previousContractNo: app.previousLoan?.contractNo ?? null,
    },
    greenChannel: app.greenChannel,
    documents: app.documents.map((d) => ({ name: documentName(d.kind), note: d.fileName })),
  });
  return { number: app.number, pdf };
}
