import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { NewPasswordField, PostForm, TextField } from "~/components/form-kit";
import { Card, PageHeader, SubmitButton } from "~/components/ui";
import { clientIpOf } from "~/client-ip.server";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { changeOwnPassword, countLiveSessions, endOtherSessions } from "~/models/own-password.server";
import { requireUser } from "~/permissions.server";
import { getSession } from "~/session.server";
import { dispatchIntent, replyWithErrors } from "~/utils/form-action.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  return { username: actor.username, sessions: await countLiveSessions(actor) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  const session = await getSession(request);
  if (!session) throw new Response("Forbidden", { status: 403 });
  const form = await readForm(request);
  const ip = clientIpOf(context);
  return dispatchIntent(form, {
    revokeOthers: async () => {
      const ended = await endOtherSessions(actor, session.id, { ip });
      return redirectWithFlash("/account/password", {
        kind: "success",
        key: "account.revoked",
        params: { count: ended },
      });
    },
    change: async () => {
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
      if (!result.ok) return replyWithErrors({ errors: result.errors, values: {} });
      return redirectWithFlash("/account/password", { kind: "success", key: "account.changed" });
    },
  });
}

export default function AccountPassword() {
  const { username, sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-6">
      <PageHeader title={t("account.title")} description={t("account.intro")} />
      <Card>
        <PostForm result={actionData} className="flex flex-col gap-4">
          <input type="hidden" name="username" value={username} autoComplete="username" />
          <TextField
            name="currentPassword"
            type="password"
            label={t("account.current")}
            autoComplete="current-password"
            required
            maxLength={256}
          />
          <NewPasswordField
            name="newPassword"
            label={t("account.next")}
            hint={t("account.hint")}
            required
            minLength={8}
          />
          <NewPasswordField name="confirmPassword" label={t("account.confirm")} required />
          <SubmitButton name="intent" value="change" pendingLabel={t("account.submitting")}>
            {t("account.submit")}
          </SubmitButton>
        </PostForm>
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
