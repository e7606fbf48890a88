import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { FormScope, TextField } from "~/components/form-kit";
import { Card, SubmitButton } from "~/components/ui";
import { LoginError, signIn } from "~/auth.server";
import { clientIpOf } from "~/client-ip.server";
import { getEnv } from "~/env.server";
import { flashHeader } from "~/flash.server";
import { formatDateTime } from "~/domain/format-date";
import { getLocale } from "~/i18n/locale.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { homePathFor } from "~/models/actor";
import { DEMO_PASSWORD, DEMO_USERNAMES } from "~/models/demo";
import { getActorById } from "~/models/user.server";
import { getActor } from "~/permissions.server";
import { createSession } from "~/session.server";
import { safeRedirectPath } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  if (actor) throw redirect(homePathFor(actor.role));
  return { demo: getEnv().MOCKS ? { usernames: DEMO_USERNAMES, password: DEMO_PASSWORD } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request.clone());
  const username = String(form.get("username") ?? "").slice(0, 64);
  const ip = clientIpOf(context);
  let userId: string;
  try {
    userId = await signIn(request, ip);
  } catch (error) {
    if (!(error instanceof LoginError)) throw error;
    const locale = await getLocale(request);
    const until = error.lockedUntil ? formatDateTime(error.lockedUntil, locale) : "";
    const key =
      error.reason === "locked"
        ? "auth.accountLocked"
        : error.reason === "disabled"
          ? "auth.accountDisabled"
          : error.reason === "throttled"
            ? "auth.tooManyAttempts"
            : "auth.invalidCredentials";
    return json(
      { error: { key, params: { until } }, username },
      { status: error.reason === "throttled" ? 429 : 400 },
    );
  }
  const actor = await getActorById(userId);
  if (!actor) return json({ error: { key: "auth.accountDisabled", params: {} }, username }, { status: 400 });
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, userId, { ip }));
  headers.append(
    "Set-Cookie",
    await flashHeader({ kind: "success", key: "common.flash.signedIn", params: { name: actor.displayName } }),
  );
  const requested = safeRedirectPath(form.get("redirectTo"), "");
  return redirect(requested || homePathFor(actor.role), { headers });
}

export default function Login() {
  const { demo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  return (
    <div className="mx-auto flex max-w-md flex-col gap-6">
      <Card>
        <h1 className="text-2xl font-bold">{t("auth.loginTitle")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("auth.loginIntro")}</p>
        <Form method="post" className="mt-6 flex flex-col gap-4" noValidate>
          <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
          {actionData?.error && (
            <p
              role="alert"
              id="login-error"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
            >
              {td(actionData.error.key, actionData.error.params)}
            </p>
          )}
          <FormScope defaults={{ username: actionData?.username }}>
            <TextField
              name="username"
              label={t("auth.username")}
              autoComplete="username"
              required
              maxLength={64}
              aria-describedby={actionData?.error ? "login-error" : undefined}
            />
            <TextField
              name="password"
              type="password"
              label={t("auth.password")}
              autoComplete="current-password"
              required
              maxLength={256}
            />
          </FormScope>
          <SubmitButton pendingLabel={t("auth.submitting")} className="w-full">
            {t("auth.submit")}
          </SubmitButton>
        </Form>
        <p className="mt-4 text-sm text-slate-600">
          {t("auth.noAccount")}{" "}
          <Link to="/register" className="font-medium text-brand-700 hover:underline">
            {t("auth.registerLink")}
          </Link>
        </p>
      </Card>
      {demo && (
        <Card title={t("auth.demoAccounts")}>
          <ul className="grid grid-cols-2 gap-2 text-sm">
            {demo.usernames.map((name) => (
              <li key={name}>
                <code className="rounded bg-slate-100 px-1.5 py-0.5">{name}</code>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-600">{t("auth.demoPassword", { password: demo.password })}</p>
        </Card>
      )}
    </div>
  );
}
