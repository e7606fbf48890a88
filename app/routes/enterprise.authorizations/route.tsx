import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { PageHeader } from "~/components/ui";
import { endOfShanghaiDay, shanghaiDate } from "~/domain/shanghai-time";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { grantAuthorization, revokeAuthorization } from "~/models/authorization.server";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ALL_BANKS } from "./constants";
import { GrantForm } from "./grant-form";
import { authorizationsPage, maxExpiryDay } from "./queries.server";
import { grantSchema, revokeSchema } from "./schema.server";
import { ActiveAuthorizations, PastAuthorizations } from "./tables";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const data = await authorizationsPage(actor, new URL(request.url).searchParams);
  return { ...data, formKey: newFormKey() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "grant") return grant();
  if (intent === "revoke") return revoke();
  return badRequest({ errors: {}, values: {}, formError: "common.errors.badRequestBody" });

  async function grant() {
    const parsed = parseForm(grantSchema(), form);
    if (!parsed.ok) return badRequest({ errors: parsed.errors, values: parsed.values, formError: null });
    const values = { bankId: parsed.data.bankId, scope: parsed.data.scope, expiresOn: parsed.data.expiresOn };
    const now = new Date();
    const day = parsed.data.expiresOn;
    if (day <= shanghaiDate(now) || day > maxExpiryDay(now)) {
      return badRequest({
        errors: { expiresOn: { key: "enterprise.authorizations.errors.expiryRange" } },
        values,
        formError: null,
      });
    }
    const result = await grantAuthorization(
      actor,
      {
        bankId: parsed.data.bankId === ALL_BANKS ? null : parsed.data.bankId,
        scope: parsed.data.scope,
        expiresAt: endOfShanghaiDay(day),
      },
      now,
      formKeyOf(form),
    );
    if (!result.ok && result.error === "KEY_TAKEN")
      return json({ errors: {}, values, formError: "common.errors.formReused" }, { status: 409 });
    if (!result.ok) {
      const field = result.error === "UNKNOWN_BANK" ? "bankId" : "expiresOn";
      const key =
        result.error === "UNKNOWN_BANK"
          ? "enterprise.authorizations.errors.unknownBank"
          : "enterprise.authorizations.errors.expiryRange";
      return badRequest({ errors: { [field]: { key } }, values, formError: null });
    }
    return redirectWithFlash("/enterprise/authorizations", {
      kind: "success",
      key: "enterprise.authorizations.granted",
    });
  }

  async function revoke() {
    const parsed = parseForm(revokeSchema(), form);
    if (!parsed.ok) return badRequest({ errors: parsed.errors, values: {}, formError: null });
    const result = await revokeAuthorization(actor, parsed.data.id);
    if (!result.ok && result.error === "NOT_FOUND") throw new Response("Forbidden", { status: 403 });
    if (!result.ok)
      return badRequest({
        errors: {},
        values: {},
        formError: "enterprise.authorizations.errors.alreadyRevoked",
      });
    return redirectWithFlash("/enterprise/authorizations", {
      kind: "success",
      key: "enterprise.authorizations.revoked",
    });
  }
}

export default function Authorizations() {
  const { active, past, pastTotal, banks, page, today, maxDay, now, formKey } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("enterprise.authorizations.title")}
        description={t("enterprise.authorizations.intro")}
      />
      <EnterpriseNav />
      {actionData?.formError && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(actionData.formError)}
        </p>
      )}
      <GrantForm banks={banks} today={today} maxDay={maxDay} formKey={formKey} result={actionData} />

      <ActiveAuthorizations active={active} />

      <PastAuthorizations past={past} pastTotal={pastTotal} page={page} now={now} />
    </div>
  );
}
