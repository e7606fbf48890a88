import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { PageHeader } from "~/components/ui";
import type { EligibilityReason } from "~/domain/eligibility";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { submitApplication } from "~/models/enterprise-application.server";
import { getPublishedProduct } from "~/models/product.server";
import { getActor, requireEnterpriseUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ApplyCard } from "./apply-card";
import { EligibilityCard, ProductDetails, RequirementsCard } from "./product-sections";
import { firmViewOf } from "./queries.server";
import { applySchema } from "./schema.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const [product, actor] = await Promise.all([getPublishedProduct(params.id ?? ""), getActor(request)]);
  if (!product) notFound();
  const firmView = await firmViewOf(actor, product);
  return { product, signedInRole: actor?.role ?? null, firmView };
}

export type ActionData = {
  errors: FieldErrors;
  values: Record<string, string | string[]>;
  formError: string | null;
  reasons: EligibilityReason[] | null;
  existing: { id: string; number: string } | null;
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const parsed = parseForm(applySchema(), form);
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
    consent: parsed.data.consent,
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

export default function ProductDetail() {
  const { product, signedInRole, firmView } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();
  const bankName = locale === "zh-CN" ? product.bank.name : product.bank.nameEn;
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
          <ProductDetails product={product} />
          {firmView && <ApplyCard firmView={firmView} actionData={actionData} bankName={bankName} />}
        </div>
        <div className="flex flex-col gap-6">
          <RequirementsCard product={product} signedInRole={signedInRole} />
          {firmView && <EligibilityCard eligibility={firmView.eligibility} />}
        </div>
      </div>
    </div>
  );
}
