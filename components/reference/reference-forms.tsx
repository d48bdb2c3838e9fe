"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { ApplicationKind, DocumentKind } from "@/lib/generated/prisma/enums";
import type { ActionState } from "@/lib/actions/state";
import { ActionForm } from "@/components/ui/action-form";
import { ButtonForm } from "@/components/ui/button-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, fieldValue, kept } from "@/components/ui/form-message";
import {
  createCategoryAction, createTargetGroupAction, deactivateCategoryAction, deactivateTargetGroupAction, reactivateCategoryAction,
  reactivateTargetGroupAction, renameCategoryAction, renameTargetGroupAction, setChecklistAction, setNumberingPatternAction,
} from "@/lib/reference/actions";

type List = "category" | "targetGroup";
type Entry = { code: string; nameZh: string; nameEn: string; active: boolean; version: number };
type Checklists = Record<ApplicationKind, DocumentKind[]>;

const ACTIONS = {
  category: { create: createCategoryAction, rename: renameCategoryAction, deactivate: deactivateCategoryAction, reactivate: reactivateCategoryAction },
  targetGroup: { create: createTargetGroupAction, rename: renameTargetGroupAction, deactivate: deactivateTargetGroupAction, reactivate: reactivateTargetGroupAction },
} as const;

/** A text input with an id of its own (a page holds one such form per entry). */
function OwnField({ id, name, label, errors, defaultValue }: { id: string; name: string; label: string; errors?: string[]; defaultValue: string }) {
  return (
    <Field id={id} label={label} required errors={errors}>
      {(aria) => <input {...aria} name={name} maxLength={60} defaultValue={defaultValue} />}
    </Field>
  );
}

/**
 * The documents of one application kind, ticked as the checklist stands. The ticks are kept in
 * state and written back as each box's default, so the form's reset after a refused action puts
 * back what the administrator ticked rather than what the page first showed.
 */
function ChecklistFields({ kind, chosen, documents, state, prefix }: { kind: ApplicationKind; chosen: readonly DocumentKind[]; documents: { kind: DocumentKind; label: string }[]; state: ActionState; prefix: string }) {
  const t = useTranslations("reference.checklist");
  const [ticked, setTicked] = useState(() => new Set(chosen));
  const toggle = (k: DocumentKind, on: boolean) => setTicked((was) => {
    const next = new Set(was);
    if (on) next.add(k);
    else next.delete(k);
    return next;
  });
  const name = `checklist${kind}`;
  const errors = fieldErrors(state, name);
  return (
    <fieldset className="case-checklist" aria-invalid={errors?.length ? true : undefined} data-testid={`${prefix}-${name}`}>
      <legend>{t(kind)}</legend>
      {documents.map((d) => (
        <label key={d.kind} style={{ display: "block" }}>
          <input type="checkbox" name={name} value={d.kind} defaultChecked={ticked.has(d.kind)} onChange={(e) => toggle(d.kind, e.target.checked)} /> {d.label}
        </label>
      ))}
      {errors?.map((e) => <p key={e} className="field__error" role="alert">{e}</p>)}
    </fieldset>
  );
}

/** A new category's checklists: the starting ones again after each category added, kept after a refusal. */
function NewChecklists({ state, documents, defaults }: { state: ActionState; documents: { kind: DocumentKind; label: string }[]; defaults: Checklists }) {
  const [seen, setSeen] = useState(state);
  const [added, setAdded] = useState(0);
  if (state !== seen) {
    setSeen(state);
    if (state.status === "success") setAdded((n) => n + 1);
  }
  return (
    <div key={added} className="grid">
      <ChecklistFields kind="NEW" chosen={defaults.NEW} documents={documents} state={state} prefix="new" />
      <ChecklistFields kind="RENEWAL" chosen={defaults.RENEWAL} documents={documents} state={state} prefix="new" />
    </div>
  );
}

