import type { SerializeFrom } from "@remix-run/node";
import { useState } from "react";

import { SelectField, TextField } from "~/components/form-kit";
import { Field, fieldAria, inputClass } from "~/components/ui";
import { classifyEnterprise, type EnterpriseSize } from "~/domain/enterprise-size";
import { formatDay } from "~/domain/format-date";
import { SECTIONS, sizeDivisionOptions, sizeRuleSetFor, type SectionCode } from "~/domain/industry";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import type { loader } from "./route";

function sizeFor(values: {
  section: string;
  division: string;
  employees: string;
  revenue: string;
  assets: string;
}): EnterpriseSize | null {
  const ruleSet = sizeRuleSetFor(values.section as SectionCode, values.division || null);
  const numbers = [values.employees, values.revenue, values.assets].map((v) =>
    /^\d{1,9}$/.test(v.trim()) ? Number(v) : NaN,
  );
  if (!ruleSet || numbers.some(Number.isNaN)) return null;
  return classifyEnterprise({
    ruleSet,
    employees: numbers[0],
    revenueWan: numbers[1],
    assetsWan: numbers[2],
  });
}

type SubDistrict = SerializeFrom<typeof loader>["subDistricts"][number];

/**
 * Step 2 of the registration: the registry record (read-only) and the firm's own figures, with
 * its size (划型) worked out in the browser as the user types.
 */
export function FirmFields({
  registry,
  subDistricts,
  inviteSubDistrictId,
  errors,
  values,
}: {
  registry: NonNullable<SerializeFrom<typeof loader>["registry"]>;
  subDistricts: SubDistrict[];
  inviteSubDistrictId: string | null;
  errors: FieldErrors;
  values: Record<string, string>;
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const [firm, setFirm] = useState({
    section: values.sectionCode ?? "",
    division: values.divisionCode ?? "",
    employees: values.employees ?? "",
    revenue: values.revenueWan ?? "",
    assets: values.totalAssetsWan ?? "",
  });
  const divisions = firm.section ? sizeDivisionOptions(firm.section as SectionCode) : [];
  const size = sizeFor(firm);
  const set = (key: keyof typeof firm) => (event: { target: { value: string } }) =>
    setFirm((prev) => ({
      ...prev,
      [key]: event.target.value,
      ...(key === "section" ? { division: "" } : {}),
    }));
  const figure = (name: string, label: string, key: keyof typeof firm) => (
    <TextField name={name} label={label} inputMode="numeric" maxLength={9} onChange={set(key)} required />
  );
  return (
    <>
      <h3 className="font-semibold">{t("enterprise.register.registryTitle")}</h3>
      <dl
        className="mt-3 grid gap-3 rounded-md bg-slate-50 p-4 text-sm sm:grid-cols-2"
        data-testid="registry"
      >
        <div>
          <dt className="text-slate-500">{t("enterprise.register.name")}</dt>
          <dd className="font-medium">{registry.name}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.register.uscc")}</dt>
          <dd className="font-mono">{registry.uscc}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.register.legalRepresentative")}</dt>
          <dd>{registry.legalRepresentative}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.register.establishedOn")}</dt>
          <dd>{formatDay(registry.establishedOn, locale)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.register.registeredCapital")}</dt>
          <dd>{t("enterprise.register.registeredCapitalValue", { amount: registry.registeredCapital })}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">{t("enterprise.register.address")}</dt>
          <dd>{registry.address}</dd>
        </div>
      </dl>
      <p className="mt-2 text-xs text-slate-500">{t("enterprise.register.registryNote")}</p>

      <h3 className="mt-6 font-semibold">{t("enterprise.register.firmTitle")}</h3>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <TextField
          name="contactName"
          label={t("enterprise.register.contactName")}
          maxLength={40}
          autoComplete="name"
          required
        />
        <TextField
          name="contactMobile"
          label={t("enterprise.register.contactMobile")}
          maxLength={11}
          inputMode="numeric"
          autoComplete="tel"
          required
        />
        <Field id="sectionCode" label={t("enterprise.register.section")} error={errors.sectionCode}>
          <select
            {...fieldAria("sectionCode", errors.sectionCode)}
            name="sectionCode"
            value={firm.section}
            onChange={set("section")}
            className={inputClass}
            required
          >
            <option value="">{t("enterprise.register.chooseSection")}</option>
            {SECTIONS.map((s) => (
              <option key={s.code} value={s.code}>{`${s.code} ${locale === "zh-CN" ? s.zh : s.en}`}</option>
            ))}
          </select>
        </Field>
        {divisions.length > 0 && (
          <Field
            id="divisionCode"
            label={t("enterprise.register.division")}
            error={errors.divisionCode}
            hint={t("enterprise.register.divisionHint")}
          >
            <select
              {...fieldAria("divisionCode", errors.divisionCode, true)}
              name="divisionCode"
              value={firm.division}
              onChange={set("division")}
              className={inputClass}
              required
            >
              <option value="">{t("enterprise.register.chooseDivision")}</option>
              {divisions.map((d) => (
                <option key={d.code} value={d.code}>{`${d.code} ${locale === "zh-CN" ? d.zh : d.en}`}</option>
              ))}
            </select>
          </Field>
        )}
        <SelectField
          name="subDistrictId"
          label={t("enterprise.register.subDistrict")}
          defaultValue={inviteSubDistrictId ?? ""}
          placeholder={t("enterprise.register.chooseSubDistrict")}
          options={subDistricts.map((s) => ({ value: s.id, label: locale === "zh-CN" ? s.name : s.nameEn }))}
          required
        />
        {figure("employees", t("enterprise.register.employees"), "employees")}
        {figure("revenueWan", t("enterprise.register.revenue"), "revenue")}
        {figure("totalAssetsWan", t("enterprise.register.assets"), "assets")}
      </div>
      <div className="mt-4 flex items-start gap-2">
        <input
          id="hadBankLoan"
          name="hadBankLoan"
          type="checkbox"
          defaultChecked={values.hadBankLoan === "on"}
          aria-describedby="hadBankLoan-hint"
          className="mt-1 size-4"
        />
        <div>
          <label htmlFor="hadBankLoan" className="text-sm font-medium">
            {t("enterprise.register.hadBankLoan")}
          </label>
          <p id="hadBankLoan-hint" className="text-xs text-slate-500">
            {t("enterprise.register.hadBankLoanHint")}
          </p>
        </div>
      </div>
      <div className="mt-4 rounded-md bg-brand-50 p-4" aria-live="polite" data-testid="size-preview">
        <p className="text-sm font-medium text-slate-700">{t("enterprise.register.sizeTitle")}</p>
        <p className="mt-1 text-lg font-semibold">
          {size ? (
            t("enterprise.register.sizeValue", { size: td(`domain.size.${size}`) })
          ) : (
            <span className="text-base font-normal text-slate-600">
              {t("enterprise.register.sizeUnknown")}
            </span>
          )}
        </p>
        {size === "LARGE" && (
          <p className="mt-1 text-sm text-amber-800">{t("enterprise.register.sizeLargeNote")}</p>
        )}
      </div>
    </>
  );
}
