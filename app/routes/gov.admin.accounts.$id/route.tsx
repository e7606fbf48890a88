import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { FormAlert } from "~/components/form-kit";
import { AdminNav } from "~/components/gov-nav";
import { PageHeader } from "~/components/ui";
import { parseId } from "~/domain/list-query";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { getAccount, listAccountAudit } from "~/models/admin.server";
import { denial, requireBureauUser } from "~/permissions.server";
import { badRequest, json, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { AccountAudit, AccountDetails } from "./account-details";
import { runAccountIntent, type AccountResult } from "./queries.server";
import { ResetCard } from "./reset-card";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const id = parseId(params.id);
  const account = id ? await getAccount(actor, id) : null;
  if (!account) notFound();
  return {
    self: actor.id === account.id,
    account,
    audit: await listAccountAudit(actor, account.id),
    now: new Date().toISOString(),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const id = parseId(params.id);
  if (!id) throw denial(request);
  const form = await readForm(request);
  const intent = String(form.get("intent") ?? "");
  const result = await runAccountIntent(actor, id, intent, form);
  if ("errors" in result) return badRequest<AccountResult>(result);
  if (!result.ok) {
    if ("field" in result)
      return badRequest<AccountResult>({ errors: { [result.field]: { key: result.key } }, password: null });
    if (result.error === "SELF")
      return badRequest<AccountResult>({
        errors: { _form: { key: "gov.admin.errors.self" } },
        password: null,
      });
    throw denial(request);
  }
  if (intent === "reset" && result.password)
    return json<AccountResult>({ errors: {}, password: result.password });
  return redirectWithFlash(`/gov/admin/accounts/${id}`, {
    kind: "success",
    key: `gov.admin.flash.${intent}`,
  });
}

export default function AdminAccount() {
  const { self, account: a, audit, now } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const errors = actionData?.errors ?? {};
  const locked = a.lockedUntil !== null && a.lockedUntil > now;
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader
        title={a.displayName}
        description={a.username}
        actions={
          <Link to="/gov/admin" className="text-sm font-medium text-brand-700 hover:underline">
            {t("gov.admin.accounts.backToList")}
          </Link>
        }
      />
      <FormAlert error={errors._form} />
      {actionData?.password && (
        <div
          role="status"
          className="rounded-lg bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200"
        >
          <p className="font-medium">{t("gov.admin.accounts.newPassword")}</p>
          <p className="mt-2">
            <code className="rounded bg-white px-2 py-1 font-mono text-base" data-testid="generated-password">
              {actionData.password}
            </code>
          </p>
          <p className="mt-2">{t("gov.admin.passwordShownOnce")}</p>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <AccountDetails account={a} self={self} locked={locked} />
        <ResetCard errors={errors} />
      </div>
      <AccountAudit audit={audit} />
    </div>
  );
}
