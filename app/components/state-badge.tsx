import { useTDynamic } from "~/i18n/use-t";

import { Badge } from "./ui";

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
