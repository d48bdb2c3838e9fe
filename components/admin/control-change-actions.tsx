"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { useReportedAction } from "@/components/ui/page-feedback";
import { SubmitButton } from "@/components/ui/submit-button";
import { decideControlChangeAction, proposeAdminGrantAction, withdrawControlChangeAction } from "@/lib/organisations/actions";
import { ButtonForm } from "@/components/ui/button-form";

/** A pending change: another administrator approves or rejects it; its proposer may withdraw it. */
export function ControlChangeActions({ changeId, mine }: { changeId: string; mine: boolean }) {
  const t = useTranslations("admin.controls");
  // The row goes once the change is decided: the page keeps the message.
  const withdraw = useReportedAction(withdrawControlChangeAction);
  const decide = useReportedAction(decideControlChangeAction);
  if (mine) {
    return (
      <ButtonForm action={withdraw} hidden={{ changeId }} label={t("withdraw")} />
    );
  }
  return (
    <ActionForm action={decide} hidden={{ changeId }} className="actions">
      {() => (
        <>
          <input name="note" aria-label={t("note")} placeholder={t("note")} maxLength={200} />
          <SubmitButton name="decision" value="approve">{t("approve")}</SubmitButton>
          <SubmitButton name="decision" value="reject" variant="danger">{t("reject")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** On a support-centre staff member's row: propose them as an administrator (a second one approves). */
export function ProposeAdminButton({ userId }: { userId: string }) {
  const t = useTranslations("admin.controls");
  return (
    <ButtonForm action={proposeAdminGrantAction} hidden={{ userId }} label={t("proposeAdmin")} />
  );
}
