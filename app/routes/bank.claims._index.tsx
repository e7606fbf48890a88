import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import { SelectField } from "~/components/form-kit";
import { optionsOf } from "~/components/select-options";
import { useClaimColumns } from "~/components/claim-columns";
import { DataTable } from "~/components/list-kit";
import { FilterForm } from "~/components/filter-form";
import { EmptyState, PageHeader } from "~/components/ui";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { CLAIM_STATES } from "~/domain/risk-pool-codes";
import { useT } from "~/i18n/use-t";
import { listBankClaims } from "~/models/pool-views.server";
import { requireBankUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  const params = new URL(request.url).searchParams;
  const page = parsePage(params.get("page"));
  const state = parseChoice(CLAIM_STATES, params.get("state")) ?? null;
  return { ...(await listBankClaims(actor, { state, page })), page };
}

type Claim = SerializeFrom<typeof loader>["claims"][number];

export default function BankClaims() {
  const { claims, total, page, suspended } = useLoaderData<typeof loader>();
  const t = useT();
  const columns = useClaimColumns<Claim>({ hrefOf: (c) => `/bank/claims/${c.id}` });
  return (
    <div className="flex flex-col gap-4">
      <BankNav />
      <PageHeader title={t("pool.bank.claimsTitle")} description={t("pool.bank.claimsIntro")} />
      {suspended && (
        <p
          role="status"
          className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
        >
          {t("pool.bank.suspended")}
        </p>
      )}
      <FilterForm label={t("pool.bank.claimsTitle")} resetTo="/bank/claims">
        <SelectField
          name="state"
          label={t("pool.claims.state")}
          placeholder={t("pool.claims.anyState")}
          options={optionsOf(CLAIM_STATES, (s) => t(`pool.claimState.${s}`))}
        />
      </FilterForm>
      <DataTable
        label={t("pool.bank.claimsTitle")}
        rows={claims}
        rowKey={(c) => c.id}
        columns={columns}
        empty={<EmptyState title={t("pool.claims.empty")} hint={t("pool.claims.emptyBank")} />}
        pagination={{ page, pageSize: PAGE_SIZE, total }}
      />
    </div>
  );
}
