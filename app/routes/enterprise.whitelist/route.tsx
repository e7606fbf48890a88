import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { PageHeader } from "~/components/ui";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { getWhitelistStatus } from "~/models/recommendation-request.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { submitRequest } from "./queries.server";
import { EntriesCard, RecommendationsCard, RequestCard, StatusCard } from "./whitelist-cards";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const status = await getWhitelistStatus(actor);
  if (!status) notFound();
  return status;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  return submitRequest(actor, await readForm(request));
}

export default function Whitelist() {
  const { enterprise, whitelisted, entries, recommendations, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = (actionData?.errors ?? {}) as Record<string, { key: string }>;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const office = locale === "zh-CN" ? enterprise.subDistrict.name : enterprise.subDistrict.nameEn;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("enterprise.whitelist.title")} description={t("enterprise.whitelist.intro")} />
      <EnterpriseNav />
      <StatusCard enterprise={enterprise} whitelisted={whitelisted} open={open} />
      {!whitelisted && !open && !enterprise.onDishonestyList && (
        <RequestCard office={office} formError={actionData?.formError} errors={errors} values={values} />
      )}
      {actionData?.formError && (whitelisted || open || enterprise.onDishonestyList) && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(actionData.formError)}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <RecommendationsCard recommendations={recommendations} />
        <EntriesCard entries={entries} />
      </div>
    </div>
  );
}
