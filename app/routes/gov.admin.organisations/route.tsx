import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav, GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { listOrganisations } from "~/models/admin.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { formDataToObject } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { BanksCard } from "./banks-card";
import type { OrgFailure } from "./org-forms";
import { runOrganisationIntent } from "./queries.server";
import { SubDistrictsCard } from "./sub-districts-card";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { role: actor.role, ...(await listOrganisations(actor)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const result = await runOrganisationIntent(request, actor, intent, form);
  if ("intent" in result) return badRequest<OrgFailure>(result);
  if (!result.ok) {
    if ("error" in result) throw denial(request);
    return badRequest<OrgFailure>({
      intent,
      errors: { [result.field]: { key: result.key } },
      values: formDataToObject(form),
    });
  }
  return redirectWithFlash("/gov/admin/organisations", { kind: "success", key: "gov.admin.flash.saved" });
}

export default function AdminOrganisations() {
  const { role, subDistricts, banks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <AdminNav />
      <PageHeader title={t("gov.admin.orgs.title")} description={t("gov.admin.orgs.intro")} />
      <SubDistrictsCard subDistricts={subDistricts} actionData={actionData} />
      <BanksCard banks={banks} actionData={actionData} />
    </div>
  );
}
