import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { requireSection } from "@/lib/auth/actor";
import { HOLDER, WITHDRAWABLE_STATUSES } from "@/lib/applications/workflow";
import { APPLICATION_STEPS, applicantCaseView, type ApplicantCaseView } from "@/lib/applications/case-view";
import { isRejectReason } from "@/lib/reviews/schemas";
import { fenToYuanString, formatFen } from "@/lib/money/fen";
import { StatusBadgeWith } from "@/components/applications/status-badge";
import { TimelineView } from "@/components/applications/timeline";
import { EligibilityNotice } from "@/components/applications/eligibility-notice";
import { LoanRequestForm } from "@/components/applications/loan-request-form";
import { SubmitForm, WithdrawForm } from "@/components/applications/case-actions";
import { DocumentUploader } from "@/components/documents/document-uploader";
import type { ChecklistItem } from "@/lib/applications/required-documents";
import type { EligibilityBlock } from "@/lib/applications/eligibility";
import { ClientMessages } from "@/components/layout/client-messages";

/** A translator the page needs only for some cases or steps (one is built per namespace and request). */
const when = <T,>(needed: boolean, read: () => Promise<T>): Promise<T | null> => (needed ? read() : Promise.resolve(null));

/**
 * Every translator the page and its open step use, read at once: the steps are plain components
 * given them, so each renders within the page's own payload row instead of one of its own.
 */
async function caseWords({ editable, step, eligibility }: ApplicantCaseView) {
  const blocks = !!eligibility?.length;
  const [t, format, orgTypes, table, actions, status, events, inbox, reasons, kinds, applicant, enterprise, blocked, root] = await Promise.all([
    getTranslations("applicant.application"), getFormatter(), getTranslations("orgTypes"), getTranslations("table"),
    getTranslations("applicant.caseActions"), getTranslations("status"), getTranslations("events"), getTranslations("inbox"),
    when(!editable, () => getTranslations("case.rejectReasons")),
    when(editable && (step === "documents" || step === "review"), () => getTranslations("case.documents.kind")),
    when(editable && (step === "enterprise" || blocks), () => getTranslations("applicant")),
    when(editable && step === "enterprise", () => getTranslations("case.enterprise")),
    when(editable && blocks, () => getTranslations("errors.eligibility")),
    when(editable && blocks, () => getTranslations()),
  ]);
  return {
    t, format, orgTypes, table, actions, status, reasons, kinds, applicant, enterprise,
    timeline: { t: events, orgTypes, inbox, format }, notice: blocked && applicant && root ? { t: blocked, a: applicant, root } : null,
  };
}
type Words = Awaited<ReturnType<typeof caseWords>>;

export default async function ApplicationPage({ params, searchParams }: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ step?: string }>;
}) {
  const actor = await requireSection("applicant");
  const [{ id }, { step }] = await Promise.all([params, searchParams]);
  const view = await applicantCaseView(actor, id, step);
  if (!view) notFound();
  const { app, timeline } = view;
  const words = await caseWords(view);
  const { t, format, orgTypes, table, actions } = words;
  // What the reviewer wrote to the applicant with the return (never the organisations' comment).
  const returnMessage = timeline.findLast((e) => e.event === "returned")?.message?.text ?? null;
  const holder = HOLDER[app.status];
  const due = app.status === "RETURNED" ? app.returnDueAt : app.stageDueAt;

  return (
    <>
      <p><Link href="/applicant">{t("back")}</Link></p>
      <h1>
        <span translate="no">{app.enterprise.name}</span> · {app.number} <StatusBadgeWith status={app.status} label={words.status(app.status)} />{" "}
        {app.kind === "RENEWAL" ? <span className="badge">{table("RENEWAL")}</span> : null}{" "}
        {app.greenChannel ? <span className="badge badge--green">{table("green")}</span> : null}
      </h1>

      {holder && app.status !== "DRAFT" ? (
        <p className="notice notice--info" data-testid="holder">
          {t("holder", { holder: holder === "APPLICANT" ? t("holderApplicant") : orgTypes(holder) })}
          {app.stageEnteredAt ? t("holderSince", { at: format.dateTime(app.stageEnteredAt, { dateStyle: "medium", timeStyle: "short" }) }) : ""}
          {due ? t("holderDue", { due: format.dateTime(due, { dateStyle: "medium" }) }) : ""}
        </p>
      ) : null}

      {app.status === "RETURNED" && app.lastReturn ? (
        <section className="notice notice--warn" data-testid="return-list">
          <strong>{t("returnTitle")}</strong>
          <ul>{app.lastReturn.missingItems.map((m) => <li key={m}>{m}</li>)}</ul>
          {returnMessage ? <blockquote className="staff-text">{returnMessage}</blockquote> : null}
          {app.returnDueAt ? <p>{t("returnDue", { date: format.dateTime(app.returnDueAt, { dateStyle: "long" }) })}</p> : null}
        </section>
      ) : null}

      {/* Only the steps' forms translate in the browser: a case that is only read sends no catalogue. */}
      {view.editable ? (
        <ClientMessages namespaces={["applicant.autosave", "applicant.loanForm", "case.upload"]}>
          <EditSteps view={view} words={words} />
        </ClientMessages>
      ) : (
        <CaseSummary app={app} words={words} />
      )}

      {WITHDRAWABLE_STATUSES.includes(app.status) ? (
        <WithdrawForm
          applicationId={app.id}
          version={app.version}
          words={{ withdraw: actions("withdraw"), withdrawReason: actions("withdrawReason"), withdrawConfirm: actions("withdrawConfirm") }}
        />
      ) : null}

      <h2>{t("progress")}</h2>
      <TimelineView entries={timeline} words={words.timeline} />
    </>
  );
}

