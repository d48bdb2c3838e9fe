"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { fieldErrors, kept } from "@/components/ui/form-message";
import { setRoutingAction } from "@/lib/routing/actions";
import type { ActionState } from "@/lib/actions/state";
import { useReportedAction } from "@/components/ui/page-feedback";
import type { PartnerType } from "@/lib/routing/rules";

type Org = { id: string; name: string };
export type RoutingFormProps = {
  type: PartnerType;
  mode: "CHOSEN" | "DEFAULT" | "BY_DISTRICT";
  defaultOrgId: string | null;
  version: number;
  districts: Record<string, string>;
  partners: Org[];
  districtUnions: Org[];
};

const MODES = ["CHOSEN", "DEFAULT", "BY_DISTRICT"] as const;

/** One partner type's rule: how cases are routed, the default partner, and the district table. */
export function RoutingForm(props: RoutingFormProps) {
  // The saved rule comes back as a new version and the form is made again: the page's banner carries the result.
  const action = useReportedAction(setRoutingAction);
  return (
    <ActionForm action={action} hidden={{ type: props.type, version: props.version }} className="form form--wide">
      {(state) => {
        // React resets a form after its action: the fields are made again with what was sent.
        const mode = kept(state, "mode", props.mode) as RoutingFormProps["mode"];
        return <RoutingFields key={`${mode}:${kept(state, "defaultOrgId", props.defaultOrgId ?? "")}`} {...props} initialMode={mode} state={state} />;
      }}
    </ActionForm>
  );
}

function RoutingFields({ initialMode, state, ...props }: RoutingFormProps & { initialMode: RoutingFormProps["mode"]; state: ActionState }) {
  const t = useTranslations("routing");
  const [mode, setMode] = useState(initialMode);
  const id = (name: string) => `routing-${props.type}-${name}`;
  const district = (d: string) => kept(state, `district:${d}`, props.districts[d] ?? "");
  return (
    <>
      <fieldset className="case-checklist">
        <legend>{t("mode")}</legend>
        {MODES.map((m) => (
          <label key={m} className="checkbox">
            <input type="radio" name="mode" value={m} defaultChecked={initialMode === m} onChange={() => setMode(m)} />
            {t(`modes.${props.type}.${m}`)}
          </label>
        ))}
      </fieldset>
      {mode === "CHOSEN" ? null : (
        <Field id={id("default")} label={t("default")} required errors={fieldErrors(state, "defaultOrgId")}>
          {(aria) => (
            <select {...aria} name="defaultOrgId" defaultValue={kept(state, "defaultOrgId", props.defaultOrgId ?? "")}>
              <option value="">{t("none")}</option>
              {props.partners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
            </select>
          )}
        </Field>
      )}
      {mode === "BY_DISTRICT" ? (
        props.districtUnions.length ? (
          <div className="table-wrap">
            <table className="table" data-testid={`routing-${props.type}-districts`}>
              <thead><tr><th>{t("district")}</th><th>{t("goesTo")}</th></tr></thead>
              <tbody>
                {props.districtUnions.map((d) => (
                  <tr key={d.id}>
                    <td><label htmlFor={id(d.id)}>{d.name}</label></td>
                    <td>
                      <select key={district(d.id)} id={id(d.id)} name={`district:${d.id}`} defaultValue={district(d.id)}>
                        <option value="">{t("useDefault")}</option>
                        {props.partners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="field__hint">{t("online")}</p>
          </div>
        ) : <p className="field__hint">{t("noDistricts")}</p>
      ) : null}
      <SubmitButton>{t("save")}</SubmitButton>
    </>
  );
}
