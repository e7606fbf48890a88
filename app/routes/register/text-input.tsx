import { Field, fieldAria, inputClass } from "~/components/ui";
import type { FieldErrors } from "~/utils/forms";

/** A text input of the registration form, its error and echoed value by name. */
export function TextInput({
  name,
  label,
  hint,
  errors,
  values,
  ...props
}: {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  values: Record<string, string>;
} & Record<string, unknown>) {
  return (
    <Field id={name} label={label} error={errors[name]} hint={hint}>
      <input
        {...fieldAria(name, errors[name], Boolean(hint))}
        name={name}
        defaultValue={values[name] ?? ""}
        className={inputClass}
        {...props}
      />
    </Field>
  );
}
