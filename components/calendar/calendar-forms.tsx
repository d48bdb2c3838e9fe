"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue, kept } from "@/components/ui/form-message";
import { addCalendarDayAction, removeCalendarDayAction, renameCalendarDayAction } from "@/lib/calendar/actions";
import { ButtonForm } from "@/components/ui/button-form";

/** A public holiday or a working weekend day, added to the year on screen. */
export function AddCalendarDayForm({ year }: { year: number }) {
  const t = useTranslations("calendar.form");
  return (
    <ActionForm action={addCalendarDayAction} hidden={{ year }} className="form form--wide">
      {(state) => (
        <>
          <div className="grid">
            <Field name="day" label={t("day")} hint={t("dayHint")} type="date" min={`${year}-01-01`} max={`${year}-12-31`} required
              defaultValue={kept(state, "day")} errors={fieldErrors(state, "day")} />
            <Field id="kind" label={t("kind")} required errors={fieldErrors(state, "kind")}>
              {(aria) => (
                <select key={kept(state, "kind")} {...aria} name="kind" defaultValue={kept(state, "kind") || "holiday"}>
                  <option value="holiday">{t("holiday")}</option>
                  <option value="workday">{t("workday")}</option>
                </select>
              )}
            </Field>
            <Field name="name" label={t("name")} required maxLength={40} defaultValue={kept(state, "name")} errors={fieldErrors(state, "name")} />
          </div>
          <SubmitButton>{t("add")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Per marked day: rename it or remove it, as the administrator saw it (`version`). */
export function CalendarDayActions({ year, day }: { year: number; day: { day: string; name: string; version: number } }) {
  const t = useTranslations("calendar.form");
  const hidden = { year, day: day.day, version: day.version };
  return (
    <div className="actions">
      <details>
        <summary>{t("rename")}</summary>
        <ActionForm action={renameCalendarDayAction} hidden={hidden}>
          {(state) => (
            <>
              <Field id={`name-${day.day}`} label={t("name")} required errors={fieldErrors(state, "name")}>
                {(aria) => <input {...aria} name="name" maxLength={40} defaultValue={fieldValue(state, "name", day.name)} />}
              </Field>
              <SubmitButton variant="secondary">{t("save")}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
      <ButtonForm action={removeCalendarDayAction} hidden={hidden} variant="danger" label={t("remove")} />
    </div>
  );
}
