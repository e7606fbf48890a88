import { useLoaderData } from "@remix-run/react";

import { HeadlineTotals } from "~/components/landing";

import { AboutHero, HowToApply, WhoItIsFor } from "./intro-sections";
import { BankTable, LatestNotices } from "./programme-sections";
import { aboutPage } from "./queries.server";

/** 信易贷 explained: what it is, who it is for, how to apply, the banks, the figures, the policies. */
export async function loader() {
  return aboutPage();
}

export default function About() {
  const { totals, banks, notices } = useLoaderData<typeof loader>();
  return (
    <div className="flex flex-col gap-10">
      <AboutHero />

      <WhoItIsFor />

      <HowToApply />

      <HeadlineTotals totals={totals} titleId="figures-title" />

      <BankTable banks={banks} />

      <LatestNotices notices={notices} />
    </div>
  );
}
