import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";

import { clientIpOf } from "~/client-ip.server";
import { PostForm } from "~/components/form-kit";
import { InvitationNote } from "~/components/invitation-note";
import { Card, Field, PageHeader, SubmitButton, buttonClass, fieldAria, inputClass } from "~/components/ui";
import { flashHeader } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { homePathFor } from "~/models/actor";
import { registerEnterprise } from "~/models/registration.server";
import { getActor } from "~/permissions.server";
import { createSession } from "~/session.server";
import { parseForm, type FieldError } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { AccountAndCommitment } from "./account-fields";
import { FirmFields } from "./firm-fields";
import { registrationPage, registrationRefusal } from "./queries.server";
import { registrationSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  if (actor) throw redirect(homePathFor(actor.role));
  return registrationPage(new URL(request.url).searchParams);
}

export async function action({ request, context }: ActionFunctionArgs) {
  if (await getActor(request)) return redirect("/");
  const form = await readForm(request);
  const parsed = parseForm(registrationSchema(), form);
  if (!parsed.ok)
    return badRequest({ errors: parsed.errors, values: parsed.values, formError: null as FieldError | null });
  const result = await registerEnterprise(parsed.data);
  if (!result.ok) {
    const values = Object.fromEntries(
      [...form.entries()]
        .filter(([k]) => !k.toLowerCase().includes("password"))
        .map(([k, v]) => [k, String(v).slice(0, 200)]),
    );
    return badRequest({ ...registrationRefusal(result), values });
  }
  const headers = new Headers();
  headers.append("Set-Cookie", await createSession(request, result.userId, { ip: clientIpOf(context) }));
  headers.append(
    "Set-Cookie",
    await flashHeader({
      kind: "success",
      key: result.creditFetched ? "enterprise.register.registered" : "enterprise.register.registeredNoCredit",
    }),
  );
  return redirect("/enterprise", { headers });
}

export default function Register() {
  const { uscc, registry, lookupError, subDistricts, commitmentVersion, invite, inviteInvalid } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const errors = actionData?.errors ?? {};
  const values = (actionData?.values ?? {}) as Record<string, string>;
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <PageHeader title={t("enterprise.register.title")} description={t("enterprise.register.intro")} />
      <InvitationNote invited={Boolean(invite)} invalid={inviteInvalid} />
      <Card title={t("enterprise.register.step1")}>
        <Form method="get" className="flex flex-col gap-3 sm:flex-row sm:items-end" noValidate>
          {invite && <input type="hidden" name="invite" value={invite.code} />}
          <div className="flex-1">
            <Field
              id="lookup-uscc"
              label={t("enterprise.register.uscc")}
              hint={lookupError ? undefined : t("enterprise.register.usccHint")}
              error={lookupError ?? undefined}
            >
              <input
                {...fieldAria("lookup-uscc", lookupError ?? undefined, !lookupError)}
                name="uscc"
                defaultValue={uscc}
                maxLength={64}
                autoComplete="off"
                spellCheck={false}
                className={`${inputClass} font-mono uppercase`}
                required
              />
            </Field>
          </div>
          <SubmitButton
            variant={registry ? "secondary" : "primary"}
            pendingLabel={t("enterprise.register.lookingUp")}
          >
            {registry ? t("enterprise.register.changeUscc") : t("enterprise.register.lookup")}
          </SubmitButton>
        </Form>
      </Card>

      {registry && (
        <PostForm
          result={actionData}
          alert={false}
          action={`/register?${new URLSearchParams({ uscc: registry.uscc, ...(invite ? { invite: invite.code } : {}) })}`}
          className="flex flex-col gap-6"
        >
          <input type="hidden" name="uscc" value={registry.uscc} />
          {invite && <input type="hidden" name="invitationCode" value={invite.code} />}
          {actionData?.formError && (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
            >
              {td(actionData.formError.key, actionData.formError.params)}
            </p>
          )}
          <Card title={t("enterprise.register.step2")}>
            <FirmFields
              registry={registry}
              subDistricts={subDistricts}
              inviteSubDistrictId={invite?.subDistrictId ?? null}
              errors={errors}
              values={values}
            />
          </Card>

          <AccountAndCommitment commitmentVersion={commitmentVersion} />
          <div className="flex flex-wrap justify-end gap-3">
            <Link to="/register" className={buttonClass("secondary")}>
              {t("common.actions.cancel")}
            </Link>
            <SubmitButton pendingLabel={t("enterprise.register.submitting")}>
              {t("enterprise.register.submit")}
            </SubmitButton>
          </div>
        </PostForm>
      )}
    </div>
  );
}
