import { getIndicatorReport } from "~/models/indicators.server";
const bureau = { id: "u", username: "u", displayName: "u", role: "GOV_BUREAU", enterpriseId: null, bankId: null, subDistrictId: null, organization: null } as never;
const now = new Date("2026-11-26T01:00:00Z");
for (const dim of ["subDistrict", "bank", "subDistrict", "bank", "size"] as const) {
  const t = performance.now();
  const r = await getIndicatorReport(bureau, { fromDay: "2025-11-27", toDay: "2026-11-26" }, { dimension: dim, now });
  console.log(dim, (performance.now() - t).toFixed(0), "ms", r.totals.applications, r.totals.disbursedCount, r.breakdown.rows.length);
}
