import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/ui/button-form";
import { startApplicationAction, startRenewalAction } from "@/lib/applications/actions";

// One-button actions of the applicant's dashboard and inbox: worded here on the server, so the
// pages that show only these send no message catalogue and no translation runtime to the browser.

export async function StartApplicationButton({ enterpriseId }: { enterpriseId: string }) {
  const t = await getTranslations("applicant.caseActions");
  return <ButtonForm action={startApplicationAction} hidden={{ enterpriseId }} label={t("start")} />;
}

export async function RenewButton({ loanId }: { loanId: string }) {
  const t = await getTranslations("applicant.caseActions");
  return <ButtonForm action={startRenewalAction} hidden={{ loanId }} label={t("renew")} />;
}
