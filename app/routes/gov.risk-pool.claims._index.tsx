import type { LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";

import { SelectField } from "~/components/form-kit";
import { ClearFilters, DataTable, FilterForm, type Column } from "~/components/list-kit";
import { ClaimClock, ClaimStateBadge, BureauPoolNav, bankName } from "~/components/pool-ui";
import { EmptyState, PageHeader } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { PAGE_SIZE, parseChoice, parsePage } from "~/domain/list-query";
import { formatFen } from "~/domain/money-fen";
import { CLAIM_STATES } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";
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
  const locale = useLocale();
  const columns: Column<Claim>[] = [
    {
      key: "enterprise",
      header: t("pool.claims.enterprise"),
      cell: (c) => (
        <>
          <Link to={`/gov/risk-pool/claims/${c.id}`} className="font-medium text-brand-700 hover:underline">
            {c.enterprise}
          </Link>
          <p className="font-mono text-xs text-slate-500">{c.number}</p>
        </>
      ),
    },
    { key: "bank", header: t("pool.claims.bank"), cell: (c) => bankName(c.bank, locale) },
    {
      key: "state",
      header: t("pool.claims.state"),
      nowrap: true,
      cell: (c) => <ClaimStateBadge state={c.state} />,
    },
    {
      key: "principal",
      header: t("pool.claims.principal"),
      align: "right",
      nowrap: true,
      cell: (c) => formatFen(c.principalAtClaimFen),
    },
    {
      key: "computed",
      header: t("pool.claims.computed"),
      align: "right",
      nowrap: true,
      cell: (c) => formatFen(c.computedFen),
    },
    {
      key: "approved",
      header: t("pool.claims.approved"),
      align: "right",
      nowrap: true,
      cell: (c) => (c.approvedFen === null ? "—" : formatFen(c.approvedFen)),
    },
    { key: "dpd", header: t("pool.claims.dpd"), align: "right", cell: (c) => c.daysPastDue },
    {
      key: "submittedAt",
      header: t("pool.claims.submittedAt"),
      nowrap: true,
      cell: (c) => formatDate(c.submittedAt, locale),
    },
    {
      key: "clock",
      header: t("pool.claims.clock"),
      nowrap: true,
      cell: (c) => <ClaimClock clock={c.clock} />,
    },
  ];
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
          options={CLAIM_STATES.map((s) => ({ value: s, label: t(`pool.claimState.${s}`) }))}
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
