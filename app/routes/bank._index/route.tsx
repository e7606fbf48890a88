import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { PageHeader } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import type { BankActor } from "~/models/actor";
import { requireHomeRole } from "~/permissions.server";

import { BankFigures } from "./bank-figures";
import { RecentViews, UrgentCard } from "./home-cards";
import { PeriodPicker } from "./period-picker";
import { homePage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requireHomeRole(request, ["BANK"])) as BankActor;
  return homePage(actor, new URL(request.url).searchParams);
}

export default function BankHome() {
  const { bank, period, figures, urgent, views } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-6">
      <div>
        <BankNav />
        <PageHeader
          title={t("workspace.bank.title")}
          description={bank ? (locale === "zh-CN" ? bank.zh : bank.en) : undefined}
        />
      </div>
      <PeriodPicker period={period} />
      <BankFigures figures={figures} />
      <UrgentCard urgent={urgent} />
      <RecentViews views={views} />
    </div>
  );
}
