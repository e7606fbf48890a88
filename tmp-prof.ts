import { factQuery, responseFacts, decisionFacts, loanFacts, firmFacts, registeredBefore } from "~/models/indicator-facts.server";
import { getCalendar } from "~/models/settings.server";
const now = new Date("2026-11-26T01:00:00Z");
const q = factQuery({ fromDay: "2025-11-27", toDay: "2026-11-26" }, now);
const time = async (name: string, f: () => Promise<unknown>) => { const t = performance.now(); const r: any = await f(); console.log(name, (performance.now() - t).toFixed(0), "ms", Array.isArray(r) ? r.length : ""); };
for (let i = 0; i < 2; i++) {
await time("calendar", () => getCalendar());
await time("responses bank", () => responseFacts(q, "bank"));
await time("responses sd", () => responseFacts(q, "subDistrict"));
await time("decisions bank", () => decisionFacts(q, "bank"));
await time("loans bank", () => loanFacts(q, "bank"));
await time("firms sd", () => firmFacts(q, "subDistrict", { bankOnly: false }));
await time("firms month", () => firmFacts(q, "month", { bankOnly: false }));
await time("firms null", () => firmFacts(q, null, { bankOnly: false }));
await time("registeredBefore", () => registeredBefore(q, q.from));
}
