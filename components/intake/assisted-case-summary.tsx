import { getFormatter, getTranslations } from "next-intl/server";
import type { AssistedCase } from "@/lib/intake/queries";
import { StatusBadge } from "@/components/applications/status-badge";
import { IntakeChannelNote } from "@/components/intake/channel-label";

/** A case taken in on a member's behalf: number, status, channel, who waits for whom, and the enterprise as entered. */
export async function AssistedCaseSummary({ c }: { c: AssistedCase }) {
  const [t, tf, format] = await Promise.all([getTranslations("intake"), getTranslations("applicant.enterpriseForm"), getFormatter()]);
  const e = c.enterprise;
  return (
    <>
      <h1 className="case-title">
        <span>{c.number}</span> <span className="case-title__name" translate="no">{e.name}</span> <StatusBadge status={c.status} />
      </h1>
      <p>{t("caseLead", { name: c.applicant.name, mobile: c.applicant.mobileMasked })}</p>
      <IntakeChannelNote channel={c.channel} organisation={c.organisationName} agent={c.agentName} />
      <p className={`notice ${c.waitingForApplicant ? "notice--warn" : "notice--info"}`} data-testid="waiting">
        {c.waitingForApplicant ? t("waitingApplicant") : t("submitted")}
      </p>

      <section className="card" aria-labelledby="enterprise-title">
        <h2 id="enterprise-title">{t("enterpriseTitle")}</h2>
        <dl className="facts">
          <dt>{tf("name")}</dt><dd>{e.name}</dd>
          <dt>{tf("creditCode")}</dt><dd>{e.creditCode}</dd>
          <dt>{tf("legalRepName")}</dt><dd>{e.legalRepName}</dd>
          <dt>{tf("address")}</dt><dd>{e.address}</dd>
          <dt>{tf("industry")}</dt><dd>{e.industry}</dd>
          <dt>{tf("foundedOn")}</dt><dd>{format.dateTime(e.foundedOn, { dateStyle: "long", timeZone: "UTC" })}</dd>
          <dt>{tf("employees")}</dt><dd>{e.employees}</dd>
        </dl>
      </section>
    </>
  );
}
