import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { Badge, Card, Field, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";

import { SUB_DISTRICT_KINDS, answersOf, type OrgFailure } from "./org-forms";
import type { loader } from "./route";

/** The sub-districts, each renamed or (de)activated in its row, and the form that adds one. */
export function SubDistrictsCard({
  subDistricts,
  actionData,
}: {
  subDistricts: SerializeFrom<typeof loader>["subDistricts"];
  actionData: OrgFailure | undefined;
}) {
  const t = useT();
  const td = useTDynamic();
  const { errorsOf, valueOf } = answersOf(actionData);
  const sdErrors = errorsOf("createSubDistrict");
  return (
    <Card title={t("gov.admin.orgs.subDistricts")}>
      <ul className="divide-y divide-slate-100">
        {subDistricts.map((s) => {
          const errors = errorsOf("renameSubDistrict", s.id);
          return (
            <li key={s.id} className="flex flex-col gap-2 py-3 lg:flex-row lg:items-end">
              <Form method="post" className="grid flex-1 gap-2 sm:grid-cols-[8rem_1fr_1fr_auto] sm:items-end">
                <input type="hidden" name="id" value={s.id} />
                <span className="flex flex-col text-sm">
                  <span className="font-mono">{s.code}</span>
                  <span className="text-xs text-slate-500">
                    {td(`domain.subDistrictKind.${s.kind}`)} ·{" "}
                    {t("gov.admin.orgs.firmCount", { count: s._count.enterprises })}
                  </span>
                </span>
                <Field id={`sd-name-${s.id}`} label={t("gov.admin.orgs.name")} error={errors.name}>
                  <input
                    {...fieldAria(`sd-name-${s.id}`, errors.name)}
                    name="name"
                    maxLength={40}
                    defaultValue={valueOf("renameSubDistrict", "name", s.name, s.id)}
                    className={inputClass}
                  />
                </Field>
                <Field id={`sd-nameEn-${s.id}`} label={t("gov.admin.orgs.nameEn")} error={errors.nameEn}>
                  <input
                    {...fieldAria(`sd-nameEn-${s.id}`, errors.nameEn)}
                    name="nameEn"
                    maxLength={80}
                    defaultValue={valueOf("renameSubDistrict", "nameEn", s.nameEn, s.id)}
                    className={inputClass}
                  />
                </Field>
                <SubmitButton name="intent" value="renameSubDistrict" variant="secondary">
                  {t("common.actions.save")}
                </SubmitButton>
              </Form>
              <Form method="post" className="flex items-center gap-2">
                <input type="hidden" name="id" value={s.id} />
                <input type="hidden" name="active" value={s.active ? "false" : "true"} />
                {!s.active && <Badge tone="gray">{t("gov.admin.orgs.inactive")}</Badge>}
                <SubmitButton
                  name="intent"
                  value="toggleSubDistrict"
                  variant={s.active ? "ghost" : "secondary"}
                >
                  {s.active ? t("gov.admin.orgs.deactivate") : t("gov.admin.orgs.activate")}
                </SubmitButton>
              </Form>
            </li>
          );
        })}
      </ul>
      <Form
        method="post"
        className="mt-4 grid gap-3 border-t border-slate-200 pt-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end"
        noValidate
      >
        <Field
          id="sd-code"
          label={t("gov.admin.orgs.code")}
          error={sdErrors.code}
          hint={t("gov.admin.orgs.subDistrictCodeHint")}
        >
          <input
            {...fieldAria("sd-code", sdErrors.code, true)}
            name="code"
            maxLength={20}
            defaultValue={valueOf("createSubDistrict", "code")}
            className={inputClass}
          />
        </Field>
        <Field id="sd-name" label={t("gov.admin.orgs.name")} error={sdErrors.name}>
          <input
            {...fieldAria("sd-name", sdErrors.name)}
            name="name"
            maxLength={40}
            defaultValue={valueOf("createSubDistrict", "name")}
            className={inputClass}
          />
        </Field>
        <Field id="sd-nameEn" label={t("gov.admin.orgs.nameEn")} error={sdErrors.nameEn}>
          <input
            {...fieldAria("sd-nameEn", sdErrors.nameEn)}
            name="nameEn"
            maxLength={80}
            defaultValue={valueOf("createSubDistrict", "nameEn")}
            className={inputClass}
          />
        </Field>
        <Field id="sd-kind" label={t("gov.admin.orgs.kind")} error={sdErrors.kind}>
          <select
            {...fieldAria("sd-kind", sdErrors.kind)}
            name="kind"
            defaultValue={valueOf("createSubDistrict", "kind", "OFFICE")}
            className={inputClass}
          >
            {SUB_DISTRICT_KINDS.map((k) => (
              <option key={k} value={k}>
                {td(`domain.subDistrictKind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <SubmitButton name="intent" value="createSubDistrict">
          {t("gov.admin.orgs.addSubDistrict")}
        </SubmitButton>
      </Form>
    </Card>
  );
}
