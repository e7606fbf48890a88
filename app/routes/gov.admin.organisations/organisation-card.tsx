import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { PostForm, TextField } from "~/components/form-kit";
import { Badge, Card, SubmitButton, cx } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import type { OrgFailure } from "./org-forms";

type Organisation = { id: string; code: string; name: string; nameEn: string; active: boolean };

/**
 * The sub-districts or the banks: each renamed or (de)activated in its row, and the form that
 * adds one. Both kinds share the page's intents (`renameBank`, `toggleSubDistrict`, …) and ids
 * (`bank-name-<id>`, `sd-code`, …) by their suffix and prefix.
 */
export function OrganisationCard<Row extends Organisation>({
  title,
  kind,
  idPrefix,
  rows,
  detailOf,
  codeMaxLength,
  codeHint,
  createFields,
  addLabel,
  actionData,
}: {
  title: string;
  kind: "Bank" | "SubDistrict";
  idPrefix: string;
  rows: readonly Row[];
  /** what the row says under its code (its kind, how many users or firms) */
  detailOf: (row: Row) => ReactNode;
  codeMaxLength: number;
  codeHint: string;
  /** fields the add form asks for besides code and names */
  createFields?: ReactNode;
  addLabel: string;
  actionData: OrgFailure | undefined;
}) {
  const t = useT();
  return (
    <Card title={title}>
      <ul className="divide-y divide-slate-100">
        {rows.map((row) => (
          <li key={row.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-end">
            <PostForm
              result={actionData}
              intent={`rename${kind}`}
              rowId={row.id}
              className="grid flex-1 gap-2 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end"
            >
              <input type="hidden" name="id" value={row.id} />
              <span className="flex flex-col text-sm">
                <span className="font-mono">{row.code}</span>
                <span className="text-xs text-slate-500">{detailOf(row)}</span>
              </span>
              <NameFields id={(name) => `${idPrefix}${name}-${row.id}`} row={row} />
              <SubmitButton name="intent" value={`rename${kind}`} variant="secondary">
                {t("common.actions.save")}
              </SubmitButton>
            </PostForm>
            <Form method="post" className="flex items-center gap-2">
              <input type="hidden" name="id" value={row.id} />
              <input type="hidden" name="active" value={row.active ? "false" : "true"} />
              {!row.active && <Badge tone="gray">{t("gov.admin.orgs.inactive")}</Badge>}
              <SubmitButton
                name="intent"
                value={`toggle${kind}`}
                variant={row.active ? "ghost" : "secondary"}
              >
                {row.active ? t("gov.admin.orgs.deactivate") : t("gov.admin.orgs.activate")}
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      <PostForm
        result={actionData}
        intent={`create${kind}`}
        idPrefix={idPrefix}
        className={cx(
          "mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2 lg:items-end",
          createFields ? "lg:grid-cols-5" : "lg:grid-cols-4",
        )}
      >
        <TextField name="code" label={t("gov.admin.orgs.code")} hint={codeHint} maxLength={codeMaxLength} />
        <NameFields />
        {createFields}
        <SubmitButton name="intent" value={`create${kind}`}>
          {addLabel}
        </SubmitButton>
      </PostForm>
    </Card>
  );
}

/** The Chinese and English names, empty (a new organisation) or a row's own. */
function NameFields({ id, row }: { id?: (name: string) => string; row?: Organisation }) {
  const t = useT();
  return (
    <>
      <TextField
        name="name"
        id={id?.("name")}
        label={t("gov.admin.orgs.name")}
        maxLength={40}
        defaultValue={row?.name}
      />
      <TextField
        name="nameEn"
        id={id?.("nameEn")}
        label={t("gov.admin.orgs.nameEn")}
        maxLength={80}
        defaultValue={row?.nameEn}
      />
    </>
  );
}
