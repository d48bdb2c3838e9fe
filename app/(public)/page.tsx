import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { homeOf } from "@/lib/auth/roles";
import { PublicHero } from "@/components/public/hero";

export default async function LandingPage() {
  const actor = await currentActor();
  if (actor) redirect(homeOf(actor.role));
  const [t, programme] = await Promise.all([getTranslations("landing"), getTranslations("programmePage")]);
  return (
    <>
      <PublicHero title={t("title")} lead={t("lead")} apply={t("apply")} signIn={t("haveAccount")}>
        <p style={{ marginBottom: 0 }}><Link href="/programme" style={{ color: "#fff" }}>{programme("link")} →</Link></p>
      </PublicHero>
      <div className="grid">
        <section className="card">
          <h2>{t("measures")}</h2>
          <ul>
            <li>{t("m1")}</li>
            <li>{t("m2")}</li>
            <li>{t("m3")}</li>
            <li>{t("m4")}</li>
          </ul>
        </section>
        <section className="card">
          <h2>{t("steps")}</h2>
          <ol className="steps">
            {(["s1", "s2", "s3", "s4", "s5"] as const).map((k) => <li key={k}>{t(k)}</li>)}
          </ol>
        </section>
      </div>
    </>
  );
}
