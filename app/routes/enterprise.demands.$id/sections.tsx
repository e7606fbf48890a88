/** The firm's demand page: the demand itself (closable while open) and the banks' offers. */
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Demand = SerializeFrom<typeof loader>["demand"];
type Offer = Demand["offers"][number];

/** The demand's terms and status; a button closes it while it is open. */
export function DemandCard({
  demand,
  open,
  guaranteeTypes,
}: {
  demand: Demand;
  open: boolean;
  guaranteeTypes: string[];
}) {
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const locale = useLocale();
  return (
    <Card
      title={t("enterprise.demands.title")}
      actions={
        <Badge tone={demand.status === "OPEN" ? "blue" : demand.status === "FULFILLED" ? "green" : "gray"}>
          {open || demand.status !== "OPEN"
            ? td(`enterprise.demands.status.${demand.status}`)
            : t("enterprise.demands.expired")}
        </Badge>
      }
    >
      <dl className="grid gap-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t("enterprise.demands.fields.guaranteeTypes")}</dt>
          <dd>{list(guaranteeTypes.map((g) => td(`domain.guaranteeType.${g}`)))}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.demands.fields.rateCeiling")}</dt>
          <dd>
            {demand.rateCeilingBp === null
              ? t("enterprise.demands.noCeiling")
              : t("enterprise.demands.rateCeilingValue", { rate: formatBp(demand.rateCeilingBp) })}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.demands.columns.validUntil")}</dt>
          <dd>{formatDate(demand.validUntil, locale)}</dd>
        </div>
      </dl>
      {demand.status === "OPEN" && (
        <Form method="post" className="mt-4">
          <SubmitButton
            name="intent"
            value="close"
            variant="secondary"
            pendingLabel={t("enterprise.demands.closing")}
          >
            {t("enterprise.demands.close")}
          </SubmitButton>
        </Form>
      )}
    </Card>
  );
}

/** The banks' offers, newest as the loader gives them. */
export function OffersCard({ offers, open }: { offers: Demand["offers"]; open: boolean }) {
  const t = useT();
  return (
    <Card title={t("enterprise.demands.offers")}>
      {offers.length === 0 ? (
        <p className="text-sm text-slate-600">{t("enterprise.demands.noOffers")}</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {offers.map((offer) => (
            <OfferItem key={offer.id} offer={offer} open={open} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** One offer: the bank, its terms, its application; accept or decline while pending. */
export function OfferItem({ offer, open }: { offer: Offer; open: boolean }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <li className="rounded-md p-4 ring-1 ring-slate-200" data-testid="offer">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">{locale === "zh-CN" ? offer.bank.name : offer.bank.nameEn}</p>
          <p className="text-sm text-slate-600">
            <Link to={`/products/${offer.product.id}`} className="hover:underline">
              {offer.product.name}
            </Link>{" "}
            · {td(`domain.guaranteeType.${offer.product.guaranteeType}`)}
          </p>
        </div>
        <Badge tone={offer.status === "PENDING" ? "amber" : offer.status === "ACCEPTED" ? "green" : "gray"}>
          {td(`enterprise.demands.offer.status.${offer.status}`)}
        </Badge>
      </div>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">{t("enterprise.demands.offer.amount")}</dt>
          <dd className="tabular-nums">{formatYuanAsWan(offer.amountYuan, locale)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.demands.offer.term")}</dt>
          <dd>{t("enterprise.demands.termValue", { months: offer.termMonths })}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.demands.offer.rate")}</dt>
          <dd className="font-semibold text-brand-700">{formatBp(offer.rateBp)}</dd>
        </div>
      </dl>
      {offer.note && <p className="mt-2 text-sm text-slate-700">{offer.note}</p>}
      <p className="mt-1 text-xs text-slate-500">{formatDateTime(offer.createdAt, locale)}</p>
      {offer.application && (
        <Link
          to={`/enterprise/applications/${offer.application.id}`}
          className="mt-2 inline-block text-sm text-brand-700 hover:underline"
        >
          {t("enterprise.demands.offer.application", { number: offer.application.number })}
        </Link>
      )}
      {offer.status === "PENDING" && open && (
        <Form method="post" className="mt-3 flex flex-wrap items-center gap-2">
          <input type="hidden" name="offerId" value={offer.id} />
          <SubmitButton
            name="intent"
            value="acceptOffer"
            pendingLabel={t("enterprise.demands.offer.accepting")}
          >
            {t("enterprise.demands.offer.accept")}
          </SubmitButton>
          <SubmitButton
            name="intent"
            value="declineOffer"
            variant="secondary"
            pendingLabel={t("enterprise.demands.offer.declining")}
          >
            {t("enterprise.demands.offer.decline")}
          </SubmitButton>
          <p className="w-full text-xs text-slate-500">{t("enterprise.demands.offer.consent")}</p>
        </Form>
      )}
    </li>
  );
}
