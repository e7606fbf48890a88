import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { ProductForm, productFormValues } from "~/components/bank-product-form";
import { MatchReasons } from "~/components/match-reasons";
import { Badge, Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { parseProductForm } from "~/domain/decision-rules";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import type { BankActor } from "~/models/actor";
import {
  changeBankProductStatus,
  getBankProduct,
  updateBankProduct,
  type ProductChangeResult,
} from "~/models/bank-product.server";
import { bestCandidatesForProduct } from "~/models/matching.server";
import { requireBankUser } from "~/permissions.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const product = await getBankProduct({ id: params.id ?? "", actor });
  if (!product) throw notFound();
  const candidates =
    product.status === "PUBLISHED" ? await bestCandidatesForProduct(actor, product.id) : null;
  return { product, candidates };
}

type ActionData = { errors: FieldErrors; values: Record<string, string | string[]> };

function failure(result: Extract<ProductChangeResult, { ok: false }>, values: ActionData["values"] = {}) {
  if (result.error === "NOT_FOUND") throw forbidden();
  const key = result.error === "ARCHIVED" ? "bank.errors.productArchived" : "bank.errors.productChanged";
  return json<ActionData>({ errors: { _form: { key } }, values }, { status: 409 });
}

/** The hidden updatedAt the form was rendered with: exactly an ISO instant (Date() accepts junk after one). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

async function save(actor: BankActor, id: string, form: FormData) {
  const seenText = String(form.get("updatedAt") ?? "");
  const seen = ISO_INSTANT.test(seenText) ? new Date(seenText) : new Date(NaN);
  const parsed = parseProductForm(form);
  if (!parsed.ok) return badRequest<ActionData>({ errors: parsed.errors, values: parsed.values });
  if (Number.isNaN(seen.getTime())) return failure({ ok: false, error: "CHANGED" });
  const result = await updateBankProduct({ id, actor, input: parsed.data, seenUpdatedAt: seen });
  if (!result.ok) return failure(result);
  return redirectWithFlash(`/bank/products/${result.id}`, {
    kind: "success",
    key: result.newVersion ? "bank.products.flash.newVersion" : "bank.products.flash.saved",
  });
}

async function move(actor: BankActor, id: string, to: "publish" | "archive") {
  const result = await changeBankProductStatus({ id, actor, move: to });
  if (!result.ok) return failure(result);
  return redirectWithFlash(`/bank/products/${id}`, {
    kind: "success",
    key: to === "publish" ? "bank.products.flash.published" : "bank.products.flash.archived",
  });
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
      <p className="mb-2">
        <Link to="/bank/products" className="text-sm text-brand-700 hover:underline">
          ← {t("bank.products.title")}
        </Link>
      </p>
      <PageHeader
        title={product.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge
              tone={
                product.status === "PUBLISHED" ? "green" : product.status === "ARCHIVED" ? "amber" : "gray"
              }
            >
              {td(`domain.productStatus.${product.status}`)}
            </Badge>
            <span>{t("bank.products.versionLabel", { version: product.version })}</span>
            <span>· {t("bank.products.openApplications", { count: product.openApplications })}</span>
            {product.previousVersion && (
              <Link
                to={`/bank/products/${product.previousVersion.id}`}
                className="text-brand-700 hover:underline"
              >
                {t("bank.products.previousVersion")}
              </Link>
            )}
            {product.nextVersion && (
              <Link
                to={`/bank/products/${product.nextVersion.id}`}
                className="text-brand-700 hover:underline"
              >
                {t("bank.products.nextVersion")}
              </Link>
            )}
          </span>
        }
        actions={
          product.status !== "ARCHIVED" && (
            <Form method="post" className="flex gap-2">
              {product.status === "DRAFT" && (
                <SubmitButton name="intent" value="publish">
                  {t("bank.products.publish")}
                </SubmitButton>
              )}
              <SubmitButton
                name="intent"
                value="archive"
                variant="secondary"
                title={t("bank.products.archiveConfirm")}
              >
                {t("bank.products.archive")}
              </SubmitButton>
            </Form>
          )
        }
      />
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
      {candidates && (
        <Card className="mt-6 max-w-4xl" title={t("matching.bestCandidates")}>
          {candidates.length === 0 ? (
            <EmptyState title={t("bank.products.noCandidates")} />
          ) : (
            <ol className="divide-y divide-slate-200" data-testid="best-candidates">
              {candidates.map(({ firm, score, reasons }) => (
                <li key={firm.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div>
                    <Link
                      to={`/bank/candidates/${firm.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {firm.name}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {td(`domain.size.${firm.size}`)}
                      {firm.whitelisted && <> · {t("bank.products.whitelistedFirm")}</>}
                    </p>
                  </div>
                  <MatchReasons score={score} reasons={reasons} />
                </li>
              ))}
            </ol>
          )}
        </Card>
      )}
    </div>
  );
}
