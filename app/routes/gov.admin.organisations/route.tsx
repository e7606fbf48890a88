import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav } from "~/components/gov-nav";
import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { listOrganisations } from "~/models/admin.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { formDataToObject } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { SUB_DISTRICT_KINDS, type OrgFailure } from "./org-forms";
import { OrganisationCard } from "./organisation-card";
import { runOrganisationIntent } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  return { ...(await listOrganisations(actor)) };
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
  const { subDistricts, banks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("gov.admin.orgs.title")} description={t("gov.admin.orgs.intro")} />
      <OrganisationCard
        title={t("gov.admin.orgs.subDistricts")}
        kind="SubDistrict"
        idPrefix="sd-"
        rows={subDistricts}
        detailOf={(s) => (
          <>
            {td(`domain.subDistrictKind.${s.kind}`)} ·{" "}
            {t("gov.admin.orgs.firmCount", { count: s._count.enterprises })}
          </>
        )}
        codeMaxLength={20}
        codeHint={t("gov.admin.orgs.subDistrictCodeHint")}
        createFields={
          <SelectField
            name="kind"
            label={t("gov.admin.orgs.kind")}
            defaultValue="OFFICE"
            options={optionsOf(SUB_DISTRICT_KINDS, (k) => td(`domain.subDistrictKind.${k}`))}
          />
        }
        addLabel={t("gov.admin.orgs.addSubDistrict")}
        actionData={actionData}
      />
      <OrganisationCard
        title={t("gov.admin.orgs.banks")}
        kind="Bank"
        idPrefix="bank-"
        rows={banks}
        detailOf={(b) => t("gov.admin.orgs.userCount", { count: b._count.users })}
        codeMaxLength={12}
        codeHint={t("gov.admin.orgs.bankCodeHint")}
        addLabel={t("gov.admin.orgs.addBank")}
        actionData={actionData}
      />
    </div>
  );
}
