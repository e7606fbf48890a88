import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { FormScope, SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { useQueryValues } from "~/components/filter-form";
import { Badge, PageHeader, buttonClass } from "~/components/ui";
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
        <FormScope result={{ values: useQueryValues() }}>
          <SelectField
            name="state"
            label={t("bank.applications.state")}
            className="w-full sm:w-48"
            placeholder={t("bank.applications.all")}
            options={optionsOf(APPLICATION_STATES, (state) => t(`domain.applicationState.${state}`))}
          />
          <SelectField
            name="product"
            label={t("bank.applications.product")}
            className="w-full sm:w-72"
            placeholder={t("bank.applications.all")}
            options={products.map((product) => ({
              value: product.id,
              label: `${product.name} · ${t("bank.products.versionLabel", { version: product.version })}`,
            }))}
          />
        </FormScope>
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
