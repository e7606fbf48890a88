import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Badge, Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import { answersOf, type OrgFailure } from "./org-forms";
import type { loader } from "./route";

/** The banks, each renamed or (de)activated in its row, and the form that adds one. */
export function BanksCard({
  banks,
  actionData,
}: {
  banks: SerializeFrom<typeof loader>["banks"];
  actionData: OrgFailure | undefined;
}) {
  const t = useT();
  const { errorsOf, valueOf } = answersOf(actionData);
  const bankErrors = errorsOf("createBank");
  return (
    <Card title={t("gov.admin.orgs.banks")}>
      <ul className="divide-y divide-slate-100">
        {banks.map((b) => {
          const errors = errorsOf("renameBank", b.id);
          return (
            <li key={b.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-end">
              <Form method="post" className="grid flex-1 gap-2 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end">
                <input type="hidden" name="id" value={b.id} />
                <span className="flex flex-col text-sm">
                  <span className="font-mono">{b.code}</span>
                  <span className="text-xs text-slate-500">
                    {t("gov.admin.orgs.userCount", { count: b._count.users })}
                  </span>
                </span>
                <Field id={`bank-name-${b.id}`} label={t("gov.admin.orgs.name")} error={errors.name}>
                  <input
                    {...fieldAria(`bank-name-${b.id}`, errors.name)}
                    name="name"
                    maxLength={40}
                    defaultValue={valueOf("renameBank", "name", b.name, b.id)}
                    className={inputClass}
                  />
                </Field>
                <Field id={`bank-nameEn-${b.id}`} label={t("gov.admin.orgs.nameEn")} error={errors.nameEn}>
                  <input
                    {...fieldAria(`bank-nameEn-${b.id}`, errors.nameEn)}
                    name="nameEn"
                    maxLength={80}
                    defaultValue={valueOf("renameBank", "nameEn", b.nameEn, b.id)}
                    className={inputClass}
                  />
                </Field>
                <SubmitButton name="intent" value="renameBank" variant="secondary">
                  {t("common.actions.save")}
                </SubmitButton>
              </Form>
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="id" value={b.id} />
                <input type="hidden" name="active" value={b.active ? "false" : "true"} />
                {!b.active && <Badge tone="gray">{t("gov.admin.orgs.inactive")}</Badge>}
                <SubmitButton name="intent" value="toggleBank" variant={b.active ? "ghost" : "secondary"}>
                  {b.active ? t("gov.admin.orgs.deactivate") : t("gov.admin.orgs.activate")}
                </SubmitButton>
              </Form>
            </li>
          );
        })}
      </ul>
      <Form
        method="post"
        className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2 lg:grid-cols-4 lg:items-end"
        noValidate
      >
        <Field
          id="bank-code"
          label={t("gov.admin.orgs.code")}
          error={bankErrors.code}
          hint={t("gov.admin.orgs.bankCodeHint")}
        >
          <input
            {...fieldAria("bank-code", bankErrors.code, true)}
            name="code"
            maxLength={12}
            defaultValue={valueOf("createBank", "code")}
            className={inputClass}
          />
        </Field>
        <Field id="bank-name" label={t("gov.admin.orgs.name")} error={bankErrors.name}>
          <input
            {...fieldAria("bank-name", bankErrors.name)}
            name="name"
            maxLength={40}
            defaultValue={valueOf("createBank", "name")}
            className={inputClass}
          />
        </Field>
        <Field id="bank-nameEn" label={t("gov.admin.orgs.nameEn")} error={bankErrors.nameEn}>
          <input
            {...fieldAria("bank-nameEn", bankErrors.nameEn)}
            name="nameEn"
            maxLength={80}
            defaultValue={valueOf("createBank", "nameEn")}
            className={inputClass}
          />
        </Field>
        <SubmitButton name="intent" value="createBank">
          {t("gov.admin.orgs.addBank")}
        </SubmitButton>
      </Form>
    </Card>
  );
}
