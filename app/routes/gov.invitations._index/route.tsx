import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { createInvitation } from "~/models/invitation.server";
import { requireGovUser, requireOfficeUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, formReused } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { InvitationForm } from "./invitation-form";
import { InvitationsList } from "./invitations-list";
import { invitationsPage } from "./queries.server";
import { invitationSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  return {
    role: actor.role,
    ...(await invitationsPage(actor, new URL(request.url).searchParams)),
    formKey: newFormKey(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireOfficeUser(request);
  const form = await readForm(request);
  const parsed = parseForm(invitationSchema(), form);
  if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values });
  const created = await createInvitation(actor, parsed.data, formKeyOf(form));
  if (!created.ok && created.error === "ALREADY_REGISTERED")
    return badRequest({
      errors: { uscc: { key: "outreach.invitations.errors.registered" } },
      values: Object.fromEntries([...form.entries()].map(([k, v]) => [k, String(v).slice(0, 200)])),
    });
  if (!created.ok) return formReused();
  return redirectWithFlash(`/gov/invitations/${created.row.id}`, {
    kind: "success",
    key: "outreach.invitations.flash.created",
  });
}

export default function GovInvitations() {
  const { role, page, total, invitations, validDays, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={t("outreach.invitations.title")}
        description={t("outreach.invitations.intro", { days: validDays })}
      />
      {role === "GOV_OFFICE" && <InvitationForm formKey={formKey} result={actionData} />}
      <InvitationsList role={role} invitations={invitations} page={page} total={total} />
    </div>
  );
}
