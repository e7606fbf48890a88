import { optionsOf } from "~/components/select-options";
import { MAX_NOTICE_LINKS, NOTICE_AUDIENCES, type NoticeLink } from "~/domain/outreach";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import { DateField, FormAlert, PostForm, SelectField, TextField, TextareaField } from "./form-kit";
import { SubmitButton, inputClass } from "./ui";

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
  const typedList = (name: string) => {
    const typed = echoed?.[name];
    return typed === undefined ? null : Array.isArray(typed) ? typed : [typed];
  };
  const labels = typedList("linkLabel") ?? values.links.map((link) => link.label);
  const urls = typedList("linkUrl") ?? values.links.map((link) => link.url);
  const { links: _links, ...defaults } = values;
  return (
    <PostForm result={{ errors, values: echoed }} defaults={defaults} alert={false} className="grid gap-4">
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <TextField name="title" label={t("outreach.notices.form.title")} maxLength={120} required />
      <TextField name="summary" label={t("outreach.notices.form.summary")} maxLength={300} required />
      <TextareaField
        name="body"
        label={t("outreach.notices.form.body")}
        hint={t("outreach.notices.form.bodyHint")}
        rows={14}
        maxLength={20000}
        inputClassName="font-mono text-sm"
        required
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField name="effectiveOn" label={t("outreach.notices.form.effectiveOn")} required />
        <SelectField
          name="audience"
          label={t("outreach.notices.form.audience")}
          hint={t("outreach.notices.form.audienceHint")}
          options={optionsOf(NOTICE_AUDIENCES, (audience) => td(`outreach.notices.audiences.${audience}`))}
        />
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
      <FormAlert error={errors._form} />
      <div>
        <SubmitButton pendingLabel={t("common.actions.saving")}>{submitLabel}</SubmitButton>
      </div>
    </PostForm>
  );
}
