"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/actions/state";
import { HOTLINE_OUTCOMES, HOTLINE_TOPICS } from "@/lib/hotline/policy";
import { followUpDoneAction, logCallAction, registerCallerAction, updateCallAction } from "@/lib/hotline/actions";
import { ButtonForm } from "@/components/ui/button-form";

function Choice({ state, name, label, options, fallback = "" }: { state: ActionState; name: string; label: string; options: { value: string; label: string }[]; fallback?: string }) {
  const t = useTranslations("hotline.form");
  const value = fieldValue(state, name, fallback);
  return (
    <Field id={name} label={label} required errors={fieldErrors(state, name)}>
      {(aria) => (
        <select key={value} {...aria} name={name} defaultValue={value}>
          <option value="">{t("choose")}</option>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}

function FollowUpAndNotes({ state, followUpOn, notes, today }: { state: ActionState; followUpOn: string; notes: string; today: string }) {
  const t = useTranslations("hotline.form");
  return (
    <>
      <Field name="followUpOn" label={t("followUpOn")} type="date" min={today}
        defaultValue={fieldValue(state, "followUpOn", followUpOn)} errors={fieldErrors(state, "followUpOn")} />
      <Field id="notes" label={t("notes")} errors={fieldErrors(state, "notes")}>
        {(aria) => <textarea {...aria} name="notes" rows={3} maxLength={1000} defaultValue={fieldValue(state, "notes", notes)} />}
      </Field>
    </>
  );
}

/** The operator records a call as it ends. */
export function LogCallForm({ today }: { today: string }) {
  const t = useTranslations("hotline.form");
  const topics = HOTLINE_TOPICS.map((v) => ({ value: v, label: t(`topics.${v}`) }));
  const outcomes = HOTLINE_OUTCOMES.map((v) => ({ value: v, label: t(`outcomes.${v}`) }));
  return (
    <ActionForm action={logCallAction} className="form">
      {(state) => (
        <>
          <Field name="callerName" label={t("callerName")} required autoComplete="off" maxLength={40}
            defaultValue={fieldValue(state, "callerName", "")} errors={fieldErrors(state, "callerName")} />
          <Field name="callerMobile" label={t("callerMobile")} required type="tel" inputMode="tel" autoComplete="off" maxLength={11}
            defaultValue={fieldValue(state, "callerMobile", "")} errors={fieldErrors(state, "callerMobile")} />
          <Choice state={state} name="topic" label={t("topic")} options={topics} />
          <Choice state={state} name="outcome" label={t("outcome")} options={outcomes} />
          <FollowUpAndNotes state={state} followUpOn="" notes="" today={today} />
          <SubmitButton>{t("logSubmit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** A later change of the call's outcome, follow-up date and notes. */
export function UpdateCallForm({ call, today }: { call: { id: string; version: number; outcome: string; followUpOn: string | null; notes: string }; today: string }) {
  const t = useTranslations("hotline.form");
  const outcomes = HOTLINE_OUTCOMES.map((v) => ({ value: v, label: t(`outcomes.${v}`) }));
  return (
    <ActionForm action={updateCallAction} className="form" hidden={{ callId: call.id, version: call.version }}>
      {(state) => (
        <>
          <Choice state={state} name="outcome" label={t("outcome")} options={outcomes} fallback={call.outcome} />
          <FollowUpAndNotes state={state} followUpOn={call.followUpOn ?? ""} notes={call.notes} today={today} />
          <SubmitButton>{t("editSubmit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

export function FollowUpDoneForm({ callId, version }: { callId: string; version: number }) {
  const t = useTranslations("hotline.form");
  return (
    <ButtonForm action={followUpDoneAction} className="form form--inline" hidden={{ callId, version }} label={t("markDone")} />
  );
}

export function RegisterCallerForm({ callId }: { callId: string }) {
  const t = useTranslations("hotline.form");
  return (
    <ActionForm action={registerCallerAction} className="form" hidden={{ callId }}>
      {(state) => (
        <>
          <Field name="email" type="email" label={t("email")} hint={t("emailHint")} autoComplete="off" maxLength={254}
            defaultValue={fieldValue(state, "email", "")} errors={fieldErrors(state, "email")} />
          <SubmitButton>{t("registerSubmit")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
