/**
 * The form kit: one way to write a form (decision record 013).
 *
 * 1. A zod schema per form, built in a function (a schema at module level ships zod to the
 *    browser): `export function demandSchema() { return z.object({ amount: wanAmount(), … }) }`.
 *    Pieces every form shares (text, optional text, day, 万元 amount, id list) are in
 *    app/utils/form-schema.ts.
 * 2. The action parses with it and answers one shape (app/utils/form-action.server.ts):
 *      const submission = parseSubmission(form, demandSchema());
 *      if (!submission.ok) return submission.reply;   // 400 { errors, values }
 *    Field errors and the form's own error (`errors._form`) come back in `errors`; `values` is
 *    the input without passwords. A multi-button form dispatches on `intent` with dispatchIntent.
 * 3. The page wraps its fields in <PostForm result={actionData}>; every field takes its id,
 *    label, hint, error and echoed value from there by its name:
 *      <PostForm result={actionData} defaults={{ termMonths: "12" }}>
 *        <MoneyField name="amount" label={t("…amount")} unit={t("common.units.wan")} />
 *        <NumberField name="termMonths" label={t("…term")} maxLength={3} />
 *        <SelectField name="size" label={…} options={[{ value: "MICRO", label: … }]} />
 *        <SubmitButton name="intent" value="create">{t("…publish")}</SubmitButton>
 *      </PostForm>
 *    Several forms on one page: give each its `intent` (and `rowId` for one form per row), so
 *    a failed submission shows only in the form that sent it.
 */
import { Form, type FormProps } from "@remix-run/react";
import { createContext, useContext, type InputHTMLAttributes, type ReactNode } from "react";

import { PASSWORD_MAX_LENGTH } from "~/domain/password-length";
import { useTDynamic } from "~/i18n/use-t";
import { FORM_ERROR, type FieldError, type FieldErrors, type FormValues } from "~/utils/forms";

import { Field, SubmitButton, cx, fieldAria, inputClass } from "./ui";

/** What an action answered (any of the page's forms), as useActionData gives it. */
export type AnyFormResult = { errors?: FieldErrors; values?: FormValues; intent?: string } | null | undefined;

type Scope = { errors: FieldErrors; values: FormValues; defaults: FormDefaults; idPrefix: string };
export type FormDefaults = Record<string, string | string[] | number | boolean | null | undefined>;

const EMPTY: Scope = { errors: {}, values: {}, defaults: {}, idPrefix: "" };
const ScopeContext = createContext<Scope>(EMPTY);

/**
 * Whether a result belongs to this form: the same intent (the submit button's name, or the
 * result's own `intent`) and, for a form per row, the same `id` field.
 */
export function resultFor(
  result: AnyFormResult,
  { intent, rowId }: { intent?: string; rowId?: string } = {},
) {
  if (!result) return null;
  const sentIntent = result.intent ?? result.values?.intent;
  if (intent !== undefined && sentIntent !== undefined && sentIntent !== intent) return null;
  if (rowId !== undefined && result.values?.id !== rowId) return null;
  return result;
}

/** Provides errors and values to the fields inside without rendering a form (fetcher forms, GET forms). */
export function FormScope({
  result,
  defaults = {},
  idPrefix = "",
  children,
}: {
  result?: AnyFormResult;
  defaults?: FormDefaults;
  idPrefix?: string;
  children: ReactNode;
}) {
  const scope: Scope = { errors: result?.errors ?? {}, values: result?.values ?? {}, defaults, idPrefix };
  return <ScopeContext.Provider value={scope}>{children}</ScopeContext.Provider>;
}

/**
 * A POST form (no browser validation: the server's messages are the ones shown) with its
 * form-level error on top and its fields in scope.
 */
export function PostForm({
  result,
  intent,
  rowId,
  defaults,
  idPrefix,
  alert = true,
  children,
  ...formProps
}: Omit<FormProps, "method"> & {
  result?: AnyFormResult;
  intent?: string;
  rowId?: string;
  defaults?: FormDefaults;
  idPrefix?: string;
  /** false when the page shows the form-level error elsewhere */
  alert?: boolean;
}) {
  const own = resultFor(result, { intent, rowId });
  return (
    <Form method="post" noValidate {...formProps}>
      <FormScope result={own} defaults={defaults} idPrefix={idPrefix}>
        {alert && <FormAlert error={own?.errors?.[FORM_ERROR]} />}
        {children}
      </FormScope>
    </Form>
  );
}

