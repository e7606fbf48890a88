import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { useAmountRange } from "~/components/product-card";
import {
  Badge,
  Card,
  Field,
  PageHeader,
  SubmitButton,
  buttonClass,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { checkEligibility, eligibilityProductOf, type EligibilityReason } from "~/domain/eligibility";
import { formatBp, parseWanToYuan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";
import type { EnterpriseActor } from "~/models/actor";
import {
  findOpenApplication,
  getEligibilityFirm,
  submitApplication,
} from "~/models/enterprise-application.server";
import { getPublishedProduct } from "~/models/product.server";
import { getActor, requireEnterpriseUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const applySchema = z.object({
  amount: z
    .string()
    .max(64)
    .transform((v, ctx) => {
      const yuan = parseWanToYuan(v);
      if (yuan === null || yuan <= 0) {
        ctx.addIssue({ code: "custom", message: "enterprise.demands.errors.amount" });
        return z.NEVER;
      }
      return yuan;
    }),
  termMonths: z
    .string()
    .trim()
    .regex(/^\d{1,3}$/, "enterprise.demands.errors.term")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 360, "enterprise.demands.errors.term"),
  purpose: z
    .string()
    .trim()
    .min(2, "enterprise.apply.errors.purpose")
    .max(500, "enterprise.apply.errors.purpose"),
  consent: z.literal("on", { errorMap: () => ({ message: "enterprise.apply.errors.consent" }) }),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [product, actor] = await Promise.all([getPublishedProduct(params.id ?? ""), getActor(request)]);
  if (!product) notFound();
  let firmView: {
    eligibility: ReturnType<typeof checkEligibility>;
    openApplication: { id: string; number: string } | null;
  } | null = null;
  if (actor?.role === "ENTERPRISE" && actor.enterpriseId) {
    const enterpriseActor = actor as EnterpriseActor;
    const [firm, openApplication] = await Promise.all([
      getEligibilityFirm(enterpriseActor),
      findOpenApplication(enterpriseActor, product.id),
    ]);
    if (firm) {
      firmView = {
        eligibility: checkEligibility(firm, eligibilityProductOf({ ...product, status: "PUBLISHED" })),
        openApplication,
      };
    }
  }
  return { product, signedInRole: actor?.role ?? null, firmView };
}

type ActionData = {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  formError: string | null;
  reasons: EligibilityReason[] | null;
  existing: { id: string; number: string } | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const parsed = parseForm(applySchema, form);
  if (!parsed.ok)
    return badRequest<ActionData>({
      errors: parsed.errors,
      values: parsed.values,
      formError: null,
      reasons: null,
      existing: null,
    });
  const values = {
    amount: String(form.get("amount") ?? "").slice(0, 64),
    termMonths: String(form.get("termMonths") ?? "").slice(0, 8),
    purpose: parsed.data.purpose,
  };
  const result = await submitApplication(actor, {
    productId: params.id ?? "",
    amountYuan: parsed.data.amount,
    termMonths: parsed.data.termMonths,
    purpose: parsed.data.purpose,
  });
  if (!result.ok) {
    if (result.error === "NOT_FOUND") notFound();
    if (result.error === "DUPLICATE") {
      return badRequest<ActionData>({
        errors: {},
        values,
        formError: "enterprise.apply.duplicate",
        reasons: null,
        existing: result.existing,
      });
    }
    return badRequest<ActionData>({
      errors: {},
      values,
      formError: "enterprise.apply.refused",
      reasons: result.eligibility.reasons,
      existing: null,
    });
  }
  return redirectWithFlash(`/enterprise/applications/${result.id}`, {
    kind: "success",
    key: "enterprise.apply.submitted",
    params: { number: result.number },
  });
}

function ReasonList({ reasons }: { reasons: EligibilityReason[] }) {
  const td = useTDynamic();
  const list = useFormatList();
  const translateParams = (r: EligibilityReason) => {
    const params = { ...(r.params ?? {}) };
    if (r.rule === "size") {
      params.size = td(`domain.size.${String(params.size)}`);
      params.sizes = list(
        String(params.sizes ?? "")
          .split(",")
          .filter(Boolean)
          .map((s) => td(`domain.size.${s}`)),
      );
    }
    return params;
  };
  return (
    <ul className="flex flex-col gap-1 text-sm" data-testid="eligibility">
      {reasons.map((r) => (
        <li key={r.rule} className={r.ok ? "text-emerald-800" : "text-red-700"}>
          <span aria-hidden="true">{r.ok ? "✓ " : "✗ "}</span>
          {td(r.key, translateParams(r))}
        </li>
      ))}
    </ul>
  );
}

export default function ProductDetail() {
  const { product, signedInRole, firmView } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const locale = useLocale();
  const amountRange = useAmountRange();
  const sizes = product.eligibleSizes.split(",").filter(Boolean);
  const sections = product.eligibleSections.split(",").filter(Boolean);
  const bankName = locale === "zh-CN" ? product.bank.name : product.bank.nameEn;
  const errors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/products" className="text-brand-700 hover:underline">
          ← {t("products.title")}
        </Link>
      </p>
      <PageHeader title={product.name} description={bankName} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="flex flex-col gap-6">
          <Card title={t("products.detailTitle")}>
            <dl className="grid gap-4 sm:grid-cols-2">
              <div>
                <dt className="text-sm text-slate-500">{t("products.columns.type")}</dt>
                <dd>{td(`domain.productType.${product.type}`)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">{t("products.columns.guarantee")}</dt>
                <dd>{td(`domain.guaranteeType.${product.guaranteeType}`)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">{t("products.columns.amount")}</dt>
                <dd className="tabular-nums">{amountRange(product.minAmountYuan, product.maxAmountYuan)}</dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">{t("products.columns.term")}</dt>
                <dd className="tabular-nums">
                  {t("products.termRange", { min: product.minTermMonths, max: product.maxTermMonths })}
                </dd>
              </div>
              <div>
                <dt className="text-sm text-slate-500">{t("products.columns.rate")}</dt>
                <dd className="font-semibold tabular-nums text-brand-700">
                  {formatBp(product.minRateBp)} – {formatBp(product.maxRateBp)}
                </dd>
              </div>
            </dl>
            {product.description && (
              <>
                <h3 className="mt-6 font-semibold">{t("products.description")}</h3>
                <p className="mt-2 whitespace-pre-line text-slate-700">{product.description}</p>
              </>
            )}
          </Card>
          {firmView && (
            <Card title={t("enterprise.apply.title")}>
              {actionData?.formError && (
                <div
                  role="alert"
                  className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
                >
                  <p>{td(actionData.formError, { number: actionData.existing?.number ?? "" })}</p>
                  {actionData.existing && (
                    <Link
                      to={`/enterprise/applications/${actionData.existing.id}`}
                      className="font-medium underline"
                    >
                      {t("enterprise.apply.viewExisting")}
                    </Link>
                  )}
                  {actionData.reasons && (
                    <div className="mt-2">
                      <ReasonList reasons={actionData.reasons.filter((r) => !r.ok)} />
                    </div>
                  )}
                </div>
              )}
              {firmView.openApplication && !actionData?.existing ? (
                <p className="text-sm text-slate-700">
                  {t("enterprise.apply.duplicate", { number: firmView.openApplication.number })}{" "}
                  <Link
                    to={`/enterprise/applications/${firmView.openApplication.id}`}
                    className="font-medium text-brand-700 underline"
                  >
                    {t("enterprise.apply.viewExisting")}
                  </Link>
                </p>
              ) : (
                <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
                  <Field id="amount" label={t("enterprise.apply.amount")} error={errors.amount}>
                    <input
                      {...fieldAria("amount", errors.amount)}
                      name="amount"
                      inputMode="decimal"
                      maxLength={20}
                      defaultValue={values.amount ?? ""}
                      className={inputClass}
                      required
                    />
                  </Field>
                  <Field id="termMonths" label={t("enterprise.apply.term")} error={errors.termMonths}>
                    <input
                      {...fieldAria("termMonths", errors.termMonths)}
                      name="termMonths"
                      inputMode="numeric"
                      maxLength={3}
                      defaultValue={values.termMonths ?? ""}
                      className={inputClass}
                      required
                    />
                  </Field>
                  <div className="sm:col-span-2">
                    <Field id="purpose" label={t("enterprise.apply.purpose")} error={errors.purpose}>
                      <textarea
                        {...fieldAria("purpose", errors.purpose)}
                        name="purpose"
                        rows={3}
                        maxLength={500}
                        defaultValue={values.purpose ?? ""}
                        className={inputClass}
                        required
                      />
                    </Field>
                  </div>
                  <div className="sm:col-span-2">
                    <div className="flex items-start gap-2">
                      <input
                        id="consent"
                        name="consent"
                        type="checkbox"
                        className="mt-1 size-4"
                        aria-invalid={errors.consent ? true : undefined}
                        aria-describedby={errors.consent ? "consent-error" : undefined}
                      />
                      <label htmlFor="consent" className="text-sm">
                        {t("enterprise.apply.consent", { bank: bankName })}
                      </label>
                    </div>
                    {errors.consent && (
                      <p id="consent-error" role="alert" className="mt-1 text-sm text-red-700">
                        {td(errors.consent.key)}
                      </p>
                    )}
                  </div>
                  <div className="sm:col-span-2">
                    <SubmitButton
                      pendingLabel={t("enterprise.apply.submitting")}
                      disabled={!firmView.eligibility.eligible}
                    >
                      {t("enterprise.apply.submit")}
                    </SubmitButton>
                  </div>
                </Form>
              )}
            </Card>
          )}
        </div>
        <div className="flex flex-col gap-6">
          <Card title={t("products.requirements")}>
            <ul className="flex flex-col gap-3 text-sm">
              <li>
                <span className="text-slate-500">{t("products.columns.sizes")}: </span>
                {list(sizes.map((size) => td(`domain.size.${size}`)))}
              </li>
              <li>
                <span className="text-slate-500">{t("products.industries")}: </span>
                {sections.length ? sections.join(" ") : t("products.allIndustries")}
              </li>
              {product.minTaxGrade && <li>{t("products.minTaxGrade", { grade: product.minTaxGrade })}</li>}
              {product.whitelistOnly && (
                <li>
                  <Badge tone="amber">{t("products.whitelistOnly")}</Badge>
                </li>
              )}
            </ul>
            {!signedInRole && (
              <Link
                to={`/login?redirectTo=/products/${product.id}`}
                className={buttonClass("primary", "mt-6 w-full")}
              >
                {t("products.signInToApply")}
              </Link>
            )}
            {signedInRole && signedInRole !== "ENTERPRISE" && (
              <p className="mt-6 text-sm text-slate-600">{t("enterprise.apply.onlyEnterprise")}</p>
            )}
          </Card>
          {firmView && (
            <Card title={t("enterprise.apply.eligibility")}>
              <p
                className={`mb-3 font-medium ${firmView.eligibility.eligible ? "text-emerald-800" : "text-red-700"}`}
              >
                {firmView.eligibility.eligible
                  ? t("enterprise.apply.eligible")
                  : t("enterprise.apply.ineligible")}
              </p>
              <ReasonList reasons={firmView.eligibility.reasons} />
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
