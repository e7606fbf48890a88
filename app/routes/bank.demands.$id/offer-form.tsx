import type { SerializeFrom } from "@remix-run/node";

import { MoneyField, NumberField, PostForm, SelectField, TextareaField } from "~/components/form-kit";
import { Card, EmptyState, SubmitButton } from "~/components/ui";
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
  return (
    <Card title={t("bank.offers.formTitle")}>
      {products.length === 0 ? (
        <EmptyState
          title={t("bank.offers.noProducts")}
          hint={t("bank.offers.noProductsHint")}
          next={{ to: "/bank/products", label: t("bank.offers.goProducts") }}
        />
      ) : (
        <PostForm result={result} alert={false} className="flex flex-col gap-4">
          <SelectField
            name="productId"
            label={t("bank.offers.product")}
            placeholder={t("bank.offers.chooseProduct")}
            options={products.map((p) => ({
              value: p.id,
              label: t("bank.offers.productRanges", {
                name: p.name,
                amount: `${money(p.minAmountYuan)}–${money(p.maxAmountYuan)}`,
                term: t("bank.products.termRange", { min: p.minTermMonths, max: p.maxTermMonths }),
                rate: `${formatBp(p.minRateBp)}–${formatBp(p.maxRateBp)}`,
              }),
            }))}
            required
          />
          <div className="grid gap-4 sm:grid-cols-3">
            <MoneyField name="amount" label={t("bank.offers.amount")} required maxLength={20} />
            <NumberField
              name="term"
              label={t("bank.offers.term")}
              required
              maxLength={3}
              defaultValue={String(demand.termMonths)}
            />
            <MoneyField name="rate" label={t("bank.offers.rate")} required maxLength={10} />
          </div>
          <TextareaField
            name="note"
            label={t("bank.offers.note")}
            hint={t("bank.offers.noteHint")}
            maxLength={500}
          />
          <div>
            <SubmitButton pendingLabel={t("common.actions.submitting")}>
              {t("bank.offers.submit")}
            </SubmitButton>
          </div>
        </PostForm>
      )}
    </Card>
  );
}