type App = ApplicantCaseView["app"];

function EditSteps({ view, words }: { view: ApplicantCaseView; words: Words }) {
  const { app, step } = view;
  const base = `/applicant/applications/${app.id}`;
  // Shown on every step, so a problem is known before the applicant fills in the rest (the review step shows its own).
  const blocks = view.eligibility ?? [];
  const { t } = words;
  return (
    <>
      <ol className="stepper" aria-label={t("stepsLabel")}>
        {APPLICATION_STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? "step" : undefined} className={i < APPLICATION_STEPS.indexOf(step) ? "done" : undefined}>
            <Link href={`${base}?step=${s}`} style={{ color: "inherit", textDecoration: "none" }}>{i + 1}. {t(`steps.${s}`)}</Link>
          </li>
        ))}
      </ol>
      {step !== "review" && words.notice ? <EligibilityNotice blocks={blocks} words={words.notice} /> : null}
      <section className="card">
        {step === "enterprise" ? <EnterpriseStep app={app} words={words} /> : null}
        {step === "loan" && view.loan ? <LoanStep app={app} loan={view.loan} words={words} /> : null}
        {step === "documents" ? <DocumentsStep app={app} checklist={view.checklist ?? []} words={words} /> : null}
        {step === "review" ? <ReviewStep app={app} blocks={blocks} checklist={view.checklist ?? []} drafts={view.pendingDrafts ?? []} words={words} /> : null}
      </section>
    </>
  );
}

function EnterpriseStep({ app, words }: { app: App; words: Words }) {
  const e = app.enterprise;
  const [t, facts] = [words.applicant!, words.enterprise!];
  return (
    <>
      <h2>{t("application.steps.enterprise")}</h2>
      <dl className="facts">
        <dt>{facts("name")}</dt><dd>{e.name}</dd>
        <dt>{facts("creditCode")}</dt><dd>{e.creditCode}</dd>
        <dt>{facts("legalRep")}</dt><dd>{e.legalRepName}</dd>
        <dt>{facts("address")}</dt><dd>{e.address}</dd>
        <dt>{facts("employees")}</dt><dd>{e.employees}</dd>
        <dt>{facts("revenue")}</dt><dd>{formatFen(e.annualRevenueFen)}</dd>
        <dt>{facts("union")}</dt><dd>{e.hasUnion ? facts("hasUnion", { n: String(e.unionMemberCount) }) : facts("noUnion")}</dd>
      </dl>
      <div className="actions" style={{ marginTop: "1rem" }}>
        <Link className="btn btn--secondary" href={`/applicant/enterprises/${e.id}`}>{t("enterprise.editTitle")}</Link>
        <Link className="btn btn--primary" href={`/applicant/applications/${app.id}?step=loan`}>{t("application.next")}</Link>
      </div>
    </>
  );
}

function LoanStep({ app, loan, words }: { app: App; loan: NonNullable<ApplicantCaseView["loan"]>; words: Words }) {
  const { categories, limits: policy, draft } = loan;
  const { t } = words;
  return (
    <>
      <h2>{t("steps.loan")}</h2>
      {app.previousLoan ? (
        <p className="notice notice--info">{t("renewalNote", { contractNo: app.previousLoan.contractNo, amount: formatFen(app.previousLoan.principalFen) })}</p>
      ) : null}
      <LoanRequestForm
        applicationId={app.id}
        categories={categories}
        limits={{ maxLoan: formatFen(policy.maxLoanFen), maxTermMonths: policy.maxTermMonths }}
        draft={draft}
        defaults={{
          categoryCode: app.categoryCode ?? "",
          amountYuan: app.amountFen === null ? "" : fenToYuanString(app.amountFen),
          termMonths: app.termMonths === null ? "" : String(app.termMonths),
          purpose: app.purpose ?? "",
          repaymentSource: app.repaymentSource ?? "",
        }}
      />
    </>
  );
}

