import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentAccountHolder } from "@/lib/auth/actor";
import { signOutAction } from "@/lib/auth/actions";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("account"))("title") };
}

/** Everyone's own account: change the password, end every session. */
export default async function AccountPage() {
  const actor = await currentAccountHolder();
  if (!actor) redirect("/login?next=/account");
  const t = await getTranslations("account");
  return (
    <ClientMessages namespaces={["account", "auth"]}>
      <div className="page--narrow">
        <h1>{t("title")}</h1>
        <section className="card" aria-labelledby="change-password">
          <h2 id="change-password">{t("changePassword")}</h2>
          <p className="field__hint">{t("changePasswordHint")}</p>
          <ChangePasswordForm />
        </section>
        <section className="card" aria-labelledby="two-factor" style={{ marginTop: "1rem" }}>
          <h2 id="two-factor">{t("twoFactor.title")}</h2>
          <p>{t("twoFactor.lead")}</p>
          <Link href="/account/two-factor" className="btn btn--secondary">{t("twoFactor.title")}</Link>
        </section>
        <section className="card" aria-labelledby="sessions" style={{ marginTop: "1rem" }}>
          <h2 id="sessions">{t("sessions")}</h2>
          <p>{t("sessionsHint")}</p>
          <form action={signOutAction}>
            <button type="submit" className="btn btn--secondary">{t("signOutEverywhere")}</button>
          </form>
        </section>
      </div>
    </ClientMessages>
  );
}
