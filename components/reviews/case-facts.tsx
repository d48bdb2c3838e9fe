import { getLocale, getTranslations } from "next-intl/server";
import { getFormatter } from "@/lib/i18n/formatter";
import { formatFen } from "@/lib/money/fen";
import type { CaseForStaff } from "@/lib/reviews/queries";
import { RevealForm } from "@/components/reviews/admin-forms";
import { BEIJING_TIME_ZONE } from "@/lib/calendar/beijing";

type Props = { c: CaseForStaff };

/** 38 500 millionths → "3.85"; up to four decimals, never fewer than two. */
/** A reference list's name in the reader's language. */
const nameIn = (name: { zh: string; en: string }, locale: string): string => (locale === "en" ? name.en : name.zh);

export const ratePercent = (micros: number): string => (micros / 10_000).toFixed(4).replace(/0{1,2}$/, "");

const dash = "—";


export async function ApplicationFacts({ c }: Props) {
  const [t, table, format, locale] = await Promise.all([getTranslations("case"), getTranslations("table"), getFormatter(), getLocale()]);
  return (
    <section className="card" aria-labelledby="case-application">
      <h2 id="case-application">{t("application.title")}</h2>
      <dl className="facts">
        <dt>{t("application.amount")}</dt><dd className="case-amount">{c.amountFen === null ? dash : formatFen(c.amountFen)}</dd>
        <dt>{t("application.term")}</dt><dd>{c.termMonths === null ? dash : table("months", { n: c.termMonths })}</dd>
        <dt>{t("application.kind")}</dt><dd>{table(c.kind)}</dd>
        <dt>{t("application.category")}</dt><dd>{c.category ? nameIn(c.category, locale) : dash}</dd>
        <dt>{t("application.purpose")}</dt><dd>{c.purpose ?? dash}</dd>
        <dt>{t("application.repaymentSource")}</dt><dd>{c.repaymentSource ?? dash}</dd>
        <dt>{t("application.policy")}</dt>
        <dd>
          {c.policy
            ? t("application.policyValue", { version: c.policy.version, effectiveFrom: format.dateTime(c.policy.effectiveFrom, { dateStyle: "medium", timeZone: BEIJING_TIME_ZONE }), maxLoan: formatFen(c.policy.maxLoanFen), maxTerm: c.policy.maxTermMonths })
            : dash}
        </dd>
        <dt>{t("application.submittedAt")}</dt><dd>{c.submittedAt ? format.dateTime(c.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : dash}</dd>
        {c.guarantorOrg ? (<><dt>{t("application.guarantorOrg")}</dt><dd>{c.guarantorOrg}</dd></>) : null}
        {c.bankOrg ? (<><dt>{t("application.bankOrg")}</dt><dd>{c.bankOrg}</dd></>) : null}
      </dl>
    </section>
  );
}

export async function EnterpriseFacts({ c }: Props) {
  const [t, format] = await Promise.all([getTranslations("case"), getFormatter()]);
  const e = c.enterprise;
  return (
    <section className="card" aria-labelledby="case-enterprise">
      <h2 id="case-enterprise">{t("enterprise.title")}</h2>
      <dl className="facts">
        <dt>{t("enterprise.name")}</dt><dd>{e.name}</dd>
        <dt>{t("enterprise.creditCode")}</dt><dd className="case-code">{e.creditCode}</dd>
        <dt>{t("enterprise.legalRep")}</dt><dd>{e.legalRepName}</dd>
        <dt>{t("enterprise.address")}</dt><dd>{e.address}</dd>
        <dt>{t("enterprise.industry")}</dt><dd>{e.industry}</dd>
        <dt>{t("enterprise.foundedOn")}</dt><dd>{format.dateTime(e.foundedOn, { dateStyle: "medium" })}</dd>
        <dt>{t("enterprise.employees")}</dt><dd>{e.employees}</dd>
        <dt>{t("enterprise.revenue")}</dt><dd>{formatFen(e.annualRevenueFen)}</dd>
        <dt>{t("enterprise.union")}</dt><dd>{e.hasUnion ? t("enterprise.hasUnion", { n: e.unionMemberCount }) : t("enterprise.noUnion")}</dd>
      </dl>
    </section>
  );
}

export async function ApplicantFacts({ c, mayReveal }: Props & { mayReveal: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("case"), getLocale()]);
  const a = c.applicant;
  return (
    <section className="card" aria-labelledby="case-applicant">
      <h2 id="case-applicant">{t("applicant.title")}</h2>
      <dl className="facts">
        <dt>{t("applicant.name")}</dt><dd>{a.name}</dd>
        <dt>{t("applicant.idNumber")}</dt><dd className="case-code" data-testid="id-masked">{a.idNumberMasked || dash}</dd>
        <dt>{t("applicant.mobile")}</dt><dd className="case-code">{a.mobileMasked || dash}</dd>
        <dt>{t("applicant.union")}</dt><dd>{a.unionName || dash}</dd>
        <dt>{t("applicant.memberCard")}</dt><dd>{a.memberCardNo || dash}</dd>
        <dt>{t("applicant.targetGroup")}</dt><dd>{a.targetGroup ? nameIn(a.targetGroup, locale) : t("applicant.noTargetGroup")}</dd>
      </dl>
      {mayReveal ? (
        <details className="case-step case-reveal">
          <summary>{t("applicant.reveal")}</summary>
          <RevealForm applicationId={c.id} />
        </details>
      ) : null}
    </section>
  );
}

