/** Pieces of the public pages (the home page and 关于信易贷): the hero and the headline figures. */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import { Stat, cx } from "./ui";

/** The banner on brand colour: the district, a title, a paragraph and the ways in (links). */
export function Hero({
  title,
  body,
  large = false,
  children,
}: {
  title: string;
  body: string;
  /** the home page's taller banner with a bigger title */
  large?: boolean;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <section
      className={cx(
        "rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white sm:px-10",
        large && "sm:py-14",
      )}
    >
      <p className="text-sm text-brand-100">{t("common.district")}</p>
      <h1 className={cx("mt-2 text-3xl font-bold", large && "sm:text-4xl")}>{title}</h1>
      <p className="mt-4 max-w-3xl text-brand-100">{body}</p>
      <div className={cx("flex flex-wrap gap-3", large ? "mt-8" : "mt-6")}>{children}</div>
    </section>
  );
}

/** A way in on the hero's colour, next to its main (white) button. */
export function HeroLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium text-white ring-1 ring-white/50 hover:bg-white/10"
    >
      {children}
    </Link>
  );
}

type Totals = { enterprises: number; banks: number; products: number; disbursedYuan: number };

/** The programme's headline totals: firms, banks, products, amount lent. */
export function HeadlineTotals({
  totals,
  titleId,
  testId,
}: {
  totals: Totals;
  titleId: string;
  testId?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <section aria-labelledby={titleId}>
      <h2 id={titleId} className="mb-4 text-xl font-semibold">
        {t("home.totalsTitle")}
      </h2>
      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid={testId}>
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
  );
}
