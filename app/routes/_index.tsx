import { Link, useLoaderData } from "@remix-run/react";

import { ProductCard } from "~/components/product-card";
import { Card, Stat, buttonClass } from "~/components/ui";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";
import { listPublishedProducts } from "~/models/product.server";
import { getHeadlineTotals } from "~/models/stats.server";

export async function loader() {
  const [totals, featured] = await Promise.all([
    getHeadlineTotals(),
    listPublishedProducts({ filters: {}, sort: "newest", page: 1, pageSize: 3 }),
  ]);
  return { totals, featured: featured.products };
}

export default function Home() {
  const { totals, featured } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const number = new Intl.NumberFormat(locale);
  return (
    <div className="flex flex-col gap-10">
      <section className="rounded-2xl bg-gradient-to-br from-brand-700 to-brand-900 px-6 py-10 text-white sm:px-10 sm:py-14">
        <p className="text-sm text-brand-100">{t("common.district")}</p>
        <h1 className="mt-2 text-3xl font-bold sm:text-4xl">{t("home.heroTitle")}</h1>
        <p className="mt-4 max-w-3xl text-brand-100">{t("home.heroBody")}</p>
        <div className="mt-8 flex flex-wrap gap-3">
          <Link to="/register" className={buttonClass("secondary")}>
            {t("home.ctaRegister")}
          </Link>
          <Link
            to="/products"
            className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium text-white ring-1 ring-white/50 hover:bg-white/10"
          >
            {t("home.ctaProducts")}
          </Link>
          <Link
            to="/about"
            className="inline-flex min-h-10 items-center rounded-md px-4 py-2 text-sm font-medium text-white ring-1 ring-white/50 hover:bg-white/10"
          >
            {t("outreach.nav.aboutCta")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="totals-title">
        <h2 id="totals-title" className="mb-4 text-xl font-semibold">
          {t("home.totalsTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4" data-testid="headline-totals">
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

      <section aria-labelledby="how-title">
        <h2 id="how-title" className="mb-4 text-xl font-semibold">
          {t("home.howTitle")}
        </h2>
        <ol className="grid gap-4 md:grid-cols-3">
          {(["1", "2", "3"] as const).map((step) => (
            <li key={step}>
              <Card className="h-full">
                <p className="text-sm font-semibold text-brand-700">0{step}</p>
                <h3 className="mt-1 font-semibold">{t(`home.how.step${step}Title`)}</h3>
                <p className="mt-2 text-sm text-slate-600">{t(`home.how.step${step}Body`)}</p>
              </Card>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="featured-title">
        <div className="mb-4 flex items-center justify-between">
          <h2 id="featured-title" className="text-xl font-semibold">
            {t("home.featuredProducts")}
          </h2>
          <Link to="/products" className="text-sm font-medium text-brand-700 hover:underline">
            {t("home.allProducts")} →
          </Link>
        </div>
        <ul className="grid gap-4 md:grid-cols-3">
          {featured.map((product) => (
            <li key={product.id}>
              <ProductCard product={product} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
