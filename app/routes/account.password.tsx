import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { clientIpOf } from "~/client-ip.server";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { changeOwnPassword, countLiveSessions, endOtherSessions } from "~/models/own-password.server";
import { requireUser } from "~/permissions.server";
import { getSession } from "~/session.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  return { username: actor.username, sessions: await countLiveSessions(actor) };
}

type Result = { errors: FieldErrors };

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  const session = await getSession(request);
  if (!session) throw new Response("Forbidden", { status: 403 });
  const form = await readForm(request);
  const ip = clientIpOf(context);
  const intent = form.get("intent");
  if (intent === "revokeOthers") {
    const ended = await endOtherSessions(actor, session.id, { ip });
    return redirectWithFlash("/account/password", {
      kind: "success",
      key: "account.revoked",
      params: { count: ended },
    });
  }
  if (intent !== "change")
    return badRequest<Result>({ errors: { _form: { key: "common.validation.invalidChoice" } } });
  const result = await changeOwnPassword(
    actor,
    session.id,
    {
      current: form.get("currentPassword"),
      next: form.get("newPassword"),
      confirm: form.get("confirmPassword"),
    },
    { ip },
  );
  if (!result.ok) return badRequest<Result>({ errors: result.errors });
  return redirectWithFlash("/account/password", { kind: "success", key: "account.changed" });
}

export default function AccountPassword() {
  const { username, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const errors = actionData?.errors ?? {};
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title={t("account.title")} description={t("account.intro")} />
      <Card>
        <Form method="post" className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="username" value={username} autoComplete="username" />
          {errors._form && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
            >
              {td(errors._form.key)}
            </p>
          )}
          <Field id="currentPassword" label={t("account.current")} error={errors.currentPassword}>
            <input
              {...fieldAria("currentPassword", errors.currentPassword)}
              name="currentPassword"
              type="password"
              autoComplete="current-password"
              required
              maxLength={256}
              className={inputClass}
            />
          </Field>
          <Field
            id="newPassword"
            label={t("account.next")}
            error={errors.newPassword}
            hint={t("account.hint")}
          >
            <input
              {...fieldAria("newPassword", errors.newPassword, true)}
              name="newPassword"
              type="password"
              autoComplete="new-password"
              required
              minLength={8}
              maxLength={128}
              className={inputClass}
            />
          </Field>
          <Field id="confirmPassword" label={t("account.confirm")} error={errors.confirmPassword}>
            <input
              {...fieldAria("confirmPassword", errors.confirmPassword)}
              name="confirmPassword"
              type="password"
              autoComplete="new-password"
              required
              maxLength={128}
              className={inputClass}
            />
          </Field>
          <SubmitButton name="intent" value="change" pendingLabel={t("account.submitting")}>
            {t("account.submit")}
          </SubmitButton>
        </Form>
      </Card>
      <Card title={t("account.sessions")}>
        <p className="text-sm text-slate-600">{t("account.sessionsIntro", { count: sessions })}</p>
        <Form method="post" className="mt-4">
          <SubmitButton name="intent" value="revokeOthers" variant="secondary" disabled={sessions <= 1}>
            {t("account.revokeOthers")}
          </SubmitButton>
        </Form>
      </Card>
    </div>
  );
}
