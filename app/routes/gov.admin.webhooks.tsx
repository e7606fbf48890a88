import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { SelectField } from "~/components/form-kit";
import { AdminNav } from "~/components/gov-nav";
import { FilterForm } from "~/components/filter-form";
import { PageHeader } from "~/components/ui";
import { DeliveryStateTabs, DeliveryTable } from "~/components/webhook-deliveries";
import { redeliverFromForm } from "~/components/webhook-deliveries.server";
import { PAGE_SIZE, parseChoice, parseId, parsePage } from "~/domain/list-query";
import { DELIVERY_STATES } from "~/domain/webhook-events";
import { useLocale, useT } from "~/i18n/use-t";
import { listActiveOrganisations } from "~/models/admin.server";
import { listDeliveries } from "~/models/webhook-delivery.server";
import { requireBureauUser } from "~/permissions.server";
import { dispatchIntent } from "~/utils/form-action.server";
import { readForm } from "~/utils/read-form.server";

/** Every bank's webhook deliveries (filter by bank and state) and the redeliver button. */
export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const state = parseChoice(DELIVERY_STATES, params.get("state")) ?? null;
  const bankId = parseId(params.get("bank")) ?? null;
  const page = parsePage(params.get("page"));
  const [deliveries, { banks }] = await Promise.all([
    listDeliveries(actor, { state, bankId, page }),
    listActiveOrganisations(),
  ]);
  return { deliveries, banks, state, bankId, page };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  return dispatchIntent(form, {
    redeliver: () => redeliverFromForm(actor, form, "/gov/admin/webhooks?state=FAILED"),
  });
}

export default function AdminWebhooks() {
  const { deliveries, banks, state, bankId, page } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  return (
    <div>
      <AdminNav />
      <PageHeader title={t("webhooks.adminTitle")} description={t("webhooks.adminIntro")} />
      <FilterForm label={t("webhooks.deliveries.bank")} resetTo="/gov/admin/webhooks" keep={["state"]}>
        <SelectField
          name="bank"
          label={t("webhooks.deliveries.bank")}
          placeholder={t("webhooks.deliveries.any")}
          options={banks.map((bank) => ({
            value: bank.id,
            label: locale === "zh-CN" ? bank.name : bank.nameEn,
          }))}
        />
      </FilterForm>
      <DeliveryStateTabs
        current={state}
        counts={deliveries.counts}
        base="/gov/admin/webhooks"
        keep={{ bank: bankId }}
      />
      <DeliveryTable
        rows={deliveries.items}
        total={deliveries.total}
        page={page}
        pageSize={PAGE_SIZE}
        showBank
        filtered={state !== null || bankId !== null}
        result={result}
      />
    </div>
  );
}
