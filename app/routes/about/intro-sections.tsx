import { Link } from "@remix-run/react";

import { Hero, HeroLink } from "~/components/landing";
import { Card, buttonClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";

const STEPS = ["1", "2", "3", "4", "5"] as const;
const WHO = ["1", "2", "3"] as const;

/** What 信易贷 is, with the ways in: register or read the help. */
export function AboutHero() {
  const t = useT();
  return (
    <Hero title={t("outreach.about.title")} body={t("outreach.about.what")}>
      <Link to="/register" className={buttonClass("secondary")}>
        {t("home.ctaRegister")}
      </Link>
      <HeroLink to="/help">{t("outreach.about.helpCta")}</HeroLink>
    </Hero>
  );
}

/** Who the programme is for. */
export function WhoItIsFor() {
  const t = useT();
  return (
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
  );
}

/** How to apply, in five steps. */
export function HowToApply() {
  const t = useT();
  return (
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
  );
}
