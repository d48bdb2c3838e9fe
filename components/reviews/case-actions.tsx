"use client";
import type { ComponentType } from "react";
import { useTranslations } from "next-intl";
import type { StaffAction } from "@/lib/reviews/available";
import type { CaseFormContext } from "@/components/reviews/form-bits";
import {
  BankApproveForm,
  ConfirmForm,
  DisburseForm,
  GuaranteeForm,
  RecommendForm,
  RejectForm,
  ReopenForm,
  ReturnForm,
  SignForm,
} from "@/components/reviews/step-forms";
import { AssignForm, GreenChannelForm } from "@/components/reviews/admin-forms";
import { FoldedForm } from "@/components/ui/folded-form";
import { ExceptionRequestForm } from "@/components/exceptions/request-form";
import { MessageForm, NoteForm } from "@/components/reviews/note-forms";
import { CompensateForm, CureForm, RecoveryForm, RepaymentForm, ReportOverdueForm, SettleForm } from "@/components/reviews/loan-forms";

type Form = ComponentType<{ ctx: CaseFormContext }>;

// The step's main decision first; returning and refusing fold away below it.
const DECISIONS: [StaffAction, Form][] = [
  ["recommend", RecommendForm],
  ["confirm", ConfirmForm],
  ["issueGuarantee", GuaranteeForm],
  ["approveCredit", BankApproveForm],
  ["sign", SignForm],
  ["disburse", DisburseForm],
  ["reopen", ReopenForm],
  ["recordRepayment", RepaymentForm],
  ["recordRecovery", RecoveryForm],
  ["cure", CureForm],
  ["compensate", CompensateForm],
];
const SECONDARY: [StaffAction, Form][] = [
  ["return", ReturnForm],
  ["reject", RejectForm],
  ["reportOverdue", ReportOverdueForm],
  ["settle", SettleForm],
];
const CASE_ADMIN: [StaffAction, Form][] = [
  ["assign", AssignForm],
  ["markGreenChannel", GreenChannelForm],
  ["requestException", ExceptionRequestForm],
];

/** The "act on it" card: only what the viewer may do now, as the server listed it. */
export function CaseDecisions({ actions, ctx }: { actions: StaffAction[]; ctx: CaseFormContext }) {
  const t = useTranslations("case.actions");
  const main = DECISIONS.filter(([a]) => actions.includes(a));
  const more = SECONDARY.filter(([a]) => actions.includes(a));
  if (main.length === 0 && more.length === 0) return null;
  return (
    <section className="card case-decide" aria-labelledby="case-decide-title" data-testid="case-decide">
      <h2 id="case-decide-title">{t("title")}</h2>
      {main.map(([action, Form]) => (
        <section key={action} className="case-step" data-action={action} aria-labelledby={`step-${action}`}>
          <h3 id={`step-${action}`}>{t(action)}</h3>
          <Form ctx={ctx} />
        </section>
      ))}
      {more.map(([action, Form]) => (
        <FoldedForm key={action} action={action} summary={t(action)}>
          <Form ctx={ctx} />
        </FoldedForm>
      ))}
    </section>
  );
}

/** Assignment, green channel and tailored-plan (yi qi yi ce) exceptions: case housekeeping beside the decision. */
export function CaseAdmin({ actions, ctx }: { actions: StaffAction[]; ctx: CaseFormContext }) {
  const t = useTranslations("case.actions");
  const forms = CASE_ADMIN.filter(([a]) => actions.includes(a));
  if (forms.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-admin-title">
      <h2 id="case-admin-title">{t("adminTitle")}</h2>
      {forms.map(([action, Form]) =>
        action === "assign" ? (
          <Form key={action} ctx={ctx} />
        ) : (
          <FoldedForm key={action} action={action} summary={t(action)}>
            <Form ctx={ctx} />
          </FoldedForm>
        ),
      )}
    </section>
  );
}

const NOTES: [StaffAction, Form][] = [
  ["addNote", NoteForm],
  ["messageApplicant", MessageForm],
];

/** Internal notes to the organisations on the case, and deliberate messages to the applicant: kept apart. */
export function CaseNotes({ actions, ctx }: { actions: StaffAction[]; ctx: CaseFormContext }) {
  const t = useTranslations("case.actions");
  const forms = NOTES.filter(([a]) => actions.includes(a));
  if (forms.length === 0) return null;
  return (
    <section className="card" aria-labelledby="case-notes-title" data-testid="case-notes">
      <h2 id="case-notes-title">{t("notesTitle")}</h2>
      {forms.map(([action, Form]) => (
        <FoldedForm key={action} action={action} summary={t(action)}>
          <Form ctx={ctx} />
        </FoldedForm>
      ))}
    </section>
  );
}
