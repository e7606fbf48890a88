import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { Badge, Field, PageHeader, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { APPLICATION_STATES } from "~/domain/application-machine";
import { useT } from "~/i18n/use-t";
import { requireBankUser } from "~/permissions.server";

import { InboxTable } from "./inbox-table";
import { inboxPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return inboxPage(actor, new URL(request.url).searchParams);
}

export default function BankApplications() {
  const { items, total, overdue, products, page } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
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
      <InboxTable items={items} page={page} total={total} />
    </div>
  );
}
