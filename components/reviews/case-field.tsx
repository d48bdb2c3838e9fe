/** A checkbox with its own error line (the recommendation checklist). */
export function CaseCheckbox({ id, name, label, checked, errors }: {
  id: string;
  name: string;
  label: string;
  checked: boolean;
  errors?: string[];
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={errors?.length ? "field--invalid" : undefined}>
      <label className="checkbox" htmlFor={id}>
        <input key={String(checked)} id={id} type="checkbox" name={name} defaultChecked={checked} aria-invalid={errors?.length ? true : undefined} aria-describedby={errorId} />
        <span>{label}</span>
      </label>
      {errors?.length ? <p id={errorId} className="field__error" role="alert">{errors.join("；")}</p> : null}
    </div>
  );
}