/**
 * One of a page's several forms, told apart by the intent its button sends: the fields in a column,
 * then the button. The page shows the form-level error once, above all its forms.
 */
export function IntentForm({
  result,
  intent,
  submitLabel,
  variant,
  pendingLabel,
  children,
}: {
  result: AnyFormResult;
  intent: string;
  submitLabel: ReactNode;
  variant?: "primary" | "danger";
  pendingLabel?: ReactNode;
  children: ReactNode;
}) {
  return (
    <PostForm result={result} intent={intent} alert={false} className="flex flex-col gap-4">
      {children}
      <div>
        <SubmitButton name="intent" value={intent} variant={variant} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </PostForm>
  );
}

/** The error of a whole form (errors._form), announced to screen readers. */
export function FormAlert({ error, className }: { error?: FieldError; className?: string }) {
  const td = useTDynamic();
  if (!error) return null;
  return (
    <p
      role="alert"
      className={cx("rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200", className)}
    >
      {td(error.key, error.params)}
    </p>
  );
}

function stringOf(value: FormDefaults[string]): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value[0];
  return String(value);
}

function listOf(value: FormDefaults[string]): string[] {
  if (value === undefined || value === null || value === false) return [];
  return Array.isArray(value) ? value : [String(value)];
}

/** A field's id, error and value (echoed input first, then the form's defaults, then its own). */
export function useField(name: string, { id, defaultValue }: { id?: string; defaultValue?: string } = {}) {
  const scope = useContext(ScopeContext);
  // A form that came back from the server echoes every field it sent: a box missing from the
  // echo was unchecked, so the defaults no longer apply.
  const cameBack = Object.keys(scope.values).length > 0;
  const echoed = scope.values[name];
  const fallback = scope.defaults[name];
  return {
    id: id ?? `${scope.idPrefix}${name}`,
    error: scope.errors[name] as FieldError | undefined,
    value:
      cameBack && echoed !== undefined
        ? (stringOf(echoed) ?? "")
        : (stringOf(fallback) ?? defaultValue ?? ""),
    /** whether a checkbox of this name with this value starts checked */
    isChecked(value: string, checkedByDefault = false) {
      if (cameBack) return listOf(echoed).includes(value);
      if (fallback === true) return true;
      return listOf(fallback).includes(value) || checkedByDefault;
    },
  };
}

type CommonProps = {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  id?: string;
  defaultValue?: string;
  /** classes of the wrapper (grid placement, width) */
  className?: string;
};

type InputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "id" | "name" | "defaultValue" | "value" | "className" | "children"
>;

type Control = ReturnType<typeof fieldAria> & { name: string; defaultValue: string; className: string };

/** The label, hint and error around one control, and the attributes that tie them to it. */
function Labelled({
  name,
  label,
  hint,
  id,
  defaultValue,
  className,
  children,
}: CommonProps & { children: (control: Control) => ReactNode }) {
  const field = useField(name, { id, defaultValue });
  const control = {
    ...fieldAria(field.id, field.error, Boolean(hint)),
    name,
    defaultValue: field.value,
    className: inputClass,
  };
  const body = (
    <Field id={field.id} label={label} error={field.error} hint={hint}>
      {children(control)}
    </Field>
  );
  return className ? <div className={className}>{body}</div> : body;
}

/**
 * A text input (type text, email, tel, password, search). A password is never refilled.
 * `inputClassName` adds to the box's own classes (a code typed in capitals).
 */
export function TextField({
  label,
  hint,
  type = "text",
  inputClassName,
  ...props
}: CommonProps & InputProps & { inputClassName?: string }) {
  const { name, id, defaultValue, className, ...input } = props;
  return (
    <Labelled {...{ name, label, hint, id, defaultValue, className }}>
      {(control) => (
        <input
          {...control}
          className={cx(control.className, inputClassName)}
          type={type}
          defaultValue={type === "password" ? undefined : control.defaultValue}
          {...input}
        />
      )}
    </Labelled>
  );
}

/** A whole number typed as text (the server parses it): months, days, counts. */
export function NumberField(props: CommonProps & InputProps) {
  return <TextField inputMode="numeric" autoComplete="off" {...props} />;
}

