import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Card } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The participating banks, each linking to its products in the catalogue. */
export function BankTable({ banks }: { banks: Data["banks"] }) {
  const t = useT();
  const locale = useLocale();
  const dash = "—";
  return (
    <section aria-labelledby="banks-title">
      <h2 id="banks-title" className="mb-4 text-xl font-semibold">
        {t("outreach.about.banksTitle")}
      </h2>
      <div className="overflow-x-auto rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t("outreach.about.banksTitle")}</caption>
          <thead className="bg-slate-50 text-left text-xs text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2 font-medium">
                {t("outreach.about.bank")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("outreach.about.products")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("outreach.about.creditProducts")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("outreach.about.lowestRate")}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium">
                {t("outreach.about.largestAmount")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {banks.map((bank) => (
              <tr key={bank.id}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link to={`/products?bank=${bank.id}`} className="text-brand-700 hover:underline">
                    {locale === "en" ? bank.nameEn : bank.name}
                  </Link>
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{bank.products}</td>
                <td className="px-3 py-2 text-right tabular-nums">{bank.creditProducts}</td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {bank.lowestRateBp === null ? dash : formatBp(bank.lowestRateBp)}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">
                  {bank.largestAmountYuan === null ? dash : formatYuanAsWan(bank.largestAmountYuan, locale)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
