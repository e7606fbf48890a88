import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, PageHeader, SubmitButton, buttonClass, cx } from "~/components/ui";
import { DEMANDS_PAGE_SIZE, OFFER_STATUSES } from "~/domain/bank-choices";
import { parseChoice, parseId, parsePage } from "~/domain/list-query";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useFormatList, useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listAnswerableDemands, listOwnOffers, withdrawOffer } from "~/models/offer.server";
import { requireBankUser } from "~/permissions.server";
import { forbidden } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  if (params.get("tab") === "mine") {
    const status = parseChoice(OFFER_STATUSES, params.get("status"));
    return { tab: "mine" as const, mine: await listOwnOffers(actor, { status, page }), demands: null, page };
  }
  return { tab: "demands" as const, demands: await listAnswerableDemands(actor, { page }), mine: null, page };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const form = await readForm(request);
  const id = parseId(String(form.get("offerId") ?? ""));
  if (form.get("intent") !== "withdraw" || !id)
    return json({ error: "common.validation.invalidChoice" }, { status: 400 });
  if (!(await withdrawOffer({ id, actor }))) throw forbidden();
  return redirectWithFlash("/bank/offers?tab=mine", { kind: "success", key: "bank.offers.flash.withdrawn" });
}

const offerTone = { PENDING: "amber", ACCEPTED: "green", DECLINED: "gray", WITHDRAWN: "gray" } as const;

