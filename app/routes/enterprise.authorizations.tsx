import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { ScrollRegion } from "~/components/list-kit";
import { Pagination } from "~/components/pagination";
import { Badge, Card, Field, PageHeader, SubmitButton, fieldAria, inputClass } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { addDays, endOfShanghaiDay, isIsoDay, shanghaiDate } from "~/domain/shanghai-time";
import { AUTHORIZATION_SCOPES } from "~/domain/enterprise-terms";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import {
  grantAuthorization,
  listGrantableBanks,
  listOwnAuthorizations,
  maxAuthorizationExpiry,
  revokeAuthorization,
} from "~/models/authorization.server";
import { formKeyOf, newFormKey } from "~/models/form-key.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { parseForm } from "~/utils/forms";
import { badRequest, json } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

const PAGE_SIZE = 20;
const ALL_BANKS = "ALL";

const grantSchema = z.object({
  bankId: z.string().trim().min(1, "enterprise.authorizations.errors.unknownBank").max(40),
  scope: z.enum(AUTHORIZATION_SCOPES),
  expiresOn: z.string().trim().refine(isIsoDay, "enterprise.authorizations.errors.expiryRange"),
});
const revokeSchema = z.object({ id: z.string().min(1).max(40) });

/** The default and latest expiry day: one year from today, minus a day, ending 23:59 Shanghai. */
function maxExpiryDay(now: Date) {
  return addDays(shanghaiDate(maxAuthorizationExpiry(now)), -1);
}

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const pageParam = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const now = new Date();
  const [lists, banks] = await Promise.all([
    listOwnAuthorizations(actor, { page, pageSize: PAGE_SIZE, now }),
    listGrantableBanks(),
  ]);
  return {
    ...lists,
    banks,
    page,
    today: shanghaiDate(now),
    maxDay: maxExpiryDay(now),
    now: now.toISOString(),
    formKey: newFormKey(),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const form = await readForm(request);
  const intent = form.get("intent");
  if (intent === "grant") return grant();
  if (intent === "revoke") return revoke();
  return badRequest({ errors: {}, values: {}, formError: "common.errors.badRequestBody" });

  async function grant() {
    const parsed = parseForm(grantSchema, form);
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
    const parsed = parseForm(revokeSchema, form);
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
  const locale = useLocale();
  const errors = (actionData?.errors ?? {}) as Record<string, { key: string }>;
  const values = (actionData?.values ?? {}) as Record<string, string>;
  const bankName = (bank: { name: string; nameEn: string } | null) =>
    bank ? (locale === "zh-CN" ? bank.name : bank.nameEn) : t("enterprise.authorizations.allBanks");
  const origin = (a: (typeof active)[number]) =>
    a.origin === "APPLICATION"
      ? t("enterprise.authorizations.origin.APPLICATION", { number: a.application?.number ?? "" })
      : t("enterprise.authorizations.origin.MANUAL");
  const th = "px-3 py-2 text-left font-medium text-slate-600";
  const td_ = "px-3 py-2 align-top";
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
      <Card title={t("enterprise.authorizations.grantTitle")}>
        <Form method="post" className="grid gap-4 md:grid-cols-4 md:items-end" noValidate>
          <input type="hidden" name="formKey" value={formKey} />
          <Field id="bankId" label={t("enterprise.authorizations.bank")} error={errors.bankId}>
            <select
              {...fieldAria("bankId", errors.bankId)}
              name="bankId"
              defaultValue={values.bankId ?? ""}
              className={inputClass}
            >
              <option value="">{t("enterprise.authorizations.chooseBank")}</option>
              <option value={ALL_BANKS}>{t("enterprise.authorizations.allBanks")}</option>
              {banks.map((b) => (
                <option key={b.id} value={b.id}>
                  {bankName(b)}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="flex flex-col gap-1">
            <legend className="text-sm font-medium text-slate-800">
              {t("enterprise.authorizations.scope")}
            </legend>
            {AUTHORIZATION_SCOPES.map((scope) => (
              <label
                key={scope}
                className="flex items-start gap-2 text-sm"
                title={td(`enterprise.authorizations.scopeHint.${scope}`)}
              >
                <input
                  type="radio"
                  name="scope"
                  value={scope}
                  defaultChecked={(values.scope ?? "FULL") === scope}
                  className="mt-1"
                />
                <span>{td(`domain.scope.${scope}`)}</span>
              </label>
            ))}
          </fieldset>
          <Field
            id="expiresOn"
            label={t("enterprise.authorizations.expiresOn")}
            error={errors.expiresOn}
            hint={t("enterprise.authorizations.expiresHint")}
          >
            <input
              {...fieldAria("expiresOn", errors.expiresOn, true)}
              type="date"
              name="expiresOn"
              min={addDays(today, 1)}
              max={maxDay}
              defaultValue={values.expiresOn ?? maxDay}
              className={inputClass}
            />
          </Field>
          <SubmitButton name="intent" value="grant" pendingLabel={t("enterprise.authorizations.granting")}>
            {t("enterprise.authorizations.grant")}
          </SubmitButton>
        </Form>
        <ul className="mt-4 text-xs text-slate-500">
          {AUTHORIZATION_SCOPES.map((scope) => (
            <li key={scope}>{td(`enterprise.authorizations.scopeHint.${scope}`)}</li>
          ))}
        </ul>
      </Card>

      <Card title={t("enterprise.authorizations.active")}>
        {active.length === 0 ? (
          <p className="text-sm text-slate-600">{t("enterprise.authorizations.noActive")}</p>
        ) : (
          <ScrollRegion label={t("enterprise.authorizations.active")}>
            <table className="min-w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  <th className={th}>{t("enterprise.authorizations.columns.bank")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.scope")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.origin")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.grantedAt")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.expiresAt")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.actions")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {active.map((a) => (
                  <tr key={a.id} data-testid="active-authorization">
                    <td className={td_}>{bankName(a.bank)}</td>
                    <td className={td_}>
                      <Badge tone={a.scope === "FULL" ? "blue" : "gray"}>
                        {td(`domain.scope.${a.scope}`)}
                      </Badge>
                    </td>
                    <td className={td_}>{origin(a)}</td>
                    <td className={td_}>{formatDateTime(a.grantedAt, locale)}</td>
                    <td className={td_}>{formatDate(a.expiresAt, locale)}</td>
                    <td className={td_}>
                      <Form method="post">
                        <input type="hidden" name="id" value={a.id} />
                        <SubmitButton
                          name="intent"
                          value="revoke"
                          variant="secondary"
                          pendingLabel={t("enterprise.authorizations.revoking")}
                          aria-label={`${t("enterprise.authorizations.revoke")} ${bankName(a.bank)}`}
                        >
                          {t("enterprise.authorizations.revoke")}
                        </SubmitButton>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </Card>

      <Card title={t("enterprise.authorizations.past")}>
        {past.length === 0 ? (
          <p className="text-sm text-slate-600">{t("enterprise.authorizations.noPast")}</p>
        ) : (
          <ScrollRegion label={t("enterprise.authorizations.past")}>
            <table className="min-w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  <th className={th}>{t("enterprise.authorizations.columns.bank")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.scope")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.origin")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.grantedAt")}</th>
                  <th className={th}>{t("enterprise.authorizations.columns.status")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {past.map((a) => (
                  <tr key={a.id}>
                    <td className={td_}>{bankName(a.bank)}</td>
                    <td className={td_}>{td(`domain.scope.${a.scope}`)}</td>
                    <td className={td_}>{origin(a)}</td>
                    <td className={td_}>{formatDateTime(a.grantedAt, locale)}</td>
                    <td className={td_}>
                      {a.revokedAt && a.revokedAt < a.expiresAt && a.revokedAt <= now
                        ? t("enterprise.authorizations.status.revoked", {
                            date: formatDateTime(a.revokedAt, locale),
                          })
                        : t("enterprise.authorizations.status.expired")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={pastTotal} />
      </Card>
    </div>
  );
}
