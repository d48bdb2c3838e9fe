import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("setPasswordTitle") };
}

/** The page a one-time link opens; the link is checked (and spent) when the form is sent. */
export default async function SetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <ClientMessages namespaces={["auth"]}>
      <AuthCard title={t("setPasswordTitle")}>
        {token ? (
          <>
            <p className="lead">{t("setPasswordLead")}</p>
            <SetPasswordForm token={token} />
          </>
        ) : (
          <p className="notice notice--error" role="alert">{t("linkMissing")}</p>
        )}
      </AuthCard>
    </ClientMessages>
  );
}
