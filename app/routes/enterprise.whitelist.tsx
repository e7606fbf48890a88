import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { getWhitelistStatus, requestRecommendation } from "~/models/recommendation-request.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const requestSchema = z.object({ note: z.string().trim().max(500).optional().default("") });
const ERROR_KEYS = {
  ALREADY_OPEN: "enterprise.whitelist.errors.alreadyOpen",
  WHITELISTED: "enterprise.whitelist.errors.whitelisted",
  DISHONEST: "enterprise.whitelist.errors.dishonest",
} as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const status = await getWhitelistStatus(actor);
  if (!status) notFound();
  return status;
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const parsed = parseForm(requestSchema, await readForm(request));
  if (!parsed.ok)
    return badRequest({ errors: parsed.errors, values: parsed.values, formError: null as string | null });
  const result = await requestRecommendation(actor, parsed.data.note);
  if (!result.ok)
    return badRequest({
      errors: {},
      values: { note: parsed.data.note },
      formError: ERROR_KEYS[result.error] as string | null,
    });
  return redirectWithFlash("/enterprise/whitelist", {
    kind: "success",
    key: "enterprise.whitelist.requested",
  });
}

export default function Whitelist() {
  const { enterprise, whitelisted, entries, recommendations, open } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = (actionData?.errors ?? {}) as Record<string, { key: string }>;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const office = locale === "zh-CN" ? enterprise.subDistrict.name : enterprise.subDistrict.nameEn;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("enterprise.whitelist.title")} description={t("enterprise.whitelist.intro")} />
      <EnterpriseNav />
      <Card title={t("enterprise.whitelist.status")}>
        <p data-testid="whitelist-status">
          {whitelisted ? (
            <Badge tone="green">
              {t("enterprise.whitelist.whitelisted", {
                date: formatDate(enterprise.whitelistedUntil!, locale),
              })}
            </Badge>
          ) : (
            <Badge>{t("enterprise.whitelist.notWhitelisted")}</Badge>
          )}
        </p>
        {enterprise.onDishonestyList && (
          <p className="mt-2 text-sm text-red-700">{t("enterprise.whitelist.dishonest")}</p>
        )}
        {open && (
          <p className="mt-2 text-sm text-slate-700">
            {t("enterprise.whitelist.openRequest", {
              status: td(`enterprise.whitelist.recommendationStatus.${open.status}`),
              date: formatDate(open.createdAt, locale),
            })}
          </p>
        )}
      </Card>
      {!whitelisted && !open && !enterprise.onDishonestyList && (
        <Card title={t("enterprise.whitelist.requestTitle")}>
          {actionData?.formError && (
            <p
              role="alert"
              className="mb-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200"
            >
              {td(actionData.formError)}
            </p>
          )}
          <p className="mb-3 text-sm text-slate-600">{t("enterprise.whitelist.requestHint", { office })}</p>
          <Form method="post" className="flex flex-col gap-3" noValidate>
            <Field
              id="note"
              label={t("enterprise.whitelist.note")}
              error={errors.note}
              hint={t("enterprise.whitelist.noteHint")}
            >
              <textarea
                {...fieldAria("note", errors.note, true)}
                name="note"
                rows={3}
                maxLength={500}
                defaultValue={values.note ?? ""}
                className={inputClass}
              />
            </Field>
            <div>
              <SubmitButton pendingLabel={t("enterprise.whitelist.submitting")}>
                {t("enterprise.whitelist.request")}
              </SubmitButton>
            </div>
          </Form>
        </Card>
      )}
      {actionData?.formError && (whitelisted || open || enterprise.onDishonestyList) && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          {td(actionData.formError)}
        </p>
      )}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title={t("enterprise.whitelist.recommendations")}>
          {recommendations.length === 0 ? (
            <p className="text-sm text-slate-600">{t("enterprise.whitelist.noRecommendations")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {recommendations.map((r) => (
                <li key={r.id} className="flex flex-col gap-1 py-2">
                  <div className="flex flex-wrap justify-between gap-2">
                    <span className="font-medium">
                      {td(`enterprise.whitelist.recommendationStatus.${r.status}`)}
                    </span>
                    <span className="text-slate-500">{formatDate(r.createdAt, locale)}</span>
                  </div>
                  {r.requestNote && <p className="text-slate-600">{r.requestNote}</p>}
                  {r.reviewNote && <p className="text-slate-700">{r.reviewNote}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("enterprise.whitelist.entries")}>
          {entries.length === 0 ? (
            <p className="text-sm text-slate-600">{t("enterprise.whitelist.noEntries")}</p>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {entries.map((e) => (
                <li key={e.id} className="flex flex-col gap-1 py-2">
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <span>
                      {t("enterprise.whitelist.batch", {
                        name: e.batch.name,
                        from: formatDate(e.batch.validFrom, locale),
                        until: formatDate(e.batch.validUntil, locale),
                      })}
                    </span>
                    <Badge tone={e.status === "ACTIVE" ? "green" : "red"}>
                      {td(`enterprise.whitelist.entryStatus.${e.status}`)}
                    </Badge>
                  </div>
                  {e.statusReason && <p className="text-slate-600">{e.statusReason}</p>}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </div>
  );
}
