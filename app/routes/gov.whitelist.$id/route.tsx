import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { FormAlert } from "~/components/form-kit";
import { GovNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { parseId } from "~/domain/list-query";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { getEntry, restoreEntry, revokeEntry, type EntryChangeResult } from "~/models/whitelist.server";
import { denial, requireBureauUser, requireGovUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { EntryCards } from "./entry-cards";
import { EntryForms } from "./entry-forms";
import { reasonSchema } from "./schema.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireGovUser(request);
  const id = parseId(params.id);
  const entry = id ? await getEntry(actor, id) : null;
  if (!entry) notFound();
  return { role: actor.role, entry };
}

type Failure = { intent: string; errors: FieldErrors; values: Record<string, string | string[]> };

const ERROR_KEYS = { STALE: "gov.errors.changed", STILL_LISTED: "gov.whitelist.errors.stillListed" } as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  if (intent !== "revoke" && intent !== "restore") {
    return badRequest<Failure>({
      intent,
      errors: { _form: { key: "common.validation.invalidChoice" } },
      values: {},
    });
  }
  const parsed = parseForm(reasonSchema(), form);
  if (!parsed.ok) return badRequest<Failure>({ intent, errors: parsed.errors, values: parsed.values });
  const result: EntryChangeResult =
    intent === "revoke"
      ? await revokeEntry(actor, id, parsed.data.reason)
      : await restoreEntry(actor, id, parsed.data.reason);
  if (result.ok)
    return redirectWithFlash(`/gov/whitelist/${id}`, {
      kind: "success",
      key: `gov.whitelist.flash.${intent}`,
    });
  if (result.error === "NOT_FOUND") throw denial(request);
  return badRequest<Failure>({
    intent,
    errors: { _form: { key: ERROR_KEYS[result.error] } },
    values: { reason: parsed.data.reason },
  });
}

export default function GovWhitelistEntry() {
  const { role, entry } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="flex flex-col gap-6">
      <GovNav role={role} />
      <PageHeader
        title={entry.enterprise.name}
        description={entry.enterprise.uscc}
        actions={
          <Link to="/gov/whitelist" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.whitelist.backToList")}
          </Link>
        }
      />
      <FormAlert error={actionData?.errors._form} />
      <EntryCards entry={entry} />
      {role === "GOV_BUREAU" && entry.status !== "REVOKED" && (
        <EntryForms entry={entry} result={actionData} />
      )}
    </div>
  );
}
