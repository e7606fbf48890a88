import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { ScrollRegion } from "~/components/list-kit";
import { Pagination } from "~/components/pagination";
import { Card, EmptyState, PageHeader } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { listOwnAccessLog } from "~/models/access-log-view.server";
import { requireEnterpriseUser } from "~/permissions.server";

const PAGE_SIZE = 20;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const pageParam = Number(new URL(request.url).searchParams.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const { total, items } = await listOwnAccessLog(actor, { page, pageSize: PAGE_SIZE });
  return { total, items, page };
}

export default function AccessLog() {
  const { total, items, page } = useLoaderData<typeof loader>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const th = "px-3 py-2 text-left font-medium text-slate-600";
  const cell = "px-3 py-2";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("enterprise.accessLog.title")} description={t("enterprise.accessLog.intro")} />
      <EnterpriseNav />
      <Card>
        {items.length === 0 ? (
          <EmptyState title={t("enterprise.accessLog.empty")} />
        ) : (
          <ScrollRegion label={t("enterprise.accessLog.title")}>
            <table className="min-w-full text-sm">
              <thead className="border-b border-slate-200">
                <tr>
                  <th className={th}>{t("enterprise.accessLog.columns.at")}</th>
                  <th className={th}>{t("enterprise.accessLog.columns.who")}</th>
                  <th className={th}>{t("enterprise.accessLog.columns.officer")}</th>
                  <th className={th}>{t("enterprise.accessLog.columns.scope")}</th>
                  <th className={th}>{t("enterprise.accessLog.columns.purpose")}</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {items.map((row) => (
                  <tr key={row.id}>
                    <td className={`${cell} tabular-nums`}>{formatDateTime(row.at, locale)}</td>
                    <td className={cell}>
                      {row.bank
                        ? locale === "zh-CN"
                          ? row.bank.name
                          : row.bank.nameEn
                        : t("enterprise.accessLog.government")}
                    </td>
                    <td className={cell}>
                      {row.channel === "API"
                        ? t("enterprise.accessLog.viaApi")
                        : `${row.user.displayName} · ${td(`common.roles.${row.user.role}`)}`}
                    </td>
                    <td className={cell}>{td(`domain.scope.${row.scope}`)}</td>
                    <td className={cell}>{td(`domain.purpose.${row.purpose}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
        <Pagination page={page} pageSize={PAGE_SIZE} total={total} />
      </Card>
    </div>
  );
}
