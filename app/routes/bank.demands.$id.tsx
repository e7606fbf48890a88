import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import {
  Badge,
  Card,
  EmptyState,
  Field,
  PageHeader,
  SubmitButton,
  buttonClass,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { offerProductId, parseOfferForm } from "~/domain/decision-rules";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listPublishedBankProducts } from "~/models/bank-product.server";
import { createOffer, getAnswerableDemand, getOfferableProduct } from "~/models/offer.server";
import { requireBankUser } from "~/permissions.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const demand = await getAnswerableDemand({ id: params.id ?? "", actor });
  if (!demand) throw notFound();
  return { demand, products: await listPublishedBankProducts(actor) };
}

type ActionData = { errors: FieldErrors; values: Record<string, string | string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const demandId = params.id ?? "";
  if (!(await getAnswerableDemand({ id: demandId, actor }))) throw forbidden();
  const form = await readForm(request);
  const productId = offerProductId(form);
  const product = productId ? await getOfferableProduct(actor, productId) : null;
  const parsed = parseOfferForm(form, product);
  if (!parsed.ok) return badRequest<ActionData>({ errors: parsed.errors, values: parsed.values });
  const result = await createOffer({ actor, demandId, input: parsed.data });
  if (result.ok)
    return redirectWithFlash("/bank/offers?tab=mine", { kind: "success", key: "bank.offers.flash.created" });
  if (result.error === "NOT_FOUND") throw forbidden();
  const key = result.error === "DUPLICATE" ? "bank.errors.offerDuplicate" : "bank.errors.productGone";
  return json<ActionData>({ errors: { productId: { key } }, values: {} }, { status: 409 });
}

export default function BankDemand() {
  const { demand, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const locale = useLocale();
  const money = (yuan: number) => formatYuanAsWan(yuan, locale);
  const errors = actionData?.errors ?? {};
  const value = (name: string, fallback = "") => {
    const v = actionData?.values[name];
    return typeof v === "string" ? v : fallback;
  };
  return (
    <div>
      <BankNav />
      <p className="mb-2">
        <Link to="/bank/offers" className="text-sm text-brand-700 hover:underline">
          ← {t("bank.offers.title")}
        </Link>
      </p>
      <PageHeader title={t("bank.offers.demandTitle")} description={demand.enterprise.name} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("bank.offers.demand")}>
          <dl className="grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-slate-600">{t("bank.offers.columns.amount")}</dt>
              <dd className="text-lg font-semibold tabular-nums">{money(demand.amountYuan)}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("bank.offers.columns.term")}</dt>
              <dd className="text-lg font-semibold">
                {t("bank.decision.termValue", { months: demand.termMonths })}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("bank.offers.columns.guarantee")}</dt>
              <dd>
                {list(
                  demand.guaranteeTypes
                    .split(",")
                    .filter(Boolean)
                    .map((g) => td(`domain.guaranteeType.${g}`)),
                )}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("bank.offers.columns.ceiling")}</dt>
              <dd>
                {demand.rateCeilingBp !== null ? formatBp(demand.rateCeilingBp) : t("bank.offers.noCeiling")}
              </dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-slate-600">{t("bank.offers.purpose")}</dt>
              <dd>{demand.purpose}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t("bank.offers.columns.validUntil")}</dt>
              <dd>{formatDate(demand.validUntil, locale)}</dd>
            </div>
          </dl>
          {demand.offers.length > 0 && (
            <div className="mt-4 border-t border-slate-100 pt-4">
              <h3 className="mb-2 font-medium">{t("bank.offers.previousOffers")}</h3>
              <ul className="flex flex-col gap-2 text-sm">
                {demand.offers.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-2">
                    <span>{o.product.name}</span>
                    <span>
                      {t("bank.offers.offerTerms", {
                        amount: money(o.amountYuan),
                        term: o.termMonths,
                        rate: formatBp(o.rateBp),
                      })}
                    </span>
                    <Badge>{td(`bank.offers.status.${o.status}`)}</Badge>
                    <span className="text-xs text-slate-500">{formatDateTime(o.createdAt, locale)}</span>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </Card>
        <Card title={t("bank.offers.formTitle")}>
          {products.length === 0 ? (
            <EmptyState
              title={t("bank.offers.noProducts")}
              hint={t("bank.offers.noProductsHint")}
              action={
                <Link to="/bank/products" className={buttonClass("primary")}>
                  {t("bank.offers.goProducts")}
                </Link>
              }
            />
          ) : (
            <Form method="post" className="flex flex-col gap-4" noValidate>
              <Field id="productId" label={t("bank.offers.product")} error={errors.productId}>
                <select
                  {...fieldAria("productId", errors.productId)}
                  name="productId"
                  required
                  defaultValue={value("productId")}
                  className={inputClass}
                >
                  <option value="">{t("bank.offers.chooseProduct")}</option>
                  {products.map((p) => (
                    <option key={p.id} value={p.id}>
                      {t("bank.offers.productRanges", {
                        name: p.name,
                        amount: `${money(p.minAmountYuan)}–${money(p.maxAmountYuan)}`,
                        term: t("bank.products.termRange", { min: p.minTermMonths, max: p.maxTermMonths }),
                        rate: `${formatBp(p.minRateBp)}–${formatBp(p.maxRateBp)}`,
                      })}
                    </option>
                  ))}
                </select>
              </Field>
              <div className="grid gap-4 sm:grid-cols-3">
                <Field id="amount" label={t("bank.offers.amount")} error={errors.amount}>
                  <input
                    {...fieldAria("amount", errors.amount)}
                    name="amount"
                    inputMode="decimal"
                    required
                    maxLength={20}
                    defaultValue={value("amount")}
                    className={inputClass}
                  />
                </Field>
                <Field id="term" label={t("bank.offers.term")} error={errors.term}>
                  <input
                    {...fieldAria("term", errors.term)}
                    name="term"
                    inputMode="numeric"
                    required
                    maxLength={3}
                    defaultValue={value("term", String(demand.termMonths))}
                    className={inputClass}
                  />
                </Field>
                <Field id="rate" label={t("bank.offers.rate")} error={errors.rate}>
                  <input
                    {...fieldAria("rate", errors.rate)}
                    name="rate"
                    inputMode="decimal"
                    required
                    maxLength={10}
                    defaultValue={value("rate")}
                    className={inputClass}
                  />
                </Field>
              </div>
              <Field
                id="note"
                label={t("bank.offers.note")}
                error={errors.note}
                hint={t("bank.offers.noteHint")}
              >
                <textarea
                  {...fieldAria("note", errors.note, true)}
                  name="note"
                  rows={3}
                  maxLength={500}
                  defaultValue={value("note")}
                  className={inputClass}
                />
              </Field>
              <div>
                <SubmitButton pendingLabel={t("common.actions.submitting")}>
                  {t("bank.offers.submit")}
                </SubmitButton>
              </div>
            </Form>
          )}
        </Card>
      </div>
    </div>
  );
}
