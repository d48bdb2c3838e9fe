import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("forgotTitle") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  return (
    <div className="page--narrow">
      <section className="card">
        <h1>{t("forgotTitle")}</h1>
        <p className="lead">{t("forgotLead")}</p>
        <ForgotPasswordForm />
      </section>
    </div>
  );
}
