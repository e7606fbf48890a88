import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { AdminNav } from "~/components/gov-nav";
import { Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT, useTDynamic } from "~/i18n/use-t";
import { saveSettings } from "~/models/admin.server";
import { SETTING_KEYS, SETTING_RANGES } from "~/models/gov-codes";
import { getSettings, type SettingKey } from "~/models/settings.server";
import { requireBureauUser } from "~/permissions.server";
import { parseForm, type FieldErrors } from "~/utils/forms";
import { badRequest } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { settingsSchema } from "./schema.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireBureauUser(request);
  const settings = await getSettings();
  return {
    values: Object.fromEntries(SETTING_KEYS.map((key) => [key, settings[key]])) as Record<SettingKey, number>,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = withClientIp(await requireBureauUser(request), context);
  const parsed = parseForm(settingsSchema(), await readForm(request));
  if (!parsed.ok)
    return badRequest<{ errors: FieldErrors; values: Record<string, string | string[]> }>({
      errors: parsed.errors,
      values: parsed.values,
    });
  await saveSettings(actor, parsed.data as Record<SettingKey, number>);
  return redirectWithFlash("/gov/admin/settings", { kind: "success", key: "gov.admin.flash.saved" });
}

export default function AdminSettings() {
  const { values } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const errors = actionData?.errors ?? {};
  const id = (key: string) => key.replace(/\./g, "-");
  return (
    <div className="flex flex-col gap-6">
      <AdminNav />
      <PageHeader title={t("gov.admin.settings.title")} description={t("gov.admin.settings.intro")} />
      <Card className="max-w-2xl">
        <Form method="post" className="flex flex-col gap-4" noValidate>
          {SETTING_KEYS.map((key) => {
            const echoed = actionData?.values[key];
            const [min, max] = SETTING_RANGES[key];
            return (
              <Field
                key={key}
                id={id(key)}
                label={td(`gov.admin.settings.keys.${id(key)}`)}
                error={errors[key]}
                hint={t("gov.admin.settings.range", { min, max })}
              >
                <input
                  {...fieldAria(id(key), errors[key], true)}
                  name={key}
                  inputMode="numeric"
                  defaultValue={typeof echoed === "string" ? echoed : String(values[key])}
                  className={`${inputClass} max-w-40`}
                />
              </Field>
            );
          })}
          <div>
            <SubmitButton pendingLabel={t("common.actions.saving")}>{t("common.actions.save")}</SubmitButton>
          </div>
        </Form>
      </Card>
    </div>
  );
}
