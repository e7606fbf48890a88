import { Form } from "@remix-run/react";
import { z } from "zod";

import { addDays, isIsoDay, shanghaiDate } from "~/domain/shanghai-time";
import { parsePercentToBp, parseWanToYuan } from "~/domain/money";
import { GUARANTEE_TYPES } from "~/domain/product-terms";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import { Field, SubmitButton, fieldAria, inputClass } from "./ui";

const D = "enterprise.demands.errors";

/** The financing-demand form's schema (server and browser); amounts in 万元, rate in %. */
export function demandSchema(now = new Date()) {
  const today = shanghaiDate(now);
  const latest = addDays(today, 365);
  return z.object({
    amount: z
      .string()
      .max(64)
      .transform((v, ctx) => {
        const yuan = parseWanToYuan(v);
        if (yuan === null || yuan <= 0) {
          ctx.addIssue({ code: "custom", message: `${D}.amount` });
          return z.NEVER;
        }
        return yuan;
      }),
    termMonths: z
      .string()
      .trim()
      .regex(/^\d{1,3}$/, `${D}.term`)
      .transform(Number)
      .refine((n) => n >= 1 && n <= 360, `${D}.term`),
    purpose: z.string().trim().min(1).max(500),
    guaranteeTypes: z
      .union([z.string(), z.array(z.string())], { errorMap: () => ({ message: `${D}.guarantee` }) })
      .transform((v) => (Array.isArray(v) ? v : [v]))
      .pipe(z.array(z.enum(GUARANTEE_TYPES)).min(1, `${D}.guarantee`).max(GUARANTEE_TYPES.length))
      .transform((list) => [...new Set(list)]),
    rateCeiling: z
      .string()
      .max(64)
      .optional()
      .transform((v, ctx) => {
        if (!v?.trim()) return null;
        const bp = parsePercentToBp(v);
        if (bp === null || bp <= 0) {
          ctx.addIssue({ code: "custom", message: `${D}.rate` });
          return z.NEVER;
        }
        return bp;
      }),
    validUntil: z
      .string()
      .trim()
      .refine((v) => isIsoDay(v) && v > today && v <= latest, `${D}.validUntil`),
  });
}

export type DemandFormValues = Record<string, string | string[]>;

/** The create/edit form of a demand. `values` are the echoed input or the stored demand. */
export function DemandForm({
  values,
  errors,
  intent,
  submitLabel,
  pendingLabel,
  today,
  formKey,
}: {
  values: DemandFormValues;
  errors: FieldErrors;
  intent: string;
  submitLabel: string;
  pendingLabel: string;
  today: string;
  /** a create form's key (see app/models/form-key.server.ts) */
  formKey?: string;
}) {
  const t = useT();
  const td = useTDynamic();
  const value = (name: string) => {
    const v = values[name];
    return Array.isArray(v) ? v[0] : (v ?? "");
  };
  const guarantees = new Set(
    Array.isArray(values.guaranteeTypes)
      ? values.guaranteeTypes
      : values.guaranteeTypes
        ? [values.guaranteeTypes]
        : [],
  );
  return (
    <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
      {formKey && <input type="hidden" name="formKey" value={formKey} />}
      <Field id="amount" label={t("enterprise.demands.fields.amount")} error={errors.amount}>
        <input
          {...fieldAria("amount", errors.amount)}
          name="amount"
          inputMode="decimal"
          maxLength={20}
          defaultValue={value("amount")}
          className={inputClass}
          required
        />
      </Field>
      <Field id="termMonths" label={t("enterprise.demands.fields.term")} error={errors.termMonths}>
        <input
          {...fieldAria("termMonths", errors.termMonths)}
          name="termMonths"
          inputMode="numeric"
          maxLength={3}
          defaultValue={value("termMonths")}
          className={inputClass}
          required
        />
      </Field>
      <div className="sm:col-span-2">
        <Field id="purpose" label={t("enterprise.demands.fields.purpose")} error={errors.purpose}>
          <textarea
            {...fieldAria("purpose", errors.purpose)}
            name="purpose"
            rows={3}
            maxLength={500}
            defaultValue={value("purpose")}
            className={inputClass}
            required
          />
        </Field>
      </div>
      <fieldset
        className="sm:col-span-2"
        aria-describedby={errors.guaranteeTypes ? "guaranteeTypes-error" : undefined}
      >
        <legend className="text-sm font-medium text-slate-800">
          {t("enterprise.demands.fields.guaranteeTypes")}
        </legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {GUARANTEE_TYPES.map((type) => (
            <label key={type} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                name="guaranteeTypes"
                value={type}
                defaultChecked={guarantees.has(type)}
                className="size-4"
              />
              {td(`domain.guaranteeType.${type}`)}
            </label>
          ))}
        </div>
        {errors.guaranteeTypes && (
          <p id="guaranteeTypes-error" role="alert" className="mt-1 text-sm text-red-700">
            {td(errors.guaranteeTypes.key, errors.guaranteeTypes.params)}
          </p>
        )}
      </fieldset>
      <Field id="rateCeiling" label={t("enterprise.demands.fields.rateCeiling")} error={errors.rateCeiling}>
        <input
          {...fieldAria("rateCeiling", errors.rateCeiling)}
          name="rateCeiling"
          inputMode="decimal"
          maxLength={10}
          defaultValue={value("rateCeiling")}
          className={inputClass}
        />
      </Field>
      <Field id="validUntil" label={t("enterprise.demands.fields.validUntil")} error={errors.validUntil}>
        <input
          {...fieldAria("validUntil", errors.validUntil)}
          name="validUntil"
          type="date"
          min={addDays(today, 1)}
          max={addDays(today, 365)}
          defaultValue={value("validUntil")}
          className={inputClass}
          required
        />
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton name="intent" value={intent} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
      </div>
    </Form>
  );
}
