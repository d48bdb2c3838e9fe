import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    // The form's own words only, not the whole `auth` namespace (40 messages of every sign-in page):
    // tests/unit/client-messages.test.ts fails when a component below uses one not listed here.
    <ClientMessages namespaces={[
      "auth.forgotByMobile", "auth.forgotByEmail", "auth.mobile", "auth.sendCode", "auth.smsCode", "auth.resendCode",
      "auth.changeMobile", "auth.resetWithCode", "auth.newPassword", "auth.passwordHint", "auth.confirmPassword",
      "auth.resetEmail", "auth.sendReset",
    ]}>
      <AuthCard title={t("forgotTitle")}>
        <p className="lead">{t("forgotLead")}</p>
        <ForgotPasswordForm />
      </AuthCard>
    </ClientMessages>
  );
}
