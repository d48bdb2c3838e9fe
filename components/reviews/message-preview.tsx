"use client";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { ActionState } from "@/lib/actions/state";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { Field } from "@/components/ui/field";
import { joinItems, MESSAGE_OF, splitMissingItems, textOrNull, wordsOfMessage, type MessagingStep, type NoticeTemplates } from "@/lib/reviews/applicant-message";
import type { NoticeParams } from "@/lib/notifications/codes";

/** What the page knows for the preview: the templates in the applicant's language and the case's values. */
export type PreviewContext = {
  locale: string;
  templates: NoticeTemplates;
  number: string;
  /** The staff member's organisation type (named in a message of its own). */
  orgType: string;
  /** The answer deadline a return or reopening sent now gets (Beijing day); null when the viewer may do neither. */
  answerDueOn: string | null;
};

/** The template's values as the service will compute them, from the case and the form as typed. */
function paramsFor(step: MessagingStep, ctx: PreviewContext, form: Record<string, string>): NoticeParams {
  switch (step) {
    case "return":
      return { number: ctx.number, dueOn: ctx.answerDueOn ?? "", items: joinItems(splitMissingItems(form.missingItems ?? "")) };
    case "reopen":
      return { number: ctx.number, dueOn: ctx.answerDueOn ?? "" };
    case "reject":
      return { number: ctx.number, reasonCode: form.reasonCode ?? "" };
    case "messageApplicant":
      return { number: ctx.number, orgType: ctx.orgType };
    default:
      return { number: ctx.number };
  }
}

function useFormValues(ref: React.RefObject<HTMLElement | null>): Record<string, string> {
  const [values, setValues] = useState<Record<string, string>>({});
  useEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const read = () => {
      const next: Record<string, string> = {};
      for (const [k, v] of new FormData(form).entries()) if (typeof v === "string") next[k] = v;
      setValues(next);
    };
    // After an action React resets the form: read it again once the reset has happened.
    const afterReset = () => setTimeout(read, 0);
    read();
    form.addEventListener("input", read);
    form.addEventListener("change", read);
    form.addEventListener("reset", afterReset);
    return () => {
      form.removeEventListener("input", read);
      form.removeEventListener("change", read);
      form.removeEventListener("reset", afterReset);
    };
  }, [ref]);
  return values;
}

/**
 * The exact words the applicant will receive, updated as the staff member types: the decision's
 * template in the applicant's language and, below it, what they wrote, as written.
 */
export function MessagePreview({ step, ctx, textField = "applicantMessage" }: { step: MessagingStep; ctx: PreviewContext; textField?: string }) {
  const t = useTranslations("case.form");
  const ref = useRef<HTMLElement>(null);
  const form = useFormValues(ref);
  const words = wordsOfMessage(ctx.locale, ctx.templates, { code: MESSAGE_OF[step], params: paramsFor(step, ctx, form), text: textOrNull(form[textField]) });
  return (
    <section ref={ref} className="message-preview" aria-live="polite" data-testid="message-preview" lang={ctx.locale}>
      <p className="message-preview__label">{t("previewTitle")}</p>
      <p className="message-preview__title"><strong>{words.title}</strong></p>
      <p>{words.body}</p>
      {words.text ? <blockquote className="staff-text">{words.text}</blockquote> : step === "messageApplicant" ? <p className="muted">{t("previewEmpty")}</p> : null}
    </section>
  );
}

/** The optional words to the applicant that a decision carries, with the live preview of the whole message. */
export function ApplicantMessageField({ form, state, step, ctx }: { form: string; state: ActionState; step: MessagingStep; ctx: PreviewContext }) {
  const t = useTranslations("case.form");
  return (
    <>
      <Field id={`${form}-applicantMessage`} label={t("applicantMessage")} hint={t("applicantMessageHint")} errors={fieldErrors(state, "applicantMessage")}>
        {(aria) => <textarea {...aria} name="applicantMessage" rows={3} defaultValue={kept(state, "applicantMessage")} maxLength={1000} />}
      </Field>
      <MessagePreview step={step} ctx={ctx} />
    </>
  );
}
