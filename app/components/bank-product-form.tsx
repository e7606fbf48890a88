import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { PRODUCT_SIZES, TAX_GRADES } from "~/domain/bank-choices";
import type { ProductRanges } from "~/domain/decision-rules";
import { SECTIONS } from "~/domain/industry-sections";
import { bpToPercentInput, yuanToWanInput } from "~/domain/money";
import { GUARANTEE_TYPES, PRODUCT_TYPES } from "~/domain/product-terms";
import { REPAYMENT_METHODS } from "~/domain/loan-codes";
import { useLocale, useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import { Field, SubmitButton, fieldAria, inputClass } from "./ui";

export type ProductFormValues = Record<string, string | string[]>;

/** A stored product → the strings the form shows. */
export function productFormValues(
  product: ProductRanges & {
    name: string;
    type: string;
    guaranteeType: string;
    eligibleSizes: string;
    eligibleSections: string;
    minTaxGrade: string | null;
    whitelistOnly: boolean;
    description: string;
    defaultRepaymentMethod?: string | null;
  },
): ProductFormValues {
  return {
    name: product.name,
    type: product.type,
    guaranteeType: product.guaranteeType,
    minAmount: yuanToWanInput(product.minAmountYuan),
    maxAmount: yuanToWanInput(product.maxAmountYuan),
    minTerm: String(product.minTermMonths),
    maxTerm: String(product.maxTermMonths),
    minRate: bpToPercentInput(product.minRateBp),
    maxRate: bpToPercentInput(product.maxRateBp),
    eligibleSizes: product.eligibleSizes.split(",").filter(Boolean),
    eligibleSections: product.eligibleSections.split(",").filter(Boolean),
    minTaxGrade: product.minTaxGrade ?? "",
    whitelistOnly: product.whitelistOnly ? "on" : "",
    description: product.description,
    defaultRepaymentMethod: product.defaultRepaymentMethod ?? "",
  };
}

function asList(value: string | string[] | undefined) {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** Every field of a loan product, with its error next to it. */
export function ProductForm({
  values,
  errors = {},
  submitLabel,
  hidden,
  notice,
}: {
  values: ProductFormValues;
  errors?: FieldErrors;
  submitLabel: string;
  hidden?: ReactNode;
  notice?: ReactNode;
}) {
  const t = useT();
  const locale = useLocale();
  const text = (name: string) => {
    const v = values[name];
    return typeof v === "string" ? v : "";
  };
  const input = (name: string, label: string, mode: "decimal" | "numeric" | "text" = "decimal", max = 20) => (
    <Field id={name} label={label} error={errors[name]}>
      <input
        {...fieldAria(name, errors[name])}
        name={name}
        inputMode={mode}
        required
        maxLength={max}
        defaultValue={text(name)}
        className={inputClass}
      />
    </Field>
  );
  const sizes = asList(values.eligibleSizes);
  const sections = asList(values.eligibleSections);
  return (
    <Form method="post" className="flex flex-col gap-5" noValidate>
      {hidden}
      {notice}
      {Object.keys(errors).length > 0 && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {t("common.validation.formHasErrors", { count: Object.keys(errors).length })}
        </p>
      )}
      {input("name", t("bank.products.fields.name"), "text", 100)}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="type" label={t("bank.products.fields.type")} error={errors.type}>
          <select
            {...fieldAria("type", errors.type)}
            name="type"
            required
            defaultValue={text("type")}
            className={inputClass}
          >
            <option value="">{t("bank.products.fields.choose")}</option>
            {PRODUCT_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`domain.productType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="guaranteeType"
          label={t("bank.products.fields.guaranteeType")}
          error={errors.guaranteeType}
        >
          <select
            {...fieldAria("guaranteeType", errors.guaranteeType)}
            name="guaranteeType"
            required
            defaultValue={text("guaranteeType")}
            className={inputClass}
          >
            <option value="">{t("bank.products.fields.choose")}</option>
            {GUARANTEE_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`domain.guaranteeType.${type}`)}
              </option>
            ))}
          </select>
        </Field>
        {input("minAmount", t("bank.products.fields.minAmount"))}
        {input("maxAmount", t("bank.products.fields.maxAmount"))}
        {input("minTerm", t("bank.products.fields.minTerm"), "numeric", 3)}
        {input("maxTerm", t("bank.products.fields.maxTerm"), "numeric", 3)}
        {input("minRate", t("bank.products.fields.minRate"))}
        {input("maxRate", t("bank.products.fields.maxRate"))}
      </div>
      <fieldset aria-describedby={errors.eligibleSizes ? "eligibleSizes-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">
          {t("bank.products.fields.eligibleSizes")}
        </legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {PRODUCT_SIZES.map((size) => (
            <label key={size} className="inline-flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="eligibleSizes"
                value={size}
                defaultChecked={sizes.includes(size)}
                className="size-4"
              />
              {t(`domain.size.${size}`)}
            </label>
          ))}
        </div>
        {errors.eligibleSizes && (
          <p id="eligibleSizes-error" role="alert" className="mt-1 text-sm text-red-700">
            {t(errors.eligibleSizes.key as "bank.errors.sizesRequired")}
          </p>
        )}
      </fieldset>
      <fieldset
        aria-describedby={errors.eligibleSections ? "eligibleSections-error" : "eligibleSections-hint"}
      >
        <legend className="text-sm font-medium text-slate-800">
          {t("bank.products.fields.eligibleSections")}
        </legend>
        <p id="eligibleSections-hint" className="text-xs text-slate-500">
          {t("bank.products.fields.sectionsHint")}
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {SECTIONS.map((section) => (
            <label key={section.code} className="inline-flex items-start gap-2 text-sm">
              <input
                type="checkbox"
                name="eligibleSections"
                value={section.code}
                defaultChecked={sections.includes(section.code)}
                className="mt-0.5 size-4"
              />
              <span>
                {section.code} {locale === "zh-CN" ? section.zh : section.en}
              </span>
            </label>
          ))}
        </div>
        {errors.eligibleSections && (
          <p id="eligibleSections-error" role="alert" className="mt-1 text-sm text-red-700">
            {t(errors.eligibleSections.key as "common.validation.invalidChoice")}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="minTaxGrade" label={t("bank.products.fields.minTaxGrade")} error={errors.minTaxGrade}>
          <select
            {...fieldAria("minTaxGrade", errors.minTaxGrade)}
            name="minTaxGrade"
            defaultValue={text("minTaxGrade")}
            className={inputClass}
          >
            <option value="">{t("bank.products.fields.noRequirement")}</option>
            {TAX_GRADES.map((grade) => (
              <option key={grade} value={grade}>
                {grade}
              </option>
            ))}
          </select>
        </Field>
        <Field
          id="defaultRepaymentMethod"
          label={t("loans.decision.repaymentMethod")}
          error={errors.defaultRepaymentMethod}
        >
          <select
            {...fieldAria("defaultRepaymentMethod", errors.defaultRepaymentMethod)}
            name="defaultRepaymentMethod"
            defaultValue={text("defaultRepaymentMethod")}
            className={inputClass}
          >
            <option value="">{t("loans.productForm.noDefault")}</option>
            {REPAYMENT_METHODS.map((method) => (
              <option key={method} value={method}>
                {t(`loans.method.${method}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex flex-col justify-end gap-1">
          <label className="inline-flex items-center gap-2 text-sm font-medium text-slate-800">
            <input
              type="checkbox"
              name="whitelistOnly"
              defaultChecked={text("whitelistOnly") === "on"}
              aria-describedby="whitelistOnly-hint"
              className="size-4"
            />
            {t("bank.products.fields.whitelistOnly")}
          </label>
          <p id="whitelistOnly-hint" className="text-xs text-slate-500">
            {t("bank.products.fields.whitelistOnlyHint")}
          </p>
        </div>
      </div>
      <Field id="description" label={t("bank.products.fields.description")} error={errors.description}>
        <textarea
          {...fieldAria("description", errors.description)}
          name="description"
          rows={4}
          maxLength={2000}
          defaultValue={text("description")}
          className={inputClass}
        />
      </Field>
      <div>
        <SubmitButton name="intent" value="save" pendingLabel={t("common.actions.saving")}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}
