import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { StateBadge } from "~/components/state-badge";
import { BankNav } from "~/components/bank-nav";
import { SlaBadge } from "~/components/bank-sla";
import { Pagination } from "~/components/pagination";
import { Badge, EmptyState, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { APPLICATION_STATES } from "~/domain/application-machine";
import { INBOX_PAGE_SIZE } from "~/domain/bank-choices";
import { parseChoice, parseId, parsePage } from "~/domain/list-query";
import { formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { listInbox } from "~/models/bank-application.server";
import { listBankProductNames } from "~/models/bank-product.server";
import { requireBankUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const filters = {
    state: parseChoice(APPLICATION_STATES, params.get("state")),
    productId: parseId(params.get("product")),
  };
  const page = parsePage(params.get("page"));
  const [inbox, products] = await Promise.all([
    listInbox(actor, { filters, page }),
    listBankProductNames(actor),
  ]);
  return { ...inbox, products, page };
}

export default function BankApplications() {
  const { items, total, overdue, products, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <BankNav />
      <PageHeader
        title={t("bank.applications.title")}
        description={t("bank.applications.intro")}
        actions={
          overdue > 0 ? (
            <Badge tone="red">{t("bank.applications.overdueCount", { count: overdue })}</Badge>
          ) : undefined
        }
      />
      <Form
        method="get"
        className="mb-4 flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200"
      >
        <div className="w-full sm:w-48">
          <Field id="state" label={t("bank.applications.state")}>
            <select
              {...fieldAria("state")}
              name="state"
              defaultValue={params.get("state") ?? ""}
              className={inputClass}
            >
              <option value="">{t("bank.applications.all")}</option>
              {APPLICATION_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(`domain.applicationState.${state}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <div className="w-full sm:w-72">
          <Field id="product" label={t("bank.applications.product")}>
            <select
              {...fieldAria("product")}
              name="product"
              defaultValue={params.get("product") ?? ""}
              className={inputClass}
            >
              <option value="">{t("bank.applications.all")}</option>
              {products.map((product) => (
                <option key={product.id} value={product.id}>
                  {product.name} · {t("bank.products.versionLabel", { version: product.version })}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <button type="submit" className={buttonClass("primary")}>
          {t("common.actions.filter")}
        </button>
        <Link to="/bank/applications" className={buttonClass("secondary")}>
          {t("common.actions.reset")}
        </Link>
      </Form>
      {items.length === 0 ? (
        <EmptyState title={t("bank.applications.empty")} hint={t("bank.applications.emptyHint")} />
      ) : (
        <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.applications.columns.number")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.applications.columns.firm")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.applications.columns.product")}
                </th>
                <th scope="col" className="px-4 py-3 text-right font-medium">
                  {t("bank.applications.columns.amount")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.applications.columns.submitted")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.applications.columns.state")}
                </th>
                <th scope="col" className="px-4 py-3 font-medium">
                  {t("bank.applications.columns.sla")}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {items.map((item) => (
                <tr key={item.id} className={item.sla?.overdue ? "bg-red-50/50" : undefined}>
                  <td className="px-4 py-3">
                    <Link
                      to={`/bank/applications/${item.id}`}
                      className="font-medium text-brand-700 hover:underline"
                    >
                      {item.number}
                    </Link>
                  </td>
                  <td className="px-4 py-3">{item.enterprise.name}</td>
                  <td className="px-4 py-3">{item.product.name}</td>
                  <td className="px-4 py-3 text-right tabular-nums">
                    {formatYuanAsWan(item.amountYuan, locale)}
                  </td>
                  <td className="px-4 py-3 whitespace-nowrap">{formatDateTime(item.submittedAt, locale)}</td>
                  <td className="px-4 py-3">
                    <StateBadge state={item.state} />
                  </td>
                  <td className="px-4 py-3">
                    <SlaBadge sla={item.sla} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageSize={INBOX_PAGE_SIZE} total={total} />
    </div>
  );
}
