import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { requireSection } from "@/lib/auth/actor";
import { rootTranslator } from "@/lib/i18n/reader";
import { wordIn } from "@/lib/i18n/words";
import { assistedCases, findMemberByMobile, type MemberMatch } from "@/lib/intake/queries";
import { memberLookupSchema } from "@/lib/intake/schemas";
import { startAssistedAction } from "@/lib/intake/actions";
import { EnterpriseForm } from "@/components/applications/enterprise-form";
import { RegisterMemberForm } from "@/components/intake/register-member-form";
import { AssistedCaseTable } from "@/components/intake/assisted-case-table";
import { Field } from "@/components/ui/field";
import { ClientMessages } from "@/components/layout/client-messages";

const EMPTY_ENTERPRISE = {
  enterpriseId: "", name: "", creditCode: "", legalRepName: "", address: "", industry: "",
  foundedOn: "", employees: "", annualRevenueYuan: "", hasUnion: false, unionMemberCount: "",
};

export async function generateMetadata() {
  return { title: (await getTranslations("intake"))("title") };
}

/** The desk: find or register the member, start their application, follow what the union took in. */
export default async function IntakePage({ searchParams }: { searchParams: Promise<{ mobile?: string }> }) {
  const actor = await requireSection("agent");
  if (actor.kind !== "STAFF") notFound();
  const { mobile: typed = "" } = await searchParams;
  const t = await getTranslations("intake");
  const lookup = typed ? memberLookupSchema.safeParse({ mobile: typed }) : null;
  const [match, cases]: [MemberMatch | null, Awaited<ReturnType<typeof assistedCases>>] = await Promise.all([
    lookup?.success ? findMemberByMobile(actor, lookup.data.mobile) : Promise.resolve(null),
    assistedCases(actor),
  ]);
  // zod issues carry catalogue keys: worded in the reader's language.
  const lookupIssue = lookup && !lookup.success ? lookup.error.issues[0]?.message : undefined;
  const lookupError = lookupIssue === undefined ? undefined : wordIn(await rootTranslator(), lookupIssue);

  return (
    <ClientMessages namespaces={["applicant.autosave", "applicant.enterpriseForm"]}>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>

      <section className="card" aria-labelledby="lookup-title">
        <h2 id="lookup-title">{t("lookupTitle")}</h2>
        <form method="get" action="/agent/intake" className="queue-filters" role="search" aria-label={t("lookupTitle")}>
          <Field id="lookup-mobile" label={t("mobile")} frameClass="queue-filters__search" name="mobile" type="tel" inputMode="tel" maxLength={11} defaultValue={typed} autoComplete="off" aria-invalid={lookupError ? true : undefined} aria-describedby={lookupError ? "lookup-error" : undefined} />
          <div className="actions">
            <button type="submit" className="btn btn--secondary">{t("lookup")}</button>
          </div>
        </form>
        {lookupError ? <p id="lookup-error" className="notice notice--error" role="alert">{lookupError}</p> : null}

        {match?.kind === "member" ? (
          <p className="notice notice--info" data-testid="member-found">
            {t("found", { name: match.displayName, mobile: match.mobileMasked })} · {match.claimed ? t("claimed") : t("unclaimed")}
          </p>
        ) : null}
        {match?.kind === "unavailable" ? <p className="notice notice--error" role="alert">{t("unavailable")}</p> : null}
      </section>

      {match?.kind === "none" && lookup?.success ? (
        <section className="card" aria-labelledby="register-title">
          <h2 id="register-title">{t("registerTitle")}</h2>
          <p>{t("none")}</p>
          <RegisterMemberForm mobile={lookup.data.mobile} labels={{ mobile: t("mobile"), displayName: t("displayName"), email: t("email"), emailHint: t("emailHint"), submit: t("registerSubmit") }} />
        </section>
      ) : null}

      {match?.kind === "member" ? (
        <section className="card" aria-labelledby="start-title">
          <h2 id="start-title">{t("startTitle")}</h2>
          <p className="muted">{t("startLead")}</p>
          <EnterpriseForm defaults={EMPTY_ENTERPRISE} action={startAssistedAction} hidden={{ memberId: match.userId }} submitLabel={t("startSubmit")} />
        </section>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("listTitle")}</h2>
        <AssistedCaseTable rows={cases} />
      </section>
    </ClientMessages>
  );
}
