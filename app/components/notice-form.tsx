import { Form } from "@remix-run/react";

import { MAX_NOTICE_LINKS, NOTICE_AUDIENCES, type NoticeLink } from "~/domain/outreach";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import { Field, SubmitButton, fieldAria, inputClass } from "./ui";

export type NoticeValues = {
  title: string;
  summary: string;
  body: string;
  effectiveOn: string;
  audience: string;
  links: NoticeLink[];
};

/** The bureau's notice form (create and edit): the server parses it (notice-form.server.ts). */
export function NoticeForm({
  values,
  errors,
  echoed,
  hidden,
  submitLabel,
}: {
  values: NoticeValues;
  errors: FieldErrors;
  /** what the user typed, sent back with a refused form */
  echoed?: Record<string, string | string[]>;
  hidden: Record<string, string>;
  submitLabel: string;
}) {
  const t = useT();
  const td = useTDynamic();
  const value = (name: keyof NoticeValues) => {
    const typed = echoed?.[name];
    return typeof typed === "string" ? typed : String(values[name]);
  };
  const typedList = (name: string) => {
    const typed = echoed?.[name];
    return typed === undefined ? null : Array.isArray(typed) ? typed : [typed];
  };
  const labels = typedList("linkLabel") ?? values.links.map((link) => link.label);
  const urls = typedList("linkUrl") ?? values.links.map((link) => link.url);
  return (
    <Form method="post" className="grid gap-4" noValidate>
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <Field id="title" label={t("outreach.notices.form.title")} error={errors.title}>
        <input
          {...fieldAria("title", errors.title)}
          name="title"
          maxLength={120}
          defaultValue={value("title")}
          className={inputClass}
          required
        />
      </Field>
      <Field id="summary" label={t("outreach.notices.form.summary")} error={errors.summary}>
        <input
          {...fieldAria("summary", errors.summary)}
          name="summary"
          maxLength={300}
          defaultValue={value("summary")}
          className={inputClass}
          required
        />
      </Field>
      <Field
        id="body"
        label={t("outreach.notices.form.body")}
        error={errors.body}
        hint={t("outreach.notices.form.bodyHint")}
      >
        <textarea
          {...fieldAria("body", errors.body, true)}
          name="body"
          rows={14}
          maxLength={20000}
          defaultValue={value("body")}
          className={`${inputClass} font-mono text-sm`}
          required
        />
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="effectiveOn" label={t("outreach.notices.form.effectiveOn")} error={errors.effectiveOn}>
          <input
            {...fieldAria("effectiveOn", errors.effectiveOn)}
            type="date"
            name="effectiveOn"
            defaultValue={value("effectiveOn")}
            className={inputClass}
            required
          />
        </Field>
        <Field
          id="audience"
          label={t("outreach.notices.form.audience")}
          error={errors.audience}
          hint={t("outreach.notices.form.audienceHint")}
        >
          <select
            {...fieldAria("audience", errors.audience, true)}
            name="audience"
            defaultValue={value("audience")}
            className={inputClass}
          >
            {NOTICE_AUDIENCES.map((audience) => (
              <option key={audience} value={audience}>
                {td(`outreach.notices.audiences.${audience}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset
        className="flex flex-col gap-2"
        aria-describedby={errors.links ? "links-error" : "links-hint"}
      >
        <legend className="text-sm font-medium text-slate-800">{t("outreach.notices.form.links")}</legend>
        <p id="links-hint" className="text-xs text-slate-500">
          {t("outreach.notices.form.linksHint", { max: MAX_NOTICE_LINKS })}
        </p>
        {Array.from({ length: MAX_NOTICE_LINKS }, (_, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr]">
            <input
              name="linkLabel"
              aria-label={t("outreach.notices.form.linkLabel", { n: i + 1 })}
              maxLength={200}
              defaultValue={labels[i] ?? ""}
              className={inputClass}
            />
            <input
              name="linkUrl"
              type="url"
              aria-label={t("outreach.notices.form.linkUrl", { n: i + 1 })}
              maxLength={2000}
              placeholder="https://"
              defaultValue={urls[i] ?? ""}
              className={inputClass}
            />
          </div>
        ))}
        {errors.links && (
          <p id="links-error" role="alert" className="text-sm text-red-700">
            {td(errors.links.key, errors.links.params)}
          </p>
        )}
      </fieldset>
      {errors._form && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(errors._form.key, errors._form.params)}
        </p>
      )}
      <div>
        <SubmitButton pendingLabel={t("common.actions.saving")}>{submitLabel}</SubmitButton>
      </div>
    </Form>
  );
}