export default function BankOffers() {
  const data = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const list = useFormatList();
  const locale = useLocale();
  const money = (yuan: number) => formatYuanAsWan(yuan, locale);
  const tabLink = (tab: "demands" | "mine") => (
    <Link
      to={tab === "mine" ? "?tab=mine" : "/bank/offers"}
      aria-current={data.tab === tab ? "page" : undefined}
      className={cx(
        "rounded-md px-3 py-1.5 text-sm font-medium ring-1 ring-inset",
        data.tab === tab
          ? "bg-brand-600 text-white ring-brand-600"
          : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
      )}
    >
      {t(`bank.offers.tabs.${tab}`)}
    </Link>
  );
  const th = "px-4 py-3 font-medium";
  return (
    <div>
      <BankNav />
      <PageHeader title={t("bank.offers.title")} description={t("bank.offers.intro")} />
      <nav aria-label={t("bank.offers.title")} className="mb-4 flex gap-2">
        {tabLink("demands")}
        {tabLink("mine")}
      </nav>
      {data.demands &&
        (data.demands.demands.length === 0 ? (
          <EmptyState title={t("bank.offers.emptyDemands")} hint={t("bank.offers.emptyDemandsHint")} />
        ) : (
          <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
            <table className="min-w-full divide-y divide-slate-200 text-sm">
              <thead className="bg-slate-50 text-left text-slate-600">
                <tr>
                  <th scope="col" className={th}>
                    {t("bank.offers.columns.firm")}
                  </th>
                  <th scope="col" className={cx(th, "text-right")}>
                    {t("bank.offers.columns.amount")}
                  </th>
                  <th scope="col" className={th}>
                    {t("bank.offers.columns.term")}
                  </th>
                  <th scope="col" className={th}>
                    {t("bank.offers.columns.guarantee")}
                  </th>
                  <th scope="col" className={th}>
                    {t("bank.offers.columns.ceiling")}
                  </th>
                  <th scope="col" className={th}>
                    {t("bank.offers.columns.validUntil")}
                  </th>
                  <th scope="col" className={th}>
                    {t("bank.offers.columns.offered")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {data.demands.demands.map((d) => (
                  <tr key={d.id}>
                    <td className="px-4 py-3">
                      {d.enterprise.name}
                      <span className="block text-xs text-slate-500">{d.purpose}</span>
                    </td>
                    <td className="px-4 py-3 text-right tabular-nums whitespace-nowrap">
                      {money(d.amountYuan)}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">
                      {t("bank.decision.termValue", { months: d.termMonths })}
                    </td>
                    <td className="px-4 py-3">
                      {list(
                        d.guaranteeTypes
                          .split(",")
                          .filter(Boolean)
                          .map((g) => td(`domain.guaranteeType.${g}`)),
                      )}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">
                      {d.rateCeilingBp !== null ? formatBp(d.rateCeilingBp) : t("bank.offers.noCeiling")}
                    </td>
                    <td className="px-4 py-3 whitespace-nowrap">{formatDate(d.validUntil, locale)}</td>
                    <td className="px-4 py-3 whitespace-nowrap">
                      {d.offers.length > 0 && (
                        <span className="mr-2 text-xs text-slate-600">
                          {t("bank.offers.offeredCount", { count: d.offers.length })}
                        </span>
                      )}
                      <Link to={`/bank/demands/${d.id}`} className={buttonClass("secondary")}>
                        {t("bank.offers.respond")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      {data.mine && (
        <>
          <nav aria-label={t("bank.offers.columns.status")} className="mb-3 flex flex-wrap gap-2 text-sm">
            {OFFER_STATUSES.map((status) => (
              <Link
                key={status}
                to={params.get("status") === status ? "?tab=mine" : `?tab=mine&status=${status}`}
                aria-current={params.get("status") === status ? "page" : undefined}
                className="rounded-full bg-white px-3 py-1 ring-1 ring-slate-300 hover:bg-slate-50 aria-[current=page]:bg-brand-50 aria-[current=page]:ring-brand-600"
              >
                {t(`bank.offers.status.${status}`)} ({data.mine.byStatus[status] ?? 0})
              </Link>
            ))}
          </nav>
          {data.mine.offers.length === 0 ? (
            <EmptyState
              title={t("bank.offers.emptyMine")}
              hint={t("bank.offers.emptyMineHint")}
              action={
                <Link to="/bank/offers" className={buttonClass("secondary")}>
                  {t("bank.offers.tabs.demands")}
                </Link>
              }
            />
          ) : (
            <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <thead className="bg-slate-50 text-left text-slate-600">
                  <tr>
                    <th scope="col" className={th}>
                      {t("bank.offers.columns.firm")}
                    </th>
                    <th scope="col" className={th}>
                      {t("bank.offers.columns.product")}
                    </th>
                    <th scope="col" className={th}>
                      {t("bank.offers.columns.offer")}
                    </th>
                    <th scope="col" className={th}>
                      {t("bank.offers.columns.created")}
                    </th>
                    <th scope="col" className={th}>
                      {t("bank.offers.columns.status")}
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {data.mine.offers.map((o) => (
                    <tr key={o.id}>
                      <td className="px-4 py-3">{o.demand.enterprise.name}</td>
                      <td className="px-4 py-3">{o.product.name}</td>
                      <td className="px-4 py-3 whitespace-nowrap">
                        {t("bank.offers.offerTerms", {
                          amount: money(o.amountYuan),
                          term: o.termMonths,
                          rate: formatBp(o.rateBp),
                        })}
                      </td>
                      <td className="px-4 py-3 whitespace-nowrap">
                        {formatDateTime(o.createdAt, locale)}
                        <span className="block text-xs text-slate-500">{o.user.displayName}</span>
                      </td>
                      <td className="px-4 py-3">
                        <div className="flex flex-wrap items-center gap-2">
                          <Badge tone={offerTone[o.status as keyof typeof offerTone] ?? "gray"}>
                            {td(`bank.offers.status.${o.status}`)}
                          </Badge>
                          {o.application && (
                            <Link
                              to={`/bank/applications/${o.application.id}`}
                              className="text-brand-700 hover:underline"
                            >
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
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <Pagination
        page={data.page}
        pageSize={DEMANDS_PAGE_SIZE}
        total={data.demands?.total ?? data.mine?.total ?? 0}
      />
    </div>
  );
}
