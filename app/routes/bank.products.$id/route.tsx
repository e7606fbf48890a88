import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { ProductForm, productFormValues } from "~/components/bank-product-form";
import { BackLink, Card } from "~/components/ui";
import { useT, useTDynamic } from "~/i18n/use-t";
import { requireBankUser } from "~/permissions.server";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { BestCandidates } from "./best-candidates";
import { ProductHeader } from "./product-header";
import { move, productPage, save, type ActionData } from "./queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return productPage(actor, params.id ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const id = params.id ?? "";
  const form = await readForm(request);
  switch (form.get("intent")) {
    case "save":
      return save(actor, id, form);
    case "publish":
      return move(actor, id, "publish");
    case "archive":
      return move(actor, id, "archive");
    default:
      return badRequest<ActionData>({
        errors: { _form: { key: "common.validation.invalidChoice" } },
        values: {},
      });
  }
}

export default function BankProduct() {
  const { product, candidates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const referenced = product._count.applications + product._count.offers;
  const formError = actionData?.errors._form;
  return (
    <div>
      <BankNav />
      <BackLink to="/bank/products">{t("bank.products.title")}</BackLink>
      <ProductHeader product={product} />
      {formError && (
        <p
          role="alert"
          className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-amber-900 ring-1 ring-amber-200"
        >
          {td(formError.key)}{" "}
          <a href={`/bank/products/${product.id}`} className="font-medium underline">
            {t("bank.errors.reload")}
          </a>
        </p>
      )}
      <Card className="max-w-4xl" title={t("bank.products.editTitle")}>
        {product.status === "ARCHIVED" ? (
          <p className="text-slate-700">{t("bank.products.archivedNotice")}</p>
        ) : (
          <ProductForm
            values={actionData && !formError ? actionData.values : productFormValues(product)}
            errors={formError ? {} : actionData?.errors}
            submitLabel={t("bank.products.save")}
            hidden={<input type="hidden" name="updatedAt" value={String(product.updatedAt)} />}
            notice={
              product.status === "PUBLISHED" && referenced > 0 ? (
                <p className="rounded-md bg-brand-50 px-3 py-2 text-sm text-brand-900 ring-1 ring-brand-100">
                  {t("bank.products.versionNotice", { count: referenced, next: product.version + 1 })}
                </p>
              ) : undefined
            }
          />
        )}
      </Card>
      {candidates && <BestCandidates candidates={candidates} />}
    </div>
  );
}
