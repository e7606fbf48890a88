import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { useClaimColumns } from "~/components/claim-columns";
import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { ClearFilters, DataTable } from "~/components/list-kit";
import { FilterForm } from "~/components/filter-form";
import { BureauPoolNav } from "~/components/pool-ui";
import { EmptyState, PageHeader } from "~/components/ui";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { CLAIM_STATES } from "~/domain/risk-pool-codes";
import { useT } from "~/i18n/use-t";
import { CLAIM_SORTS, listClaimsForReview } from "~/models/pool-views.server";
import { requireBureauUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBureauUser(request);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  // the queue opens on what awaits review; "all" shows every state
  const stateParam = params.get("state");
  const state = stateParam === null ? "FILED" : (parseChoice(CLAIM_STATES, stateParam) ?? null);
  const sort = parseChoice(CLAIM_SORTS, params.get("sort")) ?? "due";
  const result = await listClaimsForReview(actor, { state, page, sort });
  return { ...result, state, sort, page };
}

type Claim = SerializeFrom<typeof loader>["claims"][number];

export default function ClaimsQueue() {
  const { claims, total, page, reviewWorkingDays, state } = useLoaderData<typeof loader>();
  const t = useT();
  const columns = useClaimColumns<Claim>({ hrefOf: (c) => `/gov/risk-pool/claims/${c.id}`, bureau: true });
  return (
    <div className="flex flex-col gap-4">
      <BureauPoolNav />
      <PageHeader
        title={t("pool.claims.title")}
        description={t("pool.claims.intro", { days: reviewWorkingDays })}
      />
      <FilterForm label={t("pool.claims.title")} resetTo="/gov/risk-pool/claims">
        <SelectField
          name="state"
          label={t("pool.claims.state")}
          defaultValue={state ?? ""}
          placeholder={t("pool.claims.anyState")}
          options={optionsOf(CLAIM_STATES, (s) => t(`pool.claimState.${s}`))}
        />
        <SelectField
          name="sort"
          label={t("pool.claims.sort")}
          options={[
            { value: "due", label: t("pool.claims.sorts.due") },
            { value: "newest", label: t("pool.claims.sorts.newest") },
            { value: "amount", label: t("pool.claims.sorts.amount") },
          ]}
        />
      </FilterForm>
      <DataTable
        label={t("pool.claims.title")}
        rows={claims}
        rowKey={(c) => c.id}
        columns={columns}
        rowClassName={(c) => (c.clock?.overdue ? "bg-red-50/60" : undefined)}
        empty={
          <EmptyState
            title={t("pool.claims.empty")}
            action={<ClearFilters to="/gov/risk-pool/claims?state=" />}
          />
        }
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
