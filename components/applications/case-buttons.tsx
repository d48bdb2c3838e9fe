import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/ui/button-form";
import { startApplicationAction, startRenewalAction } from "@/lib/applications/actions";

// One-button actions of the applicant's dashboard and inbox: worded here on the server, so the
// pages that show only these send no message catalogue and no translation runtime to the browser.
// The dashboard words them itself (`applicant.caseActions`) and renders the plain forms below, which
// stay within its own payload row.

export async function RenewButton({ loanId }: { loanId: string }) {
  const t = await getTranslations("applicant.caseActions");
  return <RenewForm loanId={loanId} label={t("renew")} />;
}

export function StartApplicationForm({ enterpriseId, label }: { enterpriseId: string; label: string }) {
  return <ButtonForm action={startApplicationAction} hidden={{ enterpriseId }} label={label} />;
}

export function RenewForm({ loanId, label }: { loanId: string; label: string }) {
  return <ButtonForm action={startRenewalAction} hidden={{ loanId }} label={label} />;
}
