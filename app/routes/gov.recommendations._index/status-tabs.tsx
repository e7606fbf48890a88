import type { SerializeFrom } from "@remix-run/node";
import { useSearchParams } from "@remix-run/react";

import { TabLink } from "~/components/tab-link";
import { useT, useTDynamic } from "~/i18n/use-t";
import { RECOMMENDATION_STATUSES } from "~/models/gov-codes";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** One tab per status (and "all"), each with its count; a new tab starts at page one. */
export function StatusTabs({ status, counts }: Pick<Data, "status" | "counts">) {
  const [params] = useSearchParams();
  const t = useT();
  const td = useTDynamic();
  const tab = (value: string | null) => {
    const next = new URLSearchParams(params);
    next.delete("page");
    if (value) next.set("status", value);
    else next.delete("status");
    return `?${next}`;
  };
  return (
    <nav aria-label={t("gov.recommendations.statusFilter")} className="mb-4 flex flex-wrap gap-2">
      {[null, ...RECOMMENDATION_STATUSES].map((value) => (
        <TabLink key={value ?? "all"} to={tab(value)} current={status === value} look="pill">
          {value ? td(`gov.recommendationStatus.${value}`) : t("gov.common.all")}
          {value && counts[value] ? ` (${counts[value]})` : ""}
        </TabLink>
      ))}
    </nav>
  );
}