function DocumentsStep({ app, checklist, words }: { app: App; checklist: ChecklistItem[]; words: Words }) {
  const { t } = words;
  const kinds = words.kinds!;
  return (
    <>
      <h2>{t("steps.documents")}</h2>
      <p className="field__hint">{t("documentsHint")}</p>
      <DocumentUploader applicationId={app.id} checklist={checklist.map((item) => ({ ...item, label: kinds(item.kind) }))} editable />
      <div className="actions" style={{ marginTop: "1rem" }}>
        <Link className="btn btn--primary" href={`/applicant/applications/${app.id}?step=review`}>{t("next")}</Link>
      </div>
    </>
  );
}

function ReviewStep({ app, blocks, checklist, drafts, words }: {
  app: App; blocks: EligibilityBlock[]; checklist: ChecklistItem[]; drafts: NonNullable<ApplicantCaseView["pendingDrafts"]>; words: Words;
}) {
  const { t, table, actions } = words;
  const kinds = words.kinds!;
  const draftLink: Record<(typeof drafts)[number], string> = {
    LOAN_REQUEST: `/applicant/applications/${app.id}?step=loan`, ENTERPRISE: `/applicant/enterprises/${app.enterprise.id}`, PROFILE: "/applicant/profile",
  };
  const missingDocs = checklist.filter((c) => c.required && !c.current).map((c) => kinds(c.kind));
  const incomplete = app.amountFen === null || app.termMonths === null || !app.purpose || !app.categoryCode;
  return (
    <>
      <h2>{t("steps.review")}</h2>
      <dl className="facts">
        <dt>{t("enterprise")}</dt><dd>{app.enterprise.name}</dd>
        <dt>{t("amount")}</dt><dd>{app.amountFen === null ? t("notFilled") : formatFen(app.amountFen)}</dd>
        <dt>{t("term")}</dt><dd>{app.termMonths ? table("months", { n: app.termMonths }) : t("notFilled")}</dd>
        <dt>{t("purpose")}</dt><dd>{app.purpose ?? t("notFilled")}</dd>
        <dt>{t("repaymentSource")}</dt><dd>{app.repaymentSource ?? t("notFilled")}</dd>
      </dl>
      {incomplete ? <p className="notice notice--warn">{t("loanStepFirst")}</p> : null}
      {missingDocs.length ? <p className="notice notice--warn">{t("missingDocs", { list: missingDocs.join(t("listSeparator")) })}</p> : null}
      {drafts.length ? (
        <div className="notice notice--warn" data-testid="pending-drafts">
          <strong>{t("draftsPending")}</strong>
          <ul>{drafts.map((d) => <li key={d}><Link href={draftLink[d]}>{t(`draftForm.${d}`)}</Link></li>)}</ul>
        </div>
      ) : null}
      {words.notice ? <EligibilityNotice blocks={blocks} words={words.notice} /> : null}
      <div className="actions" style={{ marginTop: "1rem" }}>
        <a className="btn btn--secondary" href={`/api/applications/${app.id}/form-pdf`}>{t("downloadForm")}</a>
        <SubmitForm applicationId={app.id} version={app.version} resubmit={app.status === "RETURNED"} disabled={incomplete || missingDocs.length > 0 || blocks.length > 0 || drafts.length > 0}
          label={{ ready: app.status === "RETURNED" ? actions("resubmit") : actions("submit"), disabled: actions("submitDisabled") }} />
      </div>
    </>
  );
}

function CaseSummary({ app, words }: { app: App; words: Words }) {
  const { t, table } = words;
  const reasons = words.reasons!;
  // A rejected case keeps its reason's code (older cases its Chinese name); a withdrawal, what the applicant wrote.
  const closeReason = app.status === "REJECTED" && isRejectReason(app.closeReason) ? reasons(app.closeReason) : app.closeReason;
  return (
    <section className="card">
      <h2>{t("summaryTitle")}</h2>
      <dl className="facts">
        <dt>{t("enterprise")}</dt><dd>{t("enterpriseValue", { name: app.enterprise.name, creditCode: app.enterprise.creditCode })}</dd>
        <dt>{t("amount")}</dt><dd>{app.amountFen === null ? "—" : formatFen(app.amountFen)}</dd>
        <dt>{t("term")}</dt><dd>{app.termMonths ? table("months", { n: app.termMonths }) : "—"}</dd>
        <dt>{t("purpose")}</dt><dd>{app.purpose ?? "—"}</dd>
        {app.loan ? (<><dt>{t("loanContract")}</dt><dd>{t("loanValue", {
          contractNo: app.loan.contractNo, amount: formatFen(app.loan.principalFen), rate: (app.loan.annualRateMicros / 10_000).toFixed(2),
        })}</dd></>) : null}
        {closeReason ? (<><dt>{t("closeReason")}</dt><dd>{closeReason}</dd></>) : null}
      </dl>
      <p className="actions" style={{ marginTop: "1rem" }}>
        <a className="btn btn--secondary" href={`/api/applications/${app.id}/form-pdf`}>{t("downloadForm")}</a>
        {app.loan ? <a className="btn btn--secondary" href={`/api/applications/${app.id}/letters/approval`}>{t("downloadApproval")}</a> : null}
      </p>
    </section>
  );
}
