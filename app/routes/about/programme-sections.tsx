import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { DataTable, type Column } from "~/components/list-kit";
import { Card } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;
type Bank = Data["banks"][number];

/** The participating banks, each linking to its products in the catalogue. */
export function BankTable({ banks }: { banks: Data["banks"] }) {
  const t = useT();
  const locale = useLocale();
  const dash = "—";
  const figure = (key: string, header: string, cell: (bank: Bank) => ReactNode): Column<Bank> => ({
    key,
    header,
    align: "right",
    cell,
  });
  const columns: Column<Bank>[] = [
    {
      key: "bank",
      header: t("outreach.about.bank"),
      cell: (bank) => (
        <Link to={`/products?bank=${bank.id}`} className="text-brand-700 hover:underline">
          {locale === "en" ? bank.nameEn : bank.name}
        </Link>
      ),
    },
    figure("products", t("outreach.about.products"), (bank) => bank.products),
    figure("creditProducts", t("outreach.about.creditProducts"), (bank) => bank.creditProducts),
    figure("lowestRate", t("outreach.about.lowestRate"), (bank) =>
      bank.lowestRateBp === null ? dash : formatBp(bank.lowestRateBp),
    ),
    figure("largestAmount", t("outreach.about.largestAmount"), (bank) =>
      bank.largestAmountYuan === null ? dash : formatYuanAsWan(bank.largestAmountYuan, locale),
    ),
  ];
  return (
    <section aria-labelledby="banks-title">
      <h2 id="banks-title" className="mb-4 text-xl font-semibold">
        {t("outreach.about.banksTitle")}
      </h2>
      <DataTable
        label={t("outreach.about.banksTitle")}
        rows={banks}
        rowKey={(bank) => bank.id}
        columns={columns}
        dense
        rowHeader
        stickyFirst={false}
        empty={null}
      />
    </section>
  );
}

/** The latest public notices (title, day in force, summary). */
export function LatestNotices({ notices }: { notices: Data["notices"] }) {
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="notices-title">
      <div className="mb-4 flex items-center justify-between">
        <h2 id="notices-title" className="text-xl font-semibold">
          {t("outreach.notices.title")}
        </h2>
        <Link to="/notices" className="text-sm font-medium text-brand-700 hover:underline">
          {t("outreach.notices.all")} →
        </Link>
      </div>
      {notices.length === 0 ? (
        <p className="text-sm text-slate-600">{t("outreach.notices.empty")}</p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {notices.map((notice) => (
            <li key={notice.id}>
              <Card className="h-full">
                <Link to={`/notices/${notice.id}`} className="font-semibold text-brand-700 hover:underline">
                  {notice.title}
                </Link>
                <p className="mt-1 text-xs text-slate-500">
                  {t("outreach.notices.effectiveOn", { day: formatDay(notice.effectiveOn, locale) })}
                </p>
                <p className="mt-2 text-sm text-slate-700">{notice.summary}</p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
