import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { TabLink } from "~/components/tab-link";
import { BankNav } from "~/components/bank-nav";
import { Pagination } from "~/components/pagination";
import { PageHeader } from "~/components/ui";
import { DEMANDS_PAGE_SIZE } from "~/domain/bank-choices";
import { parseId } from "~/domain/list-query";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { withdrawOffer } from "~/models/offer.server";
import { requireBankUser } from "~/permissions.server";
import { forbidden } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { DemandsTable } from "./demands-table";
import { MyOffers } from "./my-offers";
import { offersPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return offersPage(actor, new URL(request.url).searchParams);
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

export default function BankOffers() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const tabLink = (tab: "demands" | "mine") => (
    <TabLink to={tab === "mine" ? "?tab=mine" : "/bank/offers"} current={data.tab === tab}>
      {t(`bank.offers.tabs.${tab}`)}
    </TabLink>
  );
  return (
    <div>
      <BankNav />
      <PageHeader title={t("bank.offers.title")} description={t("bank.offers.intro")} />
      <nav aria-label={t("bank.offers.title")} className="mb-4 flex gap-2">
        {tabLink("demands")}
        {tabLink("mine")}
      </nav>
      {data.demands && <DemandsTable demands={data.demands.demands} />}
      {data.mine && <MyOffers mine={data.mine} />}
      <Pagination
        page={data.page}
        pageSize={DEMANDS_PAGE_SIZE}
        total={data.demands?.total ?? data.mine?.total ?? 0}
      />
    </div>
  );
}
