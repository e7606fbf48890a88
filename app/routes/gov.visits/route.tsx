import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { withPickedFirm } from "~/components/firm-picker.server";
import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { logVisit } from "~/models/visit.server";
import { denial, requireGovUser, requireOfficeUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { visitsPage } from "./queries.server";
import { visitSchema } from "./schema.server";
import { VisitForm } from "./visit-form";
import { VisitsList } from "./visits-list";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return {
    role: actor.role,
    ...(await visitsPage(actor, new URL(request.url).searchParams)),
    today: shanghaiDate(new Date()),
    formKey: newFormKey(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const form = await withPickedFirm(actor, await readForm(request));
  const parsed = parseForm(visitSchema(), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const { enterpriseId, visitedOn, findings, need, nextStep } = parsed.data;
  const visit = await logVisit(
    actor,
    { enterpriseId, visitedOn, findings, needYuan: need, nextStep },
    formKeyOf(form),
  );
  if (!visit) throw denial(request);
  if (!visit.ok) return formReused();
  return redirectWithFlash(`/gov/visits?firm=${visit.row.enterpriseId}`, {
    kind: "success",
    key: "gov.visits.flash.logged",
  });
}

export default function GovVisits() {
  const { role, visits, total, hasFirms, chosenFirm, page, today, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const firmFilter = params.get("firm");
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("gov.visits.title")}
        description={t("gov.visits.intro")}
        actions={
          role === "GOV_OFFICE" ? (
            <Link to="/gov/invitations" className="text-sm font-medium text-brand-700 hover:underline">
              {t("outreach.invitations.inviteFromVisits")}
            </Link>
          ) : undefined
        }
      />
      {role === "GOV_OFFICE" && (
        <VisitForm
          hasFirms={hasFirms}
          chosenFirm={chosenFirm}
          today={today}
          formKey={formKey}
          result={actionData}
        />
      )}
      <VisitsList role={role} visits={visits} page={page} total={total} firmFilter={firmFilter} />
    </div>
  );
}
