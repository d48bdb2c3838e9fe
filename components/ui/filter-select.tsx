import { Field } from "@/components/ui/field";

/** A choice in a GET filter form: "all" (the empty value) if offered, then the options; `value` is the current filter. */
export function FilterSelect({ id, name, label, value, all, options }: {
  id: string;
  name: string;
  label: string;
  value: string;
  all?: string;
  options: { value: string; label: string }[];
}) {
  return (
    <Field id={id} label={label}>
      {(control) => (
        <select {...control} name={name} defaultValue={value}>
          {all !== undefined ? <option value="">{all}</option> : null}
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      )}
    </Field>
  );
}
