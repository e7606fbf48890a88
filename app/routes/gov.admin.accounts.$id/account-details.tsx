import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { DetailList, DetailRow } from "~/components/detail-list";
import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Account = SerializeFrom<typeof loader>["account"];

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
      <DetailList>
        <DetailRow wide label={t("gov.admin.accounts.role")}>
          {td(`common.roles.${a.role}`)}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.organisation")}>
          {org ? (locale === "zh-CN" ? org.name : org.nameEn) : t("gov.common.none")}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.mobile")}>
          {a.mobile ?? t("gov.common.none")}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.state")}>
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
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.failedLogins")}>
          {a.failedLoginCount}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.sessions")}>
          {a._count.sessions}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.lastLogin")}>
          {a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t("gov.common.none")}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.passwordChanged")}>
          {formatDateTime(a.passwordChangedAt, locale)}
        </DetailRow>
        <DetailRow wide label={t("gov.admin.accounts.created")}>
          {formatDateTime(a.createdAt, locale)}
        </DetailRow>
      </DetailList>
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
