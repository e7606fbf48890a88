import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import { Card, EmptyState, Field, SubmitButton, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import type { FieldErrors } from "~/utils/forms";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The offer: one of the bank's published products, amount, term, rate and a note (or a link to publish a product first). */
export function OfferForm({
  demand,
  products,
  result,
}: {
  demand: Data["demand"];
  products: Data["products"];
  result: { errors: FieldErrors; values: Record<string, string | string[]> } | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const money = (yuan: number) => formatYuanAsWan(yuan, locale);
  const errors = result?.errors ?? {};
  const value = (name: string, fallback = "") => {
    const v = result?.values[name];
    return typeof v === "string" ? v : fallback;
  };
  return (
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
          <Field id="note" label={t("bank.offers.note")} error={errors.note} hint={t("bank.offers.noteHint")}>
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
  );
}
