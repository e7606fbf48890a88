import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { Badge, EmptyState } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { PAGE_SIZE } from "~/domain/list-query";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Account = Data["accounts"][number];

/** The accounts, a page at a time: name, role, organisation, state, last sign-in. */
export function AccountsTable({
  accounts,
  total,
  page,
  now,
}: Pick<Data, "accounts" | "total" | "page" | "now">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const columns: Column<Account>[] = [
    {
      key: "username",
      header: t("gov.admin.accounts.username"),
      cell: (a) => (
        <>
          <Link to={`/gov/admin/accounts/${a.id}`} className="font-medium text-brand-700 hover:underline">
            {a.username}
          </Link>
          <p className="text-xs text-slate-500">{a.displayName}</p>
        </>
      ),
    },
    { key: "role", header: t("gov.admin.accounts.role"), cell: (a) => td(`common.roles.${a.role}`) },
    {
      key: "organisation",
      header: t("gov.admin.accounts.organisation"),
      cell: (a) => {
        const org = a.bank ?? a.subDistrict;
        return org ? (locale === "zh-CN" ? org.name : org.nameEn) : t("gov.common.none");
      },
    },
    {
      key: "state",
      header: t("gov.admin.accounts.state"),
      cell: (a) => (
        <span className="flex flex-wrap gap-1">
          {a.disabledAt ? (
            <Badge tone="red">{t("gov.admin.accounts.disabled")}</Badge>
          ) : (
            <Badge tone="green">{t("gov.admin.accounts.active")}</Badge>
          )}
          {a.lockedUntil && a.lockedUntil > now && (
            <Badge tone="amber">{t("gov.admin.accounts.locked")}</Badge>
          )}
        </span>
      ),
    },
    {
      key: "lastLogin",
      header: t("gov.admin.accounts.lastLogin"),
      nowrap: true,
      cell: (a) => (a.lastLoginAt ? formatDateTime(a.lastLoginAt, locale) : t("gov.common.none")),
    },
  ];
  return (
    <DataTable
      label={t("gov.admin.accounts.title")}
      rows={accounts}
      rowKey={(a) => a.id}
      columns={columns}
      stickyFirst={false}
      empty={<EmptyState title={t("gov.admin.accounts.empty")} />}
      pagination={{ page, pageSize: PAGE_SIZE, total }}
    />
  );
}
