import type { SerializeFrom } from "@remix-run/node";
import { Link, useSearchParams } from "@remix-run/react";

import { cx } from "~/components/ui";
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
        <Link
          key={value ?? "all"}
          to={tab(value)}
          aria-current={status === value ? "page" : undefined}
          className={cx(
            "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
            status === value
              ? "bg-brand-600 text-white ring-brand-600"
              : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
          )}
        >
          {value ? td(`gov.recommendationStatus.${value}`) : t("gov.common.all")}
          {value && counts[value] ? ` (${counts[value]})` : ""}
        </Link>
      ))}
    </nav>
  );
}
