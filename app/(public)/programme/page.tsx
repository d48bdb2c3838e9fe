import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { beijingNoon } from "@/lib/calendar/beijing";
import { fenToWanYuan } from "@/lib/stats/format";
import { cachedPublicProgrammeFigures } from "@/lib/stats/public-figures-cached";
import { PublicHero } from "@/components/public/hero";

// The programme's public page: what it is, who may apply, how, its live headline figures (totals
// only, from a cache refreshed every five minutes) and the hotline. No sign-in.

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("programmePage");
  return { title: t("title"), description: t("metaDescription") };
}

export default async function ProgrammePage() {
  const [t, format, figures] = await Promise.all([getTranslations("programmePage"), getFormatter(), cachedPublicProgrammeFigures()]);
  const date = format.dateTime(beijingNoon(figures.asOf), { dateStyle: "long" });
  const cards = [
    { key: "applications", label: t("applications"), value: format.number(figures.applications), unit: t("applicationsUnit") },
    { key: "funded", label: t("funded"), value: format.number(figures.enterprisesFunded), unit: t("fundedUnit") },
    { key: "lent", label: t("lent"), value: fenToWanYuan(BigInt(figures.lentFen)), unit: t("lentUnit") },
    { key: "subsidy", label: t("subsidy"), value: fenToWanYuan(BigInt(figures.subsidyFen)), unit: t("subsidyUnit") },
  ];
  return (
    <>
      <PublicHero title={t("title")} lead={t("lead")} apply={t("apply")} signIn={t("signIn")} />

      <section aria-labelledby="figures-title" className="card">
        <h2 id="figures-title" style={{ marginTop: 0 }}>{t("figuresTitle")}</h2>
        <p className="who" style={{ marginTop: 0 }}>{t("figuresAsOf", { date })}</p>
        <dl data-testid="public-figures" style={{ display: "grid", gap: "1rem", gridTemplateColumns: "repeat(auto-fit, minmax(200px, 1fr))", margin: 0 }}>
          {cards.map((c) => (
            <div key={c.key} data-figure={c.key} style={{ borderLeft: "4px solid var(--red)", padding: ".4rem .9rem", background: "var(--red-soft)", borderRadius: "6px" }}>
              <dt style={{ fontSize: ".95rem", color: "var(--muted)" }}>{c.label}</dt>
              <dd style={{ margin: 0 }}>
                <span data-value style={{ fontSize: "2rem", fontWeight: 700, color: "var(--red-dark)", fontVariantNumeric: "tabular-nums" }}>{c.value}</span>
                {c.unit ? <span style={{ marginLeft: ".3rem" }}>{c.unit}</span> : null}
              </dd>
            </div>
          ))}
        </dl>
        <p className="who" style={{ marginBottom: 0 }}>{t("privacy")}</p>
      </section>

      <div className="grid">
        <section className="card" aria-labelledby="how-title">
          <h2 id="how-title">{t("howTitle")}</h2>
          <ul>{(["how1", "how2", "how3", "how4"] as const).map((k) => <li key={k}>{t(k)}</li>)}</ul>
        </section>
        <section className="card" aria-labelledby="who-title">
          <h2 id="who-title">{t("whoTitle")}</h2>
          <ul>
            <li>{t("who1")}</li>
            <li>{t("who2")}</li>
            {figures.policy ? (
              <li>{t("who3", {
                maxWan: fenToWanYuan(BigInt(figures.policy.maxLoanFen)).replace(/\.00$/, ""),
                maxYuan: format.number(Number(BigInt(figures.policy.maxLoanFen) / 100n)),
                months: figures.policy.maxTermMonths,
              })}</li>
            ) : null}
          </ul>
        </section>
        <section className="card" aria-labelledby="steps-title">
          <h2 id="steps-title">{t("stepsTitle")}</h2>
          <ol className="steps">{(["step1", "step2", "step3", "step4", "step5"] as const).map((k) => <li key={k}>{t(k)}</li>)}</ol>
        </section>
      </div>

      <section className="card" aria-labelledby="hotline-title">
        <h2 id="hotline-title" style={{ marginTop: 0 }}>{t("hotlineTitle")}</h2>
        <p style={{ fontSize: "1.4rem", fontWeight: 700, margin: ".2rem 0" }}><a href="tel:12351">{t("hotline")}</a></p>
        <p className="who" style={{ marginBottom: 0 }}>{t("hotlineNote")}</p>
      </section>
    </>
  );
}
