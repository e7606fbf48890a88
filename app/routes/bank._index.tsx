import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { ApplicationList } from "~/components/application-list";
import { Card, EmptyState, PageHeader, Stat } from "~/components/ui";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import type { BankActor } from "~/models/actor";
import { getBankSummary } from "~/models/application.server";
import { requireHomeRole } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["BANK"])) as BankActor;
  return { summary: await getBankSummary(actor), bank: actor.organization };
}

export default function BankHome() {
  const { summary, bank } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("workspace.bank.title")} description={bank ? (locale === "zh-CN" ? bank.zh : bank.en) : undefined} />
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label={t("workspace.bank.products")} value={summary.products} />
        <Stat label={t("workspace.bank.publishedProducts")} value={summary.published} />
        <Stat label={t("workspace.bank.openApplications")} value={summary.open} />
        <Stat label={t("workspace.bank.disbursedThisYear")} value={formatYuanAsWan(summary.disbursedYuan, locale)} hint={t("workspace.counts.items", { count: summary.disbursedCount })} />
      </dl>
      <Card title={t("workspace.bank.recentApplications")}>
        {summary.recent.length ? (
          <ApplicationList items={summary.recent} show="enterprise" />
        ) : (
          <EmptyState title={t("workspace.bank.noApplications")} />
        )}
      </Card>
    </div>
  );
}
