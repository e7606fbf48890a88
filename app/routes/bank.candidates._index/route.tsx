import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { PageHeader } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { requireBankUser } from "~/permissions.server";

import { CandidateFilters } from "./candidate-filters";
import { CandidatesTable } from "./candidates-table";
import { candidatesPage } from "./queries.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return candidatesPage(actor, new URL(request.url).searchParams);
}

export default function BankCandidates() {
  const { candidates, total, capped, subDistricts, errors, page } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div>
      <BankNav />
      <PageHeader title={t("bank.candidates.title")} description={t("bank.candidates.intro")} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[18rem_minmax(0,1fr)]">
        <CandidateFilters subDistricts={subDistricts} errors={errors} />
        <section aria-label={t("bank.candidates.title")} className="min-w-0">
          <p className="mb-3 text-sm text-slate-600">
            {capped
              ? t("bank.candidates.countCapped", { count: total })
              : t("bank.candidates.count", { count: total })}
          </p>
          <CandidatesTable candidates={candidates} page={page} total={total} />
        </section>
      </div>
    </div>
  );
}
