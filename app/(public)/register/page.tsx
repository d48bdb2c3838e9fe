import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage() {
  const t = await getTranslations("auth");
  return (
    <ClientMessages namespaces={["auth", "common"]}>
      <AuthCard title={t("registerTitle")}>
        <p className="lead">{t("registerLead")}</p>
        <RegisterForm />
      </AuthCard>
    </ClientMessages>
  );
}
