import { Link, useLoaderData } from "@remix-run/react";

import { HeadlineTotals, Hero, HeroLink } from "~/components/landing";
import { ProductCard } from "~/components/product-card";
import { Card, buttonClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
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
  return (
    <div className="flex flex-col gap-10">
      <Hero title={t("home.heroTitle")} body={t("home.heroBody")} large>
        <Link to="/register" className={buttonClass("secondary")}>
          {t("home.ctaRegister")}
        </Link>
        <HeroLink to="/products">{t("home.ctaProducts")}</HeroLink>
        <HeroLink to="/about">{t("outreach.nav.aboutCta")}</HeroLink>
      </Hero>

      <HeadlineTotals totals={totals} titleId="totals-title" testId="headline-totals" />

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
