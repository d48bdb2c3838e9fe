import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/auth/schemas";
import { AuthCard } from "@/components/auth/auth-card";
import { ClientMessages } from "@/components/layout/client-messages";

export async function generateMetadata() {
  return { title: (await getTranslations("auth"))("loginTitle") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; passwordSet?: string }> }) {
  const { next, passwordSet } = await searchParams;
  const t = await getTranslations("auth");
  return (
    <ClientMessages namespaces={["auth", "common"]}>
      <AuthCard title={t("loginTitle")}>
        {passwordSet ? <p className="notice notice--success" role="status">{t("passwordSet")}</p> : null}
        <LoginForm next={safeNextPath(next) ?? undefined} />
        <p><Link href="/forgot-password">{t("forgotLink")}</Link> · <Link href="/register">{t("noAccount")}</Link></p>
      </AuthCard>
    </ClientMessages>
  );
}
