import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { listActiveOrganisations } from "~/models/admin.server";
import {
  issueApiClient,
  listApiClients,
  revokeApiClient,
  rotateApiClientSecret,
} from "~/models/api-client.server";
import { requireBureauUser } from "~/permissions.server";
import { dispatchIntent, parseSubmission, replyFieldError, replyFormError } from "~/utils/form-action.server";
import type { FieldErrors, FormValues } from "~/utils/forms";
import { json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ClientsTable } from "./clients-table";
import { IssueCard } from "./issue-card";
import { issueSchema, revokeSchema, rotateSchema } from "./schema.server";
import { ShownCredentials } from "./shown-credentials";

const ROTATE_ERRORS = {
  NOT_FOUND: "api.admin.errors.notFound",
  REVOKED: "api.admin.errors.revoked",
  CHANGED: "api.admin.errors.changed",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const [clients, { banks }] = await Promise.all([listApiClients(actor), listActiveOrganisations()]);
  return json({ clients, banks }, { headers: { "Cache-Control": "no-store" } });
}

type Shown = {
  errors: FieldErrors;
  values: FormValues;
  /** the credentials to hand over, shown on this response only */
  shown: { keyId: string; secret: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const form = await readForm(request);
  // the secret is in this response body only: never cached, never in a redirect or flash cookie
  const once = (shown: Shown["shown"]) =>
    json<Shown>({ errors: {}, values: {}, shown }, { headers: { "Cache-Control": "no-store" } });
  return dispatchIntent(form, {
    issue: async () => {
      const submission = parseSubmission(form, issueSchema());
      if (!submission.ok) return submission.reply;
      const issued = await issueApiClient(actor, submission.data);
      if (!issued.ok)
        return replyFieldError("bankId", { key: "api.admin.errors.bank" }, { values: submission.values });
      return once({ keyId: issued.client.keyId, secret: issued.client.secret });
    },
    rotate: async () => {
      const submission = parseSubmission(form, rotateSchema());
      if (!submission.ok) return submission.reply;
      const rotated = await rotateApiClientSecret(actor, submission.data.id, {
        graceHours: submission.data.graceHours,
      });
      if (!rotated.ok) return replyFormError(ROTATE_ERRORS[rotated.error], { values: submission.values });
      const client = (await listApiClients(actor)).find((c) => c.id === submission.data.id);
      return once({ keyId: client?.keyId ?? "", secret: rotated.secret ?? "" });
    },
    revoke: async () => {
      const submission = parseSubmission(form, revokeSchema());
      if (!submission.ok) return submission.reply;
      const client = (await listApiClients(actor)).find((c) => c.id === submission.data.id);
      const revoked = await revokeApiClient(actor, submission.data.id);
      if (!revoked.ok)
        return replyFormError(
          revoked.error === "NOT_FOUND" ? "api.admin.errors.notFound" : "api.admin.errors.revoked",
          { values: submission.values },
        );
      return redirectWithFlash("/gov/admin/api-clients", {
        kind: "success",
        key: "api.admin.flash.revoked",
        params: { key: client?.keyId ?? "" },
      });
    },
  });
}

export default function AdminApiClients() {
  const { clients, banks } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const shown = (result as Partial<Shown> | undefined)?.shown ?? null;
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("api.admin.title")} description={t("api.admin.intro")} />
      {shown && <ShownCredentials shown={shown} />}
      <IssueCard banks={banks} result={result} />
      <ClientsTable clients={clients} result={result} />
    </div>
  );
}
