import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { latestPolicy, listOrganisations, listPolicyVersions, listStaffAccounts, pendingControlChanges } from "@/lib/organisations/queries";
import { ControlChanges } from "@/components/admin/control-changes";
import { PageFeedback, PageFeedbackNotice } from "@/components/ui/page-feedback";
import { ProposeAdminButton } from "@/components/admin/control-change-actions";
import { fenToYuanString, formatFen } from "@/lib/money/fen";
import { PolicyForm } from "@/components/admin/policy-form";
import { AccountActions } from "@/components/admin/account-actions";
import { InviteStaffForm } from "@/components/admin/invite-staff-form";
import { BudgetForm } from "@/components/admin/budget-form";
import { CreateOrganisationForm, OrganisationActions } from "@/components/admin/organisation-forms";
import { BudgetPanel } from "@/components/subsidies/budget-panel";
import { budgetOverview } from "@/lib/subsidies/queries";
import { ORGANISATION_OF_ROLE } from "@/lib/auth/roles";
import { ClientMessages } from "@/components/layout/client-messages";

export default async function AdminHome() {
  const actor = await requireSection("admin");
  const [t, home, types, links, audit, format, orgs, policies, latest, accounts, roles, budgets, changes, calendar, config, routing, reassign, p] = await Promise.all([
    getTranslations("admin"),
    getTranslations("home"),
    getTranslations("orgTypes"),
    getTranslations("applicant"),
    getTranslations("audit"),
    getFormatter(),
    listOrganisations(actor),
    listPolicyVersions(actor),
    latestPolicy(actor),
    listStaffAccounts(actor),
    getTranslations("roles"),
    budgetOverview(actor),
    pendingControlChanges(actor),
    getTranslations("calendar"),
    getTranslations("configAudit"),
    getTranslations("routing"),
    getTranslations("admin.reassign"),
    getTranslations("common.punct"),
  ]);

  return (
    <ClientMessages namespaces={["admin.accounts", "admin.budget", "admin.controls", "admin.invite", "admin.organisationForm", "admin.policyForm"]}>
      <PageFeedback>
        <h1>{home("adminTitle")}</h1>
        <nav className="actions section-links" aria-label={links("sectionLinks.label")}>
          <Link href="/admin/outbox" className="btn btn--secondary btn--small">{links("outbox.title")}</Link>
          <Link href="/admin/calendar" className="btn btn--secondary btn--small">{calendar("title")}</Link>
          <Link href="/admin/consents" className="btn btn--secondary btn--small">{config("kinds.consent")}</Link>
          <Link href="/admin/lpr" className="btn btn--secondary btn--small">{config("kinds.lpr")}</Link>
          <Link href="/admin/policy" className="btn btn--secondary btn--small">{t("policyWhatIfLink")}</Link>
          <Link href="/admin/routing" className="btn btn--secondary btn--small">{routing("link")}</Link>
          <Link href="/admin/reference" className="btn btn--secondary btn--small">{t("referenceLink")}</Link>
          <Link href="/audit" className="btn btn--secondary btn--small">{audit("events")}</Link>
          <Link href="/audit/config" className="btn btn--secondary btn--small">{config("link")}</Link>
        </nav>
        <PageFeedbackNotice />
        <ControlChanges changes={changes} />
        <h2>{t("organisations")}</h2>
        <div className="table-wrap">
          <table className="table">
            <thead><tr><th>{t("organisations")}</th><th>{t("type")}</th><th className="num">{t("members")}</th><th>{t("accounts.status")}</th><th /></tr></thead>
            <tbody>
              {orgs.map((o) => (
                <tr key={o.id}>
                  <td><Link href={`/admin/organisations/${o.id}`}>{o.nameZh}</Link><br /><small>{o.nameEn} · {o.code}</small></td>
                  <td>{types(o.type)}</td>
                  <td className="num">{o.memberCount}</td>
                  <td><span className={`badge ${o.disabledAt ? "badge--red" : "badge--green"}`}>{o.disabledAt ? t("accounts.disabled") : t("accounts.active")}</span>
                    {o.openCases > 0 ? <> <Link href={`/admin/organisations/${o.id}`} className="badge badge--amber">{reassign("waiting", { count: o.openCases })}</Link></> : null}</td>
                  <td><OrganisationActions org={{ id: o.id, version: o.version, nameZh: o.nameZh, nameEn: o.nameEn, disabled: o.disabledAt !== null, centre: o.type === "SUPPORT_CENTER" }} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="card" style={{ marginTop: "1rem" }}>
          <summary><strong>{t("organisationForm.title")}</strong></summary>
          <p className="field__hint">{t("organisationForm.lead")}</p>
          <CreateOrganisationForm types={(["DISTRICT_UNION", "GUARANTOR", "BANK", "SUPPORT_CENTER"] as const).map((v) => ({ value: v, label: types(v) }))} />
        </details>
        <h2>{t("policies")}</h2>
        <div className="table-wrap">
          <table className="table" data-testid="policy-versions">
            <thead><tr><th>{t("version")}</th><th>{t("effectiveFrom")}</th><th className="num">{t("maxLoan")}</th><th className="num">{t("maxTerm")}</th><th className="num">{t("ratio")}</th></tr></thead>
            <tbody>
              {policies.map((p) => (
                <tr key={p.version}>
                  <td>v{p.version}</td>
                  <td>{format.dateTime(p.effectiveFrom, { dateStyle: "medium" })}</td>
                  <td className="num">{formatFen(p.maxLoanFen)}</td>
                  <td className="num">{p.maxTermMonths}</td>
                  <td className="num">{(p.subsidyRatioBp / 100).toFixed(0)}%</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="card" style={{ marginTop: "1rem" }}>
          <summary><strong>{t("policyForm.title")}</strong></summary>
          <p className="field__hint">{t("policyForm.lead")}</p>
          {latest ? (
            <PolicyForm
              defaults={{
                effectiveFrom: "",
                maxLoanYuan: fenToYuanString(latest.maxLoanFen),
                maxTermMonths: String(latest.maxTermMonths),
                exceptionMaxLoanYuan: fenToYuanString(latest.exceptionMaxLoanFen),
                exceptionMaxTermMonths: String(latest.exceptionMaxTermMonths),
                maxOpenCasesPerPerson: String(latest.maxOpenCasesPerPerson),
                maxExposurePerPersonYuan: fenToYuanString(latest.maxExposurePerPersonFen),
                subsidyRatioPercent: String(latest.subsidyRatioBp / 100),
                coolingDays: String(latest.coolingDays),
                centerReviewDays: String(latest.centerReviewDays),
                guarantorReviewDays: String(latest.guarantorReviewDays),
                bankReviewDays: String(latest.bankReviewDays),
                disbursementDays: String(latest.disbursementDays),
                returnAnswerDays: String(latest.returnAnswerDays),
                greenChannelDays: String(latest.greenChannelDays),
                documentQuotaMb: String(Math.round(latest.documentQuotaBytes / 1024 / 1024)),
                recommendNeedsChecker: latest.recommendNeedsChecker,
                note: "",
              }}
            />
          ) : null}
        </details>
        <BudgetPanel years={budgets} />
        <details className="card" style={{ margin: "1rem 0" }}>
          <summary><strong>{t("budget.title")}</strong></summary>
          <p className="field__hint">{t("budget.lead")}</p>
          <BudgetForm year={budgets.find((b) => b.current)?.year ?? new Date().getFullYear()} />
        </details>
        <h2>{t("accounts.title")}</h2>
        <details className="card" style={{ marginBottom: "1rem" }}>
          <summary><strong>{t("invite.title")}</strong></summary>
          <p className="field__hint">{t("invite.lead")}</p>
          <InviteStaffForm
            organisations={orgs.filter((o) => !o.disabledAt).map((o) => ({ value: o.id, label: `${o.nameZh}${p("paren", { text: types(o.type) })}` }))}
            roles={(Object.keys(ORGANISATION_OF_ROLE) as (keyof typeof ORGANISATION_OF_ROLE)[])
              .filter((r) => r !== "PROGRAM_ADMIN")
              .map((r) => ({ value: r, label: `${roles(r)}${p("paren", { text: types(ORGANISATION_OF_ROLE[r]) })}` }))}
          />
        </details>
        <div className="table-wrap">
          <table className="table table--stack" data-testid="staff-accounts">
            <thead>
              <tr><th>{t("accounts.name")}</th><th>{t("accounts.organisation")}</th><th>{t("accounts.role")}</th><th>{t("accounts.lastSignIn")}</th><th>{t("accounts.twoFactor")}</th><th>{t("accounts.status")}</th><th /></tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id}>
                  <td data-label={t("accounts.name")}>{a.displayName}<br /><small className="who">{a.email}</small></td>
                  <td data-label={t("accounts.organisation")}>{a.organisation}</td>
                  <td data-label={t("accounts.role")}>{roles(a.role)}</td>
                  <td data-label={t("accounts.lastSignIn")}>{a.lastSignInAt ? format.dateTime(a.lastSignInAt, { dateStyle: "short", timeStyle: "short" }) : t("accounts.never")}</td>
                  <td data-label={t("accounts.twoFactor")}>
                    <span className={`badge ${a.twoFactor ? "badge--green" : "badge--amber"}`}>{a.twoFactor ? t("accounts.twoFactorOn") : t("accounts.twoFactorOff")}</span>
                  </td>
                  <td data-label={t("accounts.status")}>
                    <span className={`badge ${a.disabled ? "badge--red" : "badge--green"}`}>{a.disabled ? t("accounts.disabled") : t("accounts.active")}</span>
                  </td>
                  <td>
                    {a.id === actor.userId ? null : (
                      <AccountActions userId={a.id} disabled={a.disabled} role={a.role}
                        roles={a.role === "PROGRAM_ADMIN" ? [] : (Object.keys(ORGANISATION_OF_ROLE) as (keyof typeof ORGANISATION_OF_ROLE)[])
                          .filter((r) => r !== "PROGRAM_ADMIN" && ORGANISATION_OF_ROLE[r] === a.organisationType)
                          .map((r) => ({ value: r, label: roles(r) }))} />
                    )}
                    {a.id !== actor.userId && !a.disabled && a.role !== "PROGRAM_ADMIN" && a.organisationType === ORGANISATION_OF_ROLE.PROGRAM_ADMIN ? (
                      <ProposeAdminButton userId={a.id} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </PageFeedback>
    </ClientMessages>
  );
}
