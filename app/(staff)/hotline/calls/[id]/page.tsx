import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { hotlineCall } from "@/lib/hotline/queries";
import { findMemberByMobile } from "@/lib/intake/queries";
import { startFromCallAction } from "@/lib/hotline/actions";
import { beijingToday } from "@/lib/calendar/beijing";
import { EnterpriseForm } from "@/components/applications/enterprise-form";
import { StatusBadge } from "@/components/applications/status-badge";
import { FollowUpDoneForm, RegisterCallerForm, UpdateCallForm } from "@/components/hotline/call-forms";
import { ClientMessages } from "@/components/layout/client-messages";

const EMPTY_ENTERPRISE = {
  enterpriseId: "", name: "", creditCode: "", legalRepName: "", address: "", industry: "",
  foundedOn: "", employees: "", annualRevenueYuan: "", hasUnion: false, unionMemberCount: "",
};

/** One call: what was said and done, its follow-up, and turning it into a draft application. */
export default async function HotlineCallPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireSection("hotline");
  if (actor.kind !== "STAFF") notFound();
  const today = beijingToday();
  const call = await hotlineCall(actor, (await params).id, today);
  if (!call) notFound();
  const [t, format, match] = await Promise.all([
    getTranslations("hotline"), getFormatter(),
    call.application ? Promise.resolve(null) : findMemberByMobile(actor, call.callerMobile),
  ]);
  return (
    <ClientMessages namespaces={["applicant.autosave", "applicant.enterpriseForm", "hotline.form"]}>
      <p><Link href="/hotline">{t("back")}</Link></p>
      <h1>{t("callTitle")}</h1>
      <p>{t("callLead", { name: call.callerName, mobile: call.callerMobile, operator: call.operatorName })}</p>

      <section className="card" aria-labelledby="call-facts">
        <h2 id="call-facts" className="visually-hidden">{t("callTitle")}</h2>
        <dl className="facts" data-testid="call-facts">
          <dt>{t("columns.createdAt")}</dt><dd>{format.dateTime(call.createdAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
          <dt>{t("form.topic")}</dt><dd>{t(`form.topics.${call.topic}`)}</dd>
          <dt>{t("form.outcome")}</dt><dd>{t(`form.outcomes.${call.outcome}`)}</dd>
          <dt>{t("columns.followUpOn")}</dt><dd>{call.followUpOn ?? "—"}{call.followUpDone ? ` · ${t("followUpDone")}` : ""}</dd>
          <dt>{t("form.notes")}</dt><dd style={{ whiteSpace: "pre-wrap" }}>{call.notes || "—"}</dd>
        </dl>
        {call.followUpOn && !call.followUpDone ? <FollowUpDoneForm callId={call.id} version={call.version} /> : null}
      </section>

      <section className="card" aria-labelledby="edit-title">
        <h2 id="edit-title">{t("editTitle")}</h2>
        <UpdateCallForm call={call} today={today} />
      </section>

      <section className="card" aria-labelledby="start-title">
        <h2 id="start-title">{t("startTitle")}</h2>
        {call.application ? (
          <p className="notice notice--info" data-testid="linked-case">
            <Link href={`/hotline/cases/${call.application.id}`}>{t("linkedCase", { number: call.application.number })}</Link> <StatusBadge status={call.application.status} />
          </p>
        ) : (
          <>
            <p className="muted">{t("startLead")}</p>
            {match?.kind === "none" ? (
              <>
                <p>{t("registerLead")}</p>
                <RegisterCallerForm callId={call.id} />
              </>
            ) : null}
            {match?.kind === "unavailable" ? <p className="notice notice--error" role="alert">{t("unavailable")}</p> : null}
            {match?.kind === "member" ? (
              <>
                <p className="notice notice--info" data-testid="member-found">{t("memberFound", { name: match.displayName, mobile: match.mobileMasked })}</p>
                <EnterpriseForm defaults={EMPTY_ENTERPRISE} action={startFromCallAction} hidden={{ callId: call.id, memberId: match.userId }} submitLabel={t("startSubmit")} />
              </>
            ) : null}
          </>
        )}
      </section>
    </ClientMessages>
  );
}
