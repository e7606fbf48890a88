import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";

import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Account = SerializeFrom<typeof loader>["account"];

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-4">
      <dt className="w-40 shrink-0 text-slate-600">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

/** The account's facts and state, with the disable/enable and unlock buttons. */
export function AccountDetails({
  account: a,
  self,
  locked,
}: {
  account: Account;
  self: boolean;
  locked: boolean;
}) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const org = a.bank ?? a.subDistrict;
  return (
    <Card title={t("gov.admin.accounts.details")}>
      <dl className="flex flex-col gap-2 text-sm">
        <Row label={t("gov.admin.accounts.role")}>{td(`common.roles.${a.role}`)}</Row>
        <Row label={t("gov.admin.accounts.organisation")}>
          {org ? (locale === "zh-CN" ? org.name : org.nameEn) : t("gov.common.none")}
        </Row>
        <Row label={t("gov.admin.accounts.mobile")}>{a.mobile ?? t("gov.common.none")}</Row>
        <Row label={t("gov.admin.accounts.state")}>
          <span className="flex flex-wrap gap-1">
            {a.disabledAt ? (
              <Badge tone="red">
                {t("gov.admin.accounts.disabledSince", { date: formatDateTime(a.disabledAt, locale) })}
              </Badge>
            ) : (
              <Badge tone="green">{t("gov.admin.accounts.active")}</Badge>
            )}
            {locked && a.lockedUntil && (
              <Badge tone="amber">
                {t("gov.admin.accounts.lockedUntil", { date: formatDateTime(a.lockedUntil, locale) })}
              </Badge>
            )}
          </span>
        </Row>
        <Row label={t("gov.admin.accounts.failedLogins")}>{a.failedLoginCount}</Row>
        <Row label={t("gov.admin.accounts.sessions")}>{a._count.sessions}</Row>
        <Row label={t("gov.admin.accounts.lastLogin")}>
          {a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t("gov.common.none")}
        </Row>
        <Row label={t("gov.admin.accounts.passwordChanged")}>
          {formatDateTime(a.passwordChangedAt, locale)}
        </Row>
        <Row label={t("gov.admin.accounts.created")}>{formatDateTime(a.createdAt, locale)}</Row>
      </dl>
      <div className="mt-4 flex flex-wrap gap-2">
        {!self && (
          <Form method="post">
            {a.disabledAt ? (
              <SubmitButton name="intent" value="enable" variant="secondary">
                {t("gov.admin.accounts.enable")}
              </SubmitButton>
            ) : (
              <SubmitButton name="intent" value="disable" variant="danger">
                {t("gov.admin.accounts.disable")}
              </SubmitButton>
            )}
          </Form>
        )}
        {(locked || a.failedLoginCount > 0) && (
          <Form method="post">
            <SubmitButton name="intent" value="unlock" variant="secondary">
              {t("gov.admin.accounts.unlock")}
            </SubmitButton>
          </Form>
        )}
      </div>
    </Card>
  );
}

/** What was done to the account, newest first. */
export function AccountAudit({ audit }: { audit: SerializeFrom<typeof loader>["audit"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("gov.admin.accounts.audit")}>
      {audit.length === 0 ? (
        <p className="text-sm text-slate-600">{t("gov.admin.accounts.noAudit")}</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {audit.map((row) => (
            <li key={row.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>{td(`gov.admin.auditAction.${row.action.replace("account.", "")}`)}</span>
              <span className="text-slate-600">
                {formatDateTime(row.at, locale)}
                {row.actor && ` · ${row.actor.displayName}`}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
