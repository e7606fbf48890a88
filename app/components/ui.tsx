import { Link, useNavigation } from "@remix-run/react";
import type { ButtonHTMLAttributes, ReactNode } from "react";

import { useT } from "~/i18n/use-t";
import type { FieldError } from "~/utils/forms";
import { useTDynamic } from "~/i18n/use-t";

export function cx(...classes: (string | false | null | undefined)[]) {
  return classes.filter(Boolean).join(" ");
}

type ButtonVariant = "primary" | "secondary" | "danger" | "ghost";

const buttonStyles: Record<ButtonVariant, string> = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-brand-600/60",
  secondary: "bg-white text-slate-800 ring-1 ring-inset ring-slate-300 hover:bg-slate-50",
  danger: "bg-red-600 text-white hover:bg-red-700 disabled:bg-red-600/60",
  ghost: "text-brand-700 hover:bg-brand-50",
};

export function buttonClass(variant: ButtonVariant = "primary", extra?: string) {
  return cx(
    "inline-flex min-h-10 items-center justify-center gap-2 rounded-md px-4 py-2 text-sm font-medium transition disabled:cursor-not-allowed",
    buttonStyles[variant],
    extra,
  );
}

/**
 * A submit button that shows it is working while its form submits: disabled (so a
 * double click sends one request) and with a pending label.
 */
export function SubmitButton({
  children,
  pendingLabel,
  variant = "primary",
  name,
  value,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { pendingLabel?: ReactNode; variant?: ButtonVariant }) {
  const navigation = useNavigation();
  const pending =
    navigation.state === "submitting" &&
    (name === undefined || navigation.formData?.get(String(name)) === String(value ?? ""));
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={buttonClass(variant, className)}
      disabled={pending || rest.disabled}
      aria-disabled={pending || rest.disabled}
      {...rest}
    >
      {pending ? (
        <>
          <Spinner />
          {pendingLabel ?? children}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function Spinner() {
  return (
    <span
      aria-hidden="true"
      className="inline-block size-4 animate-spin rounded-full border-2 border-current border-r-transparent"
    />
  );
}

export function Card({
  title,
  children,
  actions,
  className,
}: {
  title?: ReactNode;
  children: ReactNode;
  actions?: ReactNode;
  className?: string;
}) {
  return (
    <section className={cx("rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6", className)}>
      {(title || actions) && (
        <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
          {title && <h2 className="text-lg font-semibold text-slate-900">{title}</h2>}
          {actions}
        </div>
      )}
      {children}
    </section>
  );
}

export function Stat({
  label,
  value,
  unit,
  hint,
}: {
  label: ReactNode;
  value: ReactNode;
  unit?: ReactNode;
  hint?: ReactNode;
}) {
  return (
    <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 flex min-w-0 flex-wrap items-baseline gap-1">
        <span className="min-w-0 text-xl font-semibold tabular-nums [overflow-wrap:anywhere] text-slate-900 sm:text-2xl">
          {value}
        </span>
        {unit && <span className="text-sm text-slate-600">{unit}</span>}
      </dd>
      {hint && <dd className="mt-1 text-xs text-slate-500">{hint}</dd>}
    </div>
  );
}

const badgeTones = {
  gray: "bg-slate-100 text-slate-700 ring-slate-300",
  blue: "bg-brand-50 text-brand-700 ring-brand-100",
  green: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  amber: "bg-amber-50 text-amber-800 ring-amber-200",
  red: "bg-red-50 text-red-800 ring-red-200",
} as const;

export function Badge({ tone = "gray", children }: { tone?: keyof typeof badgeTones; children: ReactNode }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        badgeTones[tone],
      )}
    >
      {children}
    </span>
  );
}

/**
 * What to show when a list is empty: what it means and what to do next — `next`, a page to go to
 * (a primary button), or any other `action`.
 */
export function EmptyState({
  title,
  hint,
  next,
  action,
}: {
  title: ReactNode;
  hint?: ReactNode;
  next?: { to: string; label: ReactNode };
  action?: ReactNode;
}) {
  const todo = next ? (
    <Link to={next.to} className={buttonClass("primary")}>
      {next.label}
    </Link>
  ) : (
    action
  );
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-slate-800">{title}</p>
      {hint && <p className="mt-1 text-sm text-slate-600">{hint}</p>}
      {todo && <div className="mt-4">{todo}</div>}
    </div>
  );
}

/**
 * The link back to the list a detail page belongs to, above its header. `flush` in a column that
 * spaces its children itself.
 */
export function BackLink({
  to,
  flush = false,
  children,
}: {
  to: string;
  flush?: boolean;
  children: ReactNode;
}) {
  return (
    <p className={flush ? undefined : "mb-2"}>
      <Link to={to} className="text-sm text-brand-700 hover:underline">
        ← {children}
      </Link>
    </p>
  );
}

export function PageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-4">
      <div>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{title}</h1>
        {description && <p className="mt-1 max-w-3xl text-slate-600">{description}</p>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </div>
  );
}

/** A labelled form control with its error, wired for screen readers. */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: FieldError;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const t = useTDynamic();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700" role="alert">
          {t(error.key, error.params)}
        </p>
      )}
    </div>
  );
}

export const inputClass =
  "block w-full min-h-10 rounded-md border-0 px-3 py-2 text-slate-900 ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600 aria-[invalid=true]:ring-red-500";

/** aria attributes that tie an input to its Field's hint and error. */
export function fieldAria(id: string, error?: FieldError, hint?: boolean) {
  const describedBy = [error ? `${id}-error` : null, hint && !error ? `${id}-hint` : null]
    .filter(Boolean)
    .join(" ");
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy || undefined,
  } as const;
}

export function Loading() {
  const t = useT();
  return (
    <p className="flex items-center gap-2 text-slate-600" role="status">
      <Spinner /> {t("common.loading")}
    </p>
  );
}