/** An amount typed as a decimal (万元, 元 or % as the label says); `unit` is shown after the box. */
export function MoneyField({ unit, ...props }: CommonProps & InputProps & { unit?: ReactNode }) {
  if (!unit) return <TextField inputMode="decimal" autoComplete="off" {...props} />;
  const { name, label, hint, id, defaultValue, className, ...input } = props;
  return (
    <Labelled {...{ name, label, hint, id, defaultValue, className }}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input {...control} inputMode="decimal" autoComplete="off" {...input} />
          <span className="shrink-0 text-sm text-slate-600">{unit}</span>
        </div>
      )}
    </Labelled>
  );
}

/**
 * A new password (an account's own, one set for it, its confirmation): hidden, offered to the
 * browser's password manager as new, no longer than the password policy allows (every form the
 * same).
 */
export function NewPasswordField(
  props: CommonProps & Omit<InputProps, "type" | "autoComplete" | "maxLength">,
) {
  return <TextField {...props} maxLength={PASSWORD_MAX_LENGTH} type="password" autoComplete="new-password" />;
}

/** A "YYYY-MM-DD" day with the browser's date picker. */
export function DateField(props: CommonProps & InputProps) {
  return <TextField type="date" {...props} />;
}

export type Option = { value: string; label: ReactNode; disabled?: boolean };

/** A choice from a list; `placeholder` adds a first, empty option ("any", "choose…"). */
export function SelectField({
  options,
  placeholder,
  required,
  disabled,
  ...common
}: CommonProps & {
  options: readonly Option[];
  placeholder?: ReactNode;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <Labelled {...common}>
      {(control) => (
        <select {...control} required={required} disabled={disabled}>
          {placeholder !== undefined && <option value="">{placeholder}</option>}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}

/** Several lines of text; `inputClassName` adds to the box's own classes (a monospaced source). */
export function TextareaField({
  rows = 3,
  maxLength,
  required,
  placeholder,
  inputClassName,
  ...common
}: CommonProps & {
  rows?: number;
  maxLength?: number;
  required?: boolean;
  placeholder?: string;
  inputClassName?: string;
}) {
  return (
    <Labelled {...common}>
      {(control) => (
        <textarea
          {...control}
          className={cx(control.className, inputClassName)}
          rows={rows}
          maxLength={maxLength}
          required={required}
          placeholder={placeholder}
        />
      )}
    </Labelled>
  );
}

/** One checkbox with its label beside it; checked from the echo, else from the defaults. */
export function CheckboxField({
  name,
  label,
  hint,
  id,
  value = "on",
  defaultChecked,
  className,
}: Omit<CommonProps, "defaultValue"> & { value?: string; defaultChecked?: boolean }) {
  const field = useField(name, { id });
  return (
    <div className={cx("flex flex-col gap-1", className)}>
      <label className="flex items-center gap-2 text-sm text-slate-800">
        <input
          {...fieldAria(field.id, field.error, Boolean(hint))}
          type="checkbox"
          name={name}
          value={value}
          defaultChecked={field.isChecked(value, defaultChecked)}
          className="size-4"
        />
        {label}
      </label>
      <FieldMessage id={field.id} error={field.error} hint={hint} />
    </div>
  );
}

/** Several checkboxes sharing a name (a list of choices), in a fieldset with its legend. */
export function CheckboxGroup({
  name,
  label,
  hint,
  id,
  options,
  className,
}: Omit<CommonProps, "defaultValue"> & { options: readonly Option[] }) {
  const field = useField(name, { id });
  const { "aria-describedby": describedBy } = fieldAria(field.id, field.error, Boolean(hint));
  return (
    <fieldset className={className} aria-describedby={describedBy}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {options.map((option) => (
          <label key={option.value} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              defaultChecked={field.isChecked(option.value)}
              className="size-4"
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldMessage id={field.id} error={field.error} hint={hint} />
    </fieldset>
  );
}

/** A field's hint or its error, with the ids fieldAria points at. */
function FieldMessage({ id, error, hint }: { id: string; error?: FieldError; hint?: ReactNode }) {
  const td = useTDynamic();
  if (error)
    return (
      <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-700">
        {td(error.key, error.params)}
      </p>
    );
  if (hint)
    return (
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
    );
  return null;
}
