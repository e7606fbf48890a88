import type { SerializeFrom } from "@remix-run/node";
import { Form, Link, useSearchParams } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState, SubmitButton, buttonClass } from "~/components/ui";
import { OFFER_STATUSES } from "~/domain/bank-choices";
import { formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Mine = NonNullable<SerializeFrom<typeof loader>["mine"]>;
type Offer = Mine["offers"][number];

const offerTone = { PENDING: "amber", ACCEPTED: "green", DECLINED: "gray", WITHDRAWN: "gray" } as const;

/** The bank's own offers: a filter by status with counts, then the offers (a pending one can be withdrawn). */
export function MyOffers({ mine }: { mine: Mine }) {
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Offer>[] = [
    { key: "firm", header: t("bank.offers.columns.firm"), cell: (o) => o.demand.enterprise.name },
    { key: "product", header: t("bank.offers.columns.product"), cell: (o) => o.product.name },
    {
      key: "offer",
      header: t("bank.offers.columns.offer"),
      nowrap: true,
      cell: (o) =>
        t("bank.offers.offerTerms", {
          amount: formatYuanAsWan(o.amountYuan, locale),
          term: o.termMonths,
          rate: formatBp(o.rateBp),
        }),
    },
    {
      key: "created",
      header: t("bank.offers.columns.created"),
      nowrap: true,
      cell: (o) => (
        <>
          {formatDateTime(o.createdAt, locale)}
          <span className="block text-xs text-slate-500">{o.user.displayName}</span>
        </>
      ),
    },
    {
      key: "status",
      header: t("bank.offers.columns.status"),
      cell: (o) => (
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={offerTone[o.status as keyof typeof offerTone] ?? "gray"}>
            {td(`bank.offers.status.${o.status}`)}
          </Badge>
          {o.application && (
            <Link to={`/bank/applications/${o.application.id}`} className="text-brand-700 hover:underline">
              {t("bank.offers.applicationLink", { number: o.application.number })}
            </Link>
          )}
          {o.status === "PENDING" && (
            <Form method="post">
              <input type="hidden" name="offerId" value={o.id} />
              <SubmitButton name="intent" value="withdraw" variant="ghost">
                {t("bank.offers.withdraw")}
              </SubmitButton>
            </Form>
          )}
        </div>
      ),
    },
  ];
  return (
    <>
      <nav aria-label={t("bank.offers.columns.status")} className="mb-3 flex flex-wrap gap-2 text-sm">
        {OFFER_STATUSES.map((status) => (
          <Link
            key={status}
            to={params.get("status") === status ? "?tab=mine" : `?tab=mine&status=${status}`}
            aria-current={params.get("status") === status ? "page" : undefined}
            className="rounded-full bg-white px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-50 aria-[current=page]:ring-brand-600"
          >
            {t(`bank.offers.status.${status}`)} ({mine.byStatus[status] ?? 0})
          </Link>
        ))}
      </nav>
      <DataTable
        label={t("bank.offers.tabs.mine")}
        rows={mine.offers}
        rowKey={(o) => o.id}
        columns={columns}
        empty={
          <EmptyState
            title={t("bank.offers.emptyMine")}
            hint={t("bank.offers.emptyMineHint")}
            action={
              <Link to="/bank/offers" className={buttonClass("secondary")}>
                {t("bank.offers.tabs.demands")}
              </Link>
            }
          />
        }
      />
    </>
  );
}
