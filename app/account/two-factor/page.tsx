import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { currentAccountHolder } from "@/lib/auth/actor";
import { homeOf } from "@/lib/auth/roles";
import { twoFactorState } from "@/lib/auth/two-factor-queries";
import { ConfirmTwoFactor, StartTwoFactor } from "@/components/auth/two-factor-setup";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("account.twoFactor"))("title") };
}

/** Two-factor sign-in for one's own account: set it up with an authenticator app. */
export default async function TwoFactorPage() {
  const actor = await currentAccountHolder();
  if (!actor) redirect("/login?next=/account/two-factor");
  const [t, format, state, p] = await Promise.all([getTranslations("account.twoFactor"), getFormatter(), twoFactorState(actor), getTranslations("common.punct")]);
  return (
    <ClientMessages namespaces={["account.twoFactor"]}>
      <div className="page--narrow">
        <h1>{t("title")}</h1>
        <section className="card">
          <p>{t("lead")}</p>
          {actor.kind === "STAFF" && actor.twoFactorMissing ? <p className="notice notice--warn" role="status">{t("required")}</p> : null}
          {state.status === "on" ? (
            <p className="notice notice--success" data-testid="two-factor-status">
              {t("statusOn", { date: format.dateTime(state.enabledAt, { dateStyle: "medium" }), left: state.recoveryCodesLeft })}
            </p>
          ) : state.status === "off" ? (
            <>
              <p data-testid="two-factor-status">{t("statusOff")}</p>
              <StartTwoFactor />
            </>
          ) : (
            <>
              <p>{t("scan")}</p>
              {/* A QR code as an inline SVG data image: nothing to optimise, nothing fetched from elsewhere. */}
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={state.qrSvgDataUrl} alt={t("secret")} width={200} height={200} />
              <p>{t("secret")}{p("colon")}<code data-testid="totp-secret">{state.secret}</code></p>
              <ConfirmTwoFactor home={homeOf(actor.role)} />
            </>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
