/** The firm's live authorisations (each revocable) and its past ones, a page at a time. */
import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { DataTable, type Column } from "~/components/list-kit";
import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { PAGE_SIZE } from "./constants";
import type { loader } from "./route";
import { useBankName, useOrigin } from "./use-labels";

type Data = SerializeFrom<typeof loader>;
type Authorization = Data["active"][number] | Data["past"][number];

/** The columns both tables open with: the bank, the scope, where the grant came from and when. */
function useGrantColumns<Row extends Authorization>(scopeBadge: boolean): Column<Row>[] {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const bankName = useBankName();
  const origin = useOrigin();
  return [
    { key: "bank", header: t("enterprise.authorizations.columns.bank"), cell: (a) => bankName(a.bank) },
    {
      key: "scope",
      header: t("enterprise.authorizations.columns.scope"),
      cell: (a) =>
        scopeBadge ? (
          <Badge tone={a.scope === "FULL" ? "blue" : "gray"}>{td(`domain.scope.${a.scope}`)}</Badge>
        ) : (
          td(`domain.scope.${a.scope}`)
        ),
    },
    { key: "origin", header: t("enterprise.authorizations.columns.origin"), cell: origin },
    {
      key: "grantedAt",
      header: t("enterprise.authorizations.columns.grantedAt"),
      cell: (a) => formatDateTime(a.grantedAt, locale),
    },
  ];
}

export function ActiveAuthorizations({ active }: Pick<Data, "active">) {
  const t = useT();
  const locale = useLocale();
  const bankName = useBankName();
  const columns: Column<Data["active"][number]>[] = [
    ...useGrantColumns<Data["active"][number]>(true),
    {
      key: "expiresAt",
      header: t("enterprise.authorizations.columns.expiresAt"),
      cell: (a) => formatDate(a.expiresAt, locale),
    },
    {
      key: "actions",
      header: t("enterprise.authorizations.columns.actions"),
      cell: (a) => (
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
      ),
    },
  ];
  return (
    <Card title={t("enterprise.authorizations.active")}>
      <DataTable
        label={t("enterprise.authorizations.active")}
        rows={active}
        rowKey={(a) => a.id}
        columns={columns}
        rowClassName={() => "*:align-top"}
        rowTestId="active-authorization"
        dense
        framed={false}
        empty={<p className="text-sm text-slate-600">{t("enterprise.authorizations.noActive")}</p>}
      />
    </Card>
  );
}

export function PastAuthorizations({
  past,
  pastTotal,
  page,
  now,
}: Pick<Data, "past" | "pastTotal" | "page" | "now">) {
  const t = useT();
  const locale = useLocale();
  const columns: Column<Data["past"][number]>[] = [
    ...useGrantColumns<Data["past"][number]>(false),
    {
      key: "status",
      header: t("enterprise.authorizations.columns.status"),
      cell: (a) =>
        a.revokedAt && a.revokedAt < a.expiresAt && a.revokedAt <= now
          ? t("enterprise.authorizations.status.revoked", { date: formatDateTime(a.revokedAt, locale) })
          : t("enterprise.authorizations.status.expired"),
    },
  ];
  return (
    <Card title={t("enterprise.authorizations.past")}>
      <DataTable
        label={t("enterprise.authorizations.past")}
        rows={past}
        rowKey={(a) => a.id}
        columns={columns}
        rowClassName={() => "*:align-top"}
        dense
        framed={false}
        empty={<p className="text-sm text-slate-600">{t("enterprise.authorizations.noPast")}</p>}
        pagination={{ page, pageSize: PAGE_SIZE, total: pastTotal }}
      />
    </Card>
  );
}
