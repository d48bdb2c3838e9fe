import { getTranslations } from "next-intl/server";
import { RegisterForm } from "@/components/auth/register-form";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("registerTitle") };
}

export default async function RegisterPage() {
  const t = await getTranslations("auth");
  return (
    <div className="page--narrow">
      <section className="card">
        <h1>{t("registerTitle")}</h1>
        <p className="lead">{t("registerLead")}</p>
        <RegisterForm />
      </section>
    </div>
  );
}
