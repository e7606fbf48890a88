import type { SerializeFrom } from "@remix-run/node";

import { PostForm, SelectField, type AnyFormResult } from "~/components/form-kit";
import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState, SubmitButton } from "~/components/ui";
import { DEFAULT_GRACE_HOURS, GRACE_HOURS } from "~/domain/api-credentials";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Client = SerializeFrom<typeof loader>["clients"][number];

/** The issued credentials: key, bank, secret hint, dates, status, and per live key rotate and revoke. */
export function ClientsTable({ clients, result }: { clients: Client[]; result: AnyFormResult }) {
  const t = useT();
  const locale = useLocale();
  const columns: Column<Client>[] = [
    {
      key: "key",
      header: t("api.admin.columns.key"),
      className: "font-mono",
      cell: (client) => (
        <>
          {client.keyId}
          {client.label && <div className="font-sans text-xs text-slate-500">{client.label}</div>}
        </>
      ),
    },
    {
      key: "bank",
      header: t("api.admin.columns.bank"),
      cell: (client) => (locale === "zh-CN" ? client.bank.name : client.bank.nameEn),
    },
    {
      key: "secret",
      header: t("api.admin.columns.secret"),
      className: "font-mono",
      cell: (client) => `…${client.secretHint}`,
    },
    {
      key: "issued",
      header: t("api.admin.columns.issued"),
      className: "tabular-nums",
      cell: (client) => (
        <>
          {formatDateTime(client.createdAt, locale)}
          {client.rotatedAt && (
            <div className="text-xs text-slate-500">
              {t("api.admin.columns.rotated")} {formatDateTime(client.rotatedAt, locale)}
            </div>
          )}
        </>
      ),
    },
    {
      key: "lastUsed",
      header: t("api.admin.columns.lastUsed"),
      className: "tabular-nums",
      cell: (client) =>
        client.lastUsedAt ? formatDateTime(client.lastUsedAt, locale) : t("api.admin.never"),
    },
    {
      key: "status",
      header: t("api.admin.columns.status"),
      cell: (client) => (
        <>
          {client.revokedAt ? (
            <Badge tone="red">{t("api.admin.revoked")}</Badge>
          ) : (
            <Badge tone="green">{t("api.admin.active")}</Badge>
          )}
          {!client.revokedAt &&
            client.previousValidUntil &&
            new Date(client.previousValidUntil) > new Date() && (
              <div className="text-xs text-slate-500">
                {t("api.admin.grace", { time: formatDateTime(client.previousValidUntil, locale) })}
              </div>
            )}
        </>
      ),
    },
    {
      key: "actions",
      header: t("api.admin.columns.actions"),
      cell: (client) =>
        !client.revokedAt && (
          <div className="flex flex-col gap-2">
            <PostForm
              result={result}
              intent="rotate"
              rowId={client.id}
              idPrefix={`${client.id}-`}
              defaults={{ graceHours: String(DEFAULT_GRACE_HOURS) }}
              className="flex flex-wrap items-end gap-2"
            >
              <input type="hidden" name="id" value={client.id} />
              <SelectField
                name="graceHours"
                label={t("api.admin.graceHours")}
                options={GRACE_HOURS.map((hours) => ({
                  value: String(hours),
                  label: t("api.admin.graceOption", { hours }),
                }))}
              />
              <SubmitButton
                name="intent"
                value="rotate"
                variant="secondary"
                pendingLabel={t("api.admin.rotating")}
              >
                {t("api.admin.rotate")}
              </SubmitButton>
            </PostForm>
            <PostForm
              result={result}
              intent="revoke"
              rowId={client.id}
              onSubmit={(event) => {
                if (!window.confirm(t("api.admin.revokeConfirm", { key: client.keyId })))
                  event.preventDefault();
              }}
            >
              <input type="hidden" name="id" value={client.id} />
              <SubmitButton
                name="intent"
                value="revoke"
                variant="danger"
                pendingLabel={t("api.admin.revoking")}
              >
                {t("api.admin.revoke")}
              </SubmitButton>
            </PostForm>
          </div>
        ),
    },
  ];
  return (
    <DataTable
      label={t("api.admin.title")}
      rows={clients}
      rowKey={(client) => client.id}
      columns={columns}
      dense
      empty={<EmptyState title={t("api.admin.empty")} />}
    />
  );
}
