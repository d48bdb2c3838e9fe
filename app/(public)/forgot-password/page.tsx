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
    <ClientMessages namespaces={["auth"]}>
      <AuthCard title={t("forgotTitle")}>
        <p className="lead">{t("forgotLead")}</p>
        <ForgotPasswordForm />
      </AuthCard>
    </ClientMessages>
  );
}