/** A new category with its checklist, or a new target group. */
export function CreateEntryForm({ list, documents, defaults }: { list: List; documents?: { kind: DocumentKind; label: string }[]; defaults?: Checklists }) {
  const t = useTranslations("reference");
  return (
    <ActionForm action={ACTIONS[list].create} className="form form--wide">
      {(state) => (
        <>
          <div className="grid">
            <OwnField id={`${list}-new-code`} name="code" label={t("code")} defaultValue={kept(state, "code")} errors={fieldErrors(state, "code")} />
            <OwnField id={`${list}-new-nameZh`} name="nameZh" label={t("nameZh")} defaultValue={kept(state, "nameZh")} errors={fieldErrors(state, "nameZh")} />
            <OwnField id={`${list}-new-nameEn`} name="nameEn" label={t("nameEn")} defaultValue={kept(state, "nameEn")} errors={fieldErrors(state, "nameEn")} />
          </div>
          {list === "category" && documents && defaults ? <NewChecklists state={state} documents={documents} defaults={defaults} /> : null}
          <SubmitButton>{t(list === "category" ? "categories.create" : "targetGroups.create")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}

/** Per entry: rename it, deactivate or reactivate it, as the administrator saw it (`version`). */
export function EntryActions({ list, entry }: { list: List; entry: Entry }) {
  const t = useTranslations("reference");
  const hidden = { code: entry.code, version: entry.version };
  return (
    <div className="actions">
      <details>
        <summary>{t("rename")}</summary>
        <ActionForm action={ACTIONS[list].rename} hidden={hidden}>
          {(state) => (
            <>
              <OwnField id={`${list}-${entry.code}-nameZh`} name="nameZh" label={t("nameZh")} defaultValue={fieldValue(state, "nameZh", entry.nameZh)} errors={fieldErrors(state, "nameZh")} />
              <OwnField id={`${list}-${entry.code}-nameEn`} name="nameEn" label={t("nameEn")} defaultValue={fieldValue(state, "nameEn", entry.nameEn)} errors={fieldErrors(state, "nameEn")} />
              <SubmitButton variant="secondary">{t("save")}</SubmitButton>
            </>
          )}
        </ActionForm>
      </details>
      <ButtonForm action={entry.active ? ACTIONS[list].deactivate : ACTIONS[list].reactivate} hidden={hidden} variant={entry.active ? "danger" : "secondary"} label={t(entry.active ? "deactivate" : "reactivate")} />
    </div>
  );
}

/** A category's checklist, replaced as the administrator saw the category. */
export function ChecklistForm({ category, documents }: { category: Entry & { checklists: Checklists }; documents: { kind: DocumentKind; label: string }[] }) {
  const t = useTranslations("reference.checklist");
  return (
    <details>
      <summary>{t("edit")}</summary>
      <ActionForm action={setChecklistAction} hidden={{ code: category.code, version: category.version }}>
        {(state) => (
          <>
            <p className="field__hint">{t("hint")}</p>
            <div key={category.version} className="grid">
              <ChecklistFields kind="NEW" chosen={category.checklists.NEW} documents={documents} state={state} prefix={category.code} />
              <ChecklistFields kind="RENEWAL" chosen={category.checklists.RENEWAL} documents={documents} state={state} prefix={category.code} />
            </div>
            <SubmitButton variant="secondary">{t("edit")}</SubmitButton>
          </>
        )}
      </ActionForm>
    </details>
  );
}

/** A numbering pattern, changed as the administrator saw it. */
export function NumberingForm({ thing, pattern, version }: { thing: string; pattern: string; version: number }) {
  const t = useTranslations("reference.numbering");
  return (
    <ActionForm action={setNumberingPatternAction} hidden={{ thing, version }} className="form">
      {(state) => (
        <>
          <OwnField id={`pattern-${thing}`} name="pattern" label={t("pattern")} defaultValue={kept(state, "pattern", pattern)} errors={fieldErrors(state, "pattern")} />
          <SubmitButton variant="secondary">{t("save")}</SubmitButton>
        </>
      )}
    </ActionForm>
  );
}
