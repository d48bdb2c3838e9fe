import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import type { StaffActor } from "@/lib/auth/roles";
import { HOLDER } from "@/lib/applications/workflow";
import { IntakeChannelNote } from "@/components/intake/channel-label";
import type { TimelineEntry } from "@/lib/applications/timeline";
import type { StaffCaseView } from "@/lib/reviews/case-view";
import { REJECT_REASONS } from "@/lib/reviews/schemas";
import { fenToYuanString } from "@/lib/money/fen";
import { StatusBadge } from "@/components/applications/status-badge";
import { Timeline } from "@/components/applications/timeline";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { CaseAdmin, CaseDecisions, CaseNotes } from "@/components/reviews/case-actions";
import { previewTemplates } from "@/lib/reviews/message-templates";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import { ApplicantFacts, ApplicationFacts, EnterpriseFacts, GuaranteeAndLoan } from "@/components/reviews/case-facts";
import { CaseExceptions } from "@/components/exceptions/case-exceptions";
import { CaseServicing } from "@/components/loans/servicing-history";
import { CaseSnapshot } from "@/components/reviews/case-snapshot";
import { CaseDocuments } from "@/components/reviews/case-documents";
import { CaseLetters } from "@/components/reviews/case-letters";

/** One case as the centre, guarantor, bank or intake agent sees it; the forms are what it may do now. */
export async function CasePage({ actor, view, basePath }: { actor: StaffActor; view: StaffCaseView; basePath: string }) {
  const { c, timeline, checklist, targets, servicing, exceptions, now } = view;
  const [t, th, orgTypes, format] = await Promise.all([
    getTranslations("case"),
    getTranslations("history"),
    getTranslations("orgTypes"),
    getFormatter(),
  ]);
  const ctx: CaseFormContext = {
    applicationId: c.id,
    version: c.version,
    needsChecker: c.policy?.recommendNeedsChecker ?? true,
    guarantors: (targets?.guarantors ?? []).map((o) => ({ id: o.id, name: o.nameZh })),
    banks: (targets?.banks ?? []).map((o) => ({ id: o.id, name: o.nameZh })),
    routes: targets?.routes ?? { GUARANTOR: { by: "choice" }, BANK: { by: "choice" } },
    rejectReasons: REJECT_REASONS.map((id) => ({ id, name: t(`rejectReasons.${id}`) })),
    colleagues: c.colleagues,
    currentUserId: actor.userId,
    preview: { ...previewTemplates(), number: c.number, orgType: actor.organisationType, answerDueOn: view.answerDueOn },
    defaults: {
      amountYuan: c.amountFen === null ? "" : fenToYuanString(c.amountFen),
      termMonths: String(c.guarantee?.termMonths ?? c.termMonths ?? ""),
      principalYuan: fenToYuanString(c.guarantee?.guaranteedFen ?? c.amountFen ?? 0n),
      disburseYuan: c.loan ? fenToYuanString(c.loan.principalFen) : "",
      today: view.today,
      lpr: view.lpr,
    },
  };
  const holder = HOLDER[c.status];
  const holderName = holder === "GUARANTOR" ? c.guarantorOrg : holder === "BANK" ? c.bankOrg : null;
  const due = c.status === "RETURNED" ? c.returnDueAt : c.stageDueAt;
  const overdue = due !== null && due < now;
  const lastReturn = c.status === "RETURNED" || c.status === "EXPIRED" ? lastOf(timeline, "returned") : null;
  const waiting = c.pendingRecommendationBy ? t("header.pending", { name: c.pendingRecommendationBy }) : null;

  return (
    <PageFeedback>
      <p><Link href={basePath}>{t("header.back")}</Link></p>
      <h1 className="case-title">
        <span>{c.number}</span> <span className="case-title__name" translate="no">{c.enterprise.name}</span>{" "}
        <StatusBadge status={c.status} />{" "}
        {c.kind === "RENEWAL" ? <span className="badge">{t("header.renewal")}</span> : null}{" "}
        {c.greenChannel ? <span className="badge badge--green">{t("header.green")}</span> : null}
        {c.historical ? <>{" "}<span className="badge badge--historical" title={th("badgeTitle")}>{th("badge")}</span></> : null}
      </h1>

      {holder ? (
        <div className={`notice ${overdue ? "notice--warn" : "notice--info"} case-holder`} data-testid="holder">
          <span>
            {t("header.holder")}
            {holder === "APPLICANT" ? t("header.applicant") : orgTypes(holder)}
            {holderName ? ` · ${holderName}` : ""}
          </span>
          {holder !== "APPLICANT" ? <span>{t("header.assignee")}{c.assignee ?? t("header.unassigned")}</span> : null}
          {due ? (
            <span>
              {t(c.status === "RETURNED" ? "header.returnDue" : "header.due")}
              {format.dateTime(due, { dateStyle: "medium", timeStyle: "short" })}
              {overdue ? <> <span className="badge badge--red" data-testid="overdue">{t("header.overdue")}</span></> : null}
            </span>
          ) : null}
        </div>
      ) : null}
      <IntakeChannelNote {...c.intake} />
      {c.snapshots.sinceSnapshot.length ? (
        <p className="notice notice--warn case-gap" data-testid="changed-since-notice">
          <a href="#case-snapshot">{t("header.changedSinceSubmission", { n: c.snapshots.sinceSnapshot.length })}</a>
        </p>
      ) : null}
      {waiting ? <p className="notice notice--info case-gap" data-testid="pending-maker">{waiting}</p> : null}
      {lastReturn && lastReturn.missingItems.length ? (
        <section className="notice notice--warn case-gap" data-testid="return-list">
          <strong>{t("header.returnList")}</strong>
          <ul>{lastReturn.missingItems.map((m) => <li key={m}>{m}</li>)}</ul>
          {lastReturn.message?.text ? <blockquote className="staff-text">{lastReturn.message.text}</blockquote> : null}
        </section>
      ) : null}
      <PageFeedbackNotice />

      <div className="case-layout">
        <div className="case-main">
          <CaseDecisions actions={c.actions} ctx={ctx} />
          <CaseSnapshot c={c} />
          <CaseExceptions found={exceptions} />
          <ApplicationFacts c={c} />
          <EnterpriseFacts c={c} />
          <ApplicantFacts c={c} mayReveal={c.actions.includes("revealPersonalData")} />
          <GuaranteeAndLoan c={c} />
          {servicing ? <CaseServicing servicing={servicing} /> : null}
          <CaseLetters c={c} organisationType={actor.organisationType} />
          <CaseDocuments checklist={checklist} />
        </div>
        <aside className="case-side" aria-label={t("header.side")}>
          <CaseAdmin actions={c.actions} ctx={ctx} />
          <CaseNotes actions={c.actions} ctx={ctx} />
          <section className="card" aria-labelledby="case-timeline">
            <h2 id="case-timeline">{t("timeline")}</h2>
            <Timeline entries={timeline} audience="staff" />
          </section>
        </aside>
      </div>
    </PageFeedback>
  );
}

function lastOf(entries: TimelineEntry[], event: TimelineEntry["event"]): TimelineEntry | null {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.event === event) return entries[i]!;
  return null;
}
