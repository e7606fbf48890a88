import { formatYuanAsWan } from "~/domain/money";
import { formatDate } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import { Badge } from "./ui";

export type ApplicationListItem = {
  id: string;
  number: string;
  state: string;
  amountYuan: number;
  submittedAt: string;
  product: { name: string };
  bank: { name: string; nameEn: string };
  enterprise: { name: string };
};

const stateTone: Record<string, "gray" | "blue" | "green" | "amber" | "red"> = {
  SUBMITTED: "amber",
  ACCEPTED: "blue",
  APPROVED: "blue",
  DISBURSED: "green",
  REJECTED: "red",
  WITHDRAWN: "gray",
  CANCELLED: "gray",
};

export function StateBadge({ state }: { state: string }) {
  const td = useTDynamic();
  return <Badge tone={stateTone[state] ?? "gray"}>{td(`domain.applicationState.${state}`)}</Badge>;
}

/** A compact list of applications; `show` picks the counterpart column (bank or firm). */
export function ApplicationList({
  items,
  show,
}: {
  items: ApplicationListItem[];
  show: "bank" | "enterprise";
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-200">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
          <div>
            <p className="font-medium">{item.product.name}</p>
            <p className="text-sm text-slate-600">
              {show === "bank"
                ? locale === "zh-CN"
                  ? item.bank.name
                  : item.bank.nameEn
                : item.enterprise.name}{" "}
              · {item.number} ·{" "}
              {t("workspace.enterprise.submittedOn", {
                date: formatDate(new Date(item.submittedAt), locale),
              })}
            </p>
          </div>
          <div className="flex items-center gap-3">
            <span className="tabular-nums">{formatYuanAsWan(item.amountYuan, locale)}</span>
            <StateBadge state={item.state} />
          </div>
        </li>
      ))}
    </ul>
  );
}
