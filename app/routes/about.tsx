import { Link, useLoaderData } from "@remix-run/react";

import { Card, Stat, buttonClass } from "~/components/ui";
import { formatDay } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { shanghaiDate } from "~/domain/shanghai-time";
import { useLocale, useT } from "~/i18n/use-t";
import { latestPublicNotices } from "~/models/notice.server";
import { participatingBanks } from "~/models/programme.server";
import { getHeadlineTotals } from "~/models/stats.server";

/** 信易贷 explained: what it is, who it is for, how to apply, the banks, the figures, the policies. */
export async function loader() {
  const [totals, banks, notices] = await Promise.all([
    getHeadlineTotals(),
    participatingBanks(),
    latestPublicNotices(5),
  ]);
  return {
    totals,
    banks,
    notices: notices.map(({ body: _body, ...notice }) => ({
      ...notice,
      effectiveOn: shanghaiDate(notice.effectiveOn),
    })),
  };
}

const STEPS = ["1", "2", "3", "4", "5"] as const;
const WHO = ["1", "2", "3"] as const;

export default function About() {
  const { totals, banks, notices } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  const dash = "—";
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white sm:px-10">
        <p className="text-sm text-brand-100">{t("common.district")}</p>
        <h1 className="mt-2 text-3xl font-bold">{t("outreach.about.title")}</h1>
        <p className="mt-4 max-w-3xl text-brand-100">{t("outreach.about.what")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link to="/register" className={buttonClass("secondary")}>
            {t("home.ctaRegister")}
          </Link>
          <Link
            to="/help"
            className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium text-white ring-1 ring-white/50 hover:bg-white/10"
          >
            {t("outreach.about.helpCta")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="who-title" className="grid gap-4 md:grid-cols-3">
        <h2 id="who-title" className="text-xl font-semibold md:col-span-3">
          {t("outreach.about.whoTitle")}
        </h2>
        {WHO.map((n) => (
          <Card key={n}>
            <h3 className="font-semibold">{t(`outreach.about.who${n}Title`)}</h3>
            <p className="mt-2 text-sm text-slate-600">{t(`outreach.about.who${n}Body`)}</p>
          </Card>
        ))}
      </section>

      <section aria-labelledby="steps-title">
        <h2 id="steps-title" className="mb-4 text-xl font-semibold">
          {t("outreach.about.stepsTitle")}
        </h2>
        <ol className="grid gap-3 md:grid-cols-5">
          {STEPS.map((n) => (
            <li key={n} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <p className="text-sm font-semibold text-brand-700">0{n}</p>
              <h3 className="mt-1 font-semibold">{t(`outreach.about.step${n}Title`)}</h3>
              <p className="mt-1 text-sm text-slate-600">{t(`outreach.about.step${n}Body`)}</p>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="figures-title">
        <h2 id="figures-title" className="mb-4 text-xl font-semibold">
          {t("home.totalsTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Stat
            label={t("home.totals.enterprises")}
            value={number.format(totals.enterprises)}
            unit={t("home.totals.enterprisesUnit")}
          />
          <Stat
            label={t("home.totals.banks")}
            value={number.format(totals.banks)}
            unit={t("home.totals.banksUnit")}
          />
          <Stat
            label={t("home.totals.products")}
            value={number.format(totals.products)}
            unit={t("home.totals.productsUnit")}
          />
          <Stat label={t("home.totals.disbursed")} value={formatYuanAsWan(totals.disbursedYuan, locale)} />
        </dl>
      </section>

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
    </div>
  );
}
