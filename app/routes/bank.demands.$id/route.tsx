import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { BackLink, PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { listPublishedBankProducts } from "~/models/bank-product.server";
import { getAnswerableDemand } from "~/models/offer.server";
import { requireBankUser } from "~/permissions.server";
import { forbidden, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { DemandCard } from "./demand-card";
import { OfferForm } from "./offer-form";
import { makeOffer } from "./queries.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const demand = await getAnswerableDemand({ id: params.id ?? "", actor });
  if (!demand) throw notFound();
  return { demand, products: await listPublishedBankProducts(actor) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const demandId = params.id ?? "";
  if (!(await getAnswerableDemand({ id: demandId, actor }))) throw forbidden();
  return makeOffer(actor, demandId, await readForm(request));
}

export default function BankDemand() {
  const { demand, products } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <BankNav />
      <BackLink to="/bank/offers">{t("bank.offers.title")}</BackLink>
      <PageHeader title={t("bank.offers.demandTitle")} description={demand.enterprise.name} />
      <div className="grid gap-6 lg:grid-cols-2">
        <DemandCard demand={demand} />
        <OfferForm demand={demand} products={products} result={actionData} />
      </div>
    </div>
  );
}
