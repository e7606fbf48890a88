import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { DateField, PostForm, SelectField, TextField, type AnyFormResult } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { Badge, Card, EmptyState, SubmitButton } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { KINDS } from "./kinds";
import type { loader } from "./route";

/** Mark a day as a holiday or a working day. */
export function AddOverrideCard({ result }: { result: AnyFormResult }) {
  const t = useT();
  const td = useTDynamic();
  return (
    <Card title={t("gov.admin.calendar.add")}>
      <PostForm result={result} alert={false} className="grid gap-3 sm:grid-cols-4 sm:items-end">
        <DateField name="date" label={t("gov.admin.calendar.date")} />
        <SelectField
          name="kind"
          label={t("gov.admin.calendar.kind")}
          defaultValue="HOLIDAY"
          options={optionsOf(KINDS, (k) => td(`gov.admin.calendar.kinds.${k}`))}
        />
        <TextField name="note" label={t("gov.admin.calendar.note")} maxLength={100} />
        <SubmitButton name="intent" value="add">
          {t("gov.admin.calendar.addButton")}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}

/** The marked days, each with a button that removes it. */
export function OverridesCard({ overrides }: { overrides: SerializeFrom<typeof loader>["overrides"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("gov.admin.calendar.list")}>
      {overrides.length === 0 ? (
        <EmptyState title={t("gov.admin.calendar.empty")} hint={t("gov.admin.calendar.emptyHint")} />
      ) : (
        <ul className="divide-y divide-slate-100">
          {overrides.map((o) => (
            <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="flex flex-wrap items-center gap-2">
                <span className="w-36">{formatDay(o.date, locale)}</span>
                <Badge tone={o.kind === "HOLIDAY" ? "amber" : "blue"}>
                  {td(`gov.admin.calendar.kinds.${o.kind}`)}
                </Badge>
                <span className="text-slate-600">{o.note}</span>
              </span>
              <Form method="post">
                <input type="hidden" name="id" value={o.id} />
                <SubmitButton
                  name="intent"
                  value="remove"
                  variant="ghost"
                  aria-label={t("gov.admin.calendar.removeLabel", { date: o.date })}
                >
                  {t("gov.admin.calendar.remove")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
