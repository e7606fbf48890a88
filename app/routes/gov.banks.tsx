import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { requireGovUser } from "~/permissions.server";

/** The old league-table columns, by the dashboard's column names. */
const SORTS: Record<string, string> = {
  received: "applications",
  medianResponseDays: "avgResponseDays",
  overdue: "lateResponses",
  approvalRate: "approvalRate",
  creditShare: "creditShare",
  disbursedYuan: "disbursedYuan",
};

/**
 * The bank league table is the indicators dashboard broken down by bank (one set of figures):
 * old links land there with their period and sort.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireGovUser(request);
  const old = new URL(request.url).searchParams;
  const params = new URLSearchParams({ by: "bank" });
  const from = old.get("from");
  const to = old.get("to");
  if (from && to) {
    params.set("period", "custom");
    params.set("from", from);
    params.set("to", to);
  }
  const sort = SORTS[old.get("sort") ?? ""];
  if (sort) {
    params.set("sort", sort);
    params.set("dir", old.get("dir") === "asc" ? "asc" : "desc");
  }
  return redirect(`/gov/indicators?${params}`, 301);
}