export async function GuaranteeAndLoan({ c }: Props) {
  const [t, table, format] = await Promise.all([getTranslations("case"), getTranslations("table"), getFormatter()]);
  if (!c.guarantee && !c.loan) return null;
  const g = c.guarantee;
  const l = c.loan;
  const day = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium" }) : dash);
  return (
    <section className="card" aria-labelledby="case-credit">
      <h2 id="case-credit">{t("credit.title")}</h2>
      {g ? (
        <>
          <h3>{t("credit.guarantee")}</h3>
          <dl className="facts">
            <dt>{t("credit.contractNo")}</dt><dd className="case-code">{g.contractNo}</dd>
            <dt>{t("credit.guaranteed")}</dt><dd>{formatFen(g.guaranteedFen)}</dd>
            <dt>{t("credit.term")}</dt><dd>{table("months", { n: g.termMonths })}</dd>
            <dt>{t("credit.fee")}</dt><dd>{g.feeFen === 0n ? t("credit.noFee") : formatFen(g.feeFen)}</dd>
            <dt>{t("credit.issuedAt")}</dt><dd>{format.dateTime(g.issuedAt, { dateStyle: "medium", timeStyle: "short" })}</dd>
          </dl>
        </>
      ) : null}
      {l ? (
        <>
          <h3>{t("credit.loan")} <span className="badge">{t(`loanStatus.${l.status}`)}</span></h3>
          <dl className="facts">
            <dt>{t("credit.contractNo")}</dt><dd className="case-code">{l.contractNo}</dd>
            <dt>{t("credit.principal")}</dt><dd>{formatFen(l.principalFen)}</dd>
            <dt>{t("credit.rate")}</dt><dd>{t("credit.rateValue", { rate: ratePercent(l.annualRateMicros), lpr: l.lprReference })}</dd>
            <dt>{t("credit.term")}</dt><dd>{table("months", { n: l.termMonths })}</dd>
            <dt>{t("credit.repayment")}</dt><dd>{t(`form.repayment.${l.repaymentMethod}`)}</dd>
            <dt>{t("credit.signedAt")}</dt><dd>{l.signedAt ? format.dateTime(l.signedAt, { dateStyle: "medium", timeStyle: "short" }) : t("credit.notSigned")}</dd>
            {l.disbursedOn ? (
              <>
                <dt>{t("credit.disbursed")}</dt><dd>{t("credit.disbursedValue", { on: day(l.disbursedOn), amount: l.disbursedFen === null ? dash : formatFen(l.disbursedFen) })}</dd>
                <dt>{t("credit.account")}</dt><dd className="case-code">{l.accountNoMasked ?? dash}</dd>
                <dt>{t("credit.maturity")}</dt><dd>{day(l.maturityOn)}</dd>
              </>
            ) : null}
          </dl>
        </>
      ) : null}
    </section>
  );
}

