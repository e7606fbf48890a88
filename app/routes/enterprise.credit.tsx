import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";

import { EnterpriseNav } from "~/components/enterprise-nav";
import {
  Badge,
  Card,
  EmptyState,
  Field,
  PageHeader,
  SubmitButton,
  fieldAria,
  inputClass,
} from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { getLocale } from "~/i18n/locale.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import {
  getOwnCreditProfile,
  objectableRecords,
  refreshOwnCreditProfile,
} from "~/models/credit-profile.server";
import { fileObjection } from "~/models/objection.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, notFound } from "~/utils/http.server";
import { json } from "@remix-run/node";
import { readForm } from "~/utils/read-form.server";

const objectionSchema = z.object({
  record: z
    .string()
    .min(1, "enterprise.credit.chooseRecord")
    .max(400)
    .refine((v) => v.includes("::"), "enterprise.credit.chooseRecord"),
  reason: z.string().trim().min(10, "enterprise.credit.errors.reasonShort").max(1000),
  attachmentNote: z.string().trim().max(500).optional().default(""),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const profile = await getOwnCreditProfile(actor);
  if (!profile) notFound();
  return { ...profile, records: objectableRecords(profile.sources) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "refresh") return refresh();
  if (intent === "object") return object();
  return badRequest({
    intent: "unknown" as const,
    errors: { _form: { key: "common.validation.invalidChoice" } },
    values: {},
    notice: null,
  });

  async function refresh() {
    const result = await refreshOwnCreditProfile(actor);
    if (result.ok) {
      return redirectWithFlash("/enterprise/credit", {
        kind: "success",
        key: result.suspended ? "enterprise.credit.refreshedSuspended" : "enterprise.credit.refreshed",
      });
    }
    const locale = await getLocale(request);
    const notice =
      result.error === "TOO_SOON"
        ? { key: "enterprise.credit.tooSoon", params: { date: formatDateTime(result.nextAt, locale) } }
        : { key: "enterprise.credit.lastError", params: {} };
    return json(
      { intent: "refresh" as const, errors: {}, values: {}, notice },
      { status: result.error === "TOO_SOON" ? 429 : 503 },
    );
  }

  async function object() {
    const parsed = parseForm(objectionSchema, form);
    if (!parsed.ok)
      return badRequest({
        intent: "object" as const,
        errors: parsed.errors,
        values: parsed.values,
        notice: null,
      });
    const [source, ...rest] = parsed.data.record.split("::");
    const result = await fileObjection(actor, {
      source,
      recordKey: rest.join("::"),
      reason: parsed.data.reason,
      attachmentNote: parsed.data.attachmentNote,
    });
    if (!result.ok) {
      const key =
        result.error === "ALREADY_OPEN"
          ? "enterprise.credit.errors.alreadyOpen"
          : "enterprise.credit.errors.noSuchRecord";
      return badRequest({
        intent: "object" as const,
        errors: { record: { key } },
        values: {
          record: parsed.data.record,
          reason: parsed.data.reason,
          attachmentNote: parsed.data.attachmentNote,
        },
        notice: null,
      });
    }
    return redirectWithFlash("/enterprise/credit#objections", {
      kind: "success",
      key: "enterprise.credit.filed",
    });
  }
}

type SourceData = Record<string, unknown> & { items?: Record<string, unknown>[] };

function SourceBody({ source, data }: { source: string; data: SourceData }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const label = (field: string) => td(`enterprise.credit.fields.${field}`);
  const value = (field: string, v: unknown) => {
    if (
      ["taxPaid", "amount", "waterArrears", "powerArrears", "gasArrears"].includes(field) &&
      typeof v === "number"
    )
      return formatYuan(v, locale);
    if (field === "repaired")
      return v ? t("enterprise.credit.fields.repairedYes") : t("enterprise.credit.fields.repairedNo");
    return String(v);
  };
  if (Array.isArray(data.items)) {
    if (!data.items.length) return <p className="text-sm text-slate-600">{t("enterprise.credit.noItems")}</p>;
    return (
      <ul className="flex flex-col gap-3 text-sm">
        {data.items.map((item, i) => (
          <li key={i} className="rounded-md bg-slate-50 p-3">
            <dl className="grid gap-1 sm:grid-cols-2">
              {Object.entries(item).map(([field, v]) => (
                <div key={field} className="flex gap-2">
                  <dt className="shrink-0 text-slate-500">{label(field)}</dt>
                  <dd className="break-all">{value(field, v)}</dd>
                </div>
              ))}
            </dl>
            {source === "penalties" || source === "dishonestyList" || source === "licenses" ? (
              <Link
                to={`?record=${encodeURIComponent(`${source}::${source === "penalties" ? String(item.decisionNo) : source === "licenses" ? String(item.licenseNo) : `${String(item.listName)}:${String(item.listedOn)}`}`)}#objection`}
                className="mt-2 inline-block text-brand-700 hover:underline"
              >
                {t("enterprise.credit.objectThis")}
              </Link>
            ) : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2">
      {Object.entries(data)
        .filter(([field]) => field !== "updatedAt")
        .map(([field, v]) => (
          <div key={field}>
            <dt className="text-slate-500">{label(field)}</dt>
            <dd className="font-medium tabular-nums">{value(field, v)}</dd>
          </div>
        ))}
    </dl>
  );
}

export default function CreditProfilePage() {
  const { enterprise, sources, objections, nextRefreshAt, refreshMinutes, records } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const errors = (actionData?.intent === "object" ? actionData.errors : {}) as Record<
    string,
    { key: string; params?: Record<string, string> }
  >;
  const values = (actionData?.intent === "object" ? actionData.values : {}) as Record<string, string>;
  const preselected = values.record ?? params.get("record") ?? "";
  const failed = Boolean(enterprise.creditRefreshError);
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("enterprise.credit.title")}
        description={t("enterprise.credit.intro")}
        actions={
          <Form method="post">
            <SubmitButton
              name="intent"
              value="refresh"
              variant="secondary"
              pendingLabel={t("enterprise.credit.refreshing")}
            >
              {t("enterprise.credit.refresh")}
            </SubmitButton>
          </Form>
        }
      />
      <EnterpriseNav />
      <div className="flex flex-col gap-2 text-sm" aria-live="polite">
        <p className="text-slate-700">
          {enterprise.creditRefreshedAt
            ? t("enterprise.credit.refreshedAt", {
                date: formatDateTime(enterprise.creditRefreshedAt, locale),
              })
            : t("enterprise.credit.neverFetched")}
          {nextRefreshAt && (
            <span className="ml-2 text-slate-500">
              {t("enterprise.credit.nextRefresh", {
                minutes: refreshMinutes,
                date: formatDateTime(nextRefreshAt, locale),
              })}
            </span>
          )}
        </p>
        {actionData?.notice && (
          <p role="alert" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
            {td(actionData.notice.key, actionData.notice.params)}
          </p>
        )}
        {failed && !actionData?.notice && (
          <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 ring-1 ring-amber-200">
            {enterprise.creditRefreshedAt
              ? t("enterprise.credit.platformFailed", {
                  date: formatDateTime(enterprise.creditRefreshedAt, locale),
                })
              : t("enterprise.credit.platformFailedNoData")}
          </p>
        )}
      </div>
      {sources.length === 0 ? (
        <EmptyState
          title={t("enterprise.credit.neverFetched")}
          hint={t("enterprise.credit.platformFailedNoData")}
        />
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {sources.map((s) => (
            <Card
              key={s.source}
              title={td(`enterprise.credit.sources.${s.source}`)}
              actions={
                <span className="text-xs text-slate-500">
                  {t("enterprise.credit.asOf", { date: formatDateTime(s.asOf, locale) })}
                </span>
              }
            >
              <SourceBody source={s.source} data={s.data as SourceData} />
            </Card>
          ))}
        </div>
      )}

      <Card title={t("enterprise.credit.objectionTitle")}>
        <Form method="post" id="objection" className="flex flex-col gap-4" noValidate>
          <Field id="record" label={t("enterprise.credit.record")} error={errors.record}>
            <select
              {...fieldAria("record", errors.record)}
              name="record"
              defaultValue={preselected}
              key={preselected}
              className={inputClass}
            >
              <option value="">{t("enterprise.credit.chooseRecord")}</option>
              {records.map((r) => (
                <option key={`${r.source}::${r.recordKey}`} value={`${r.source}::${r.recordKey}`}>
                  {`${td(`enterprise.credit.sources.${r.source}`)} · ${r.recordSummary}`}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="reason"
            label={t("enterprise.credit.reason")}
            error={errors.reason}
            hint={t("enterprise.credit.reasonHint")}
          >
            <textarea
              {...fieldAria("reason", errors.reason, true)}
              name="reason"
              rows={4}
              maxLength={1000}
              defaultValue={values.reason ?? ""}
              className={inputClass}
            />
          </Field>
          <Field
            id="attachmentNote"
            label={t("enterprise.credit.attachmentNote")}
            error={errors.attachmentNote}
            hint={t("enterprise.credit.attachmentNoteHint")}
          >
            <input
              {...fieldAria("attachmentNote", errors.attachmentNote, true)}
              name="attachmentNote"
              maxLength={500}
              defaultValue={values.attachmentNote ?? ""}
              className={inputClass}
            />
          </Field>
          <div>
            <SubmitButton name="intent" value="object" pendingLabel={t("enterprise.credit.filing")}>
              {t("enterprise.credit.fileObjection")}
            </SubmitButton>
          </div>
        </Form>
      </Card>

      <Card title={t("enterprise.credit.objections")}>
        <div id="objections" />
        {objections.length === 0 ? (
          <p className="text-sm text-slate-600">{t("enterprise.credit.noObjections")}</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {objections.map((o) => (
              <li key={o.id} className="flex flex-col gap-1 py-3">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={o.status === "OPEN" ? "amber" : o.status === "ACCEPTED" ? "green" : "red"}>
                    {td(`enterprise.credit.objectionStatus.${o.status}`)}
                  </Badge>
                  {o.resolution && (
                    <Badge tone="green">{td(`enterprise.credit.resolution.${o.resolution}`)}</Badge>
                  )}
                  <span className="font-medium">{td(`enterprise.credit.sources.${o.source}`)}</span>
                  <span className="text-slate-500">{formatDate(o.createdAt, locale)}</span>
                </div>
                <p className="text-slate-700">{o.recordSummary}</p>
                <p className="text-slate-600">{o.reason}</p>
                {o.status === "OPEN" && (
                  <p className="text-xs text-slate-500">
                    {t("enterprise.credit.due", { date: formatDate(o.dueAt, locale) })}
                  </p>
                )}
                {o.responseText && (
                  <p className="text-slate-700">
                    {t("enterprise.credit.response", { text: o.responseText })}
                  </p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
