"use client";
import { useActionState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormMessage, fieldErrors, fieldValue } from "@/components/ui/form-message";

type FormActionFn = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Two steps around an SMS code: the mobile number (the code goes to it), then the code with the
 * rest of the form. The number is fixed in step two; a new code can be asked for from there.
 */
export function MobileCodeFlow({ request, finish, restartHref, stepTitles, submitLabel, children }: {
  request: FormActionFn;
  finish: FormActionFn;
  /** This page again, to start over with another number. */
  restartHref: string;
  stepTitles?: [string, string];
  submitLabel: string;
  /** Step two's fields besides the number and the code. */
  children: (state: ActionState) => ReactNode;
}) {
  const t = useTranslations("auth");
  const [asked, ask] = useActionState(request, IDLE);
  const [done, complete] = useActionState(finish, IDLE);
  const mobile = asked.status === "success" ? fieldValue(asked, "mobile") : "";

  if (!mobile) {
    return (
      <form action={ask} className="form" noValidate>
        {stepTitles && <h2>{stepTitles[0]}</h2>}
        <FormMessage state={asked} />
        <Field name="mobile" label={t("mobile")} inputMode="numeric" autoComplete="tel" required maxLength={11}
          defaultValue={fieldValue(asked, "mobile")} errors={fieldErrors(asked, "mobile")} />
        <SubmitButton>{t("sendCode")}</SubmitButton>
      </form>
    );
  }
  return (
    <>
      <form action={complete} className="form" noValidate>
        {stepTitles && <h2>{stepTitles[1]}</h2>}
        <FormMessage state={done.status === "idle" ? asked : done} />
        <input type="hidden" name="mobile" value={mobile} />
        <Field name="code" label={t("smsCode")} inputMode="numeric" autoComplete="one-time-code" required maxLength={6}
          defaultValue={fieldValue(done, "code")} errors={fieldErrors(done, "code") ?? fieldErrors(done, "mobile")} />
        {children(done)}
        <SubmitButton>{submitLabel}</SubmitButton>
      </form>
      <form action={ask} className="form form--inline" noValidate>
        <input type="hidden" name="mobile" value={mobile} />
        <SubmitButton variant="secondary">{t("resendCode")}</SubmitButton>
        <a href={restartHref}>{t("changeMobile")}</a>
      </form>
    </>
  );
}
