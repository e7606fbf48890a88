import type { AlertStanding } from "~/domain/credit-alerts";
import { useTDynamic } from "~/i18n/use-t";

import { Badge } from "./ui";

const TONES = { OPEN: "blue", OVERDUE: "red", ACKNOWLEDGED: "green", LATE: "amber" } as const;

/** Where a credit alert stands against its acknowledgement deadline. */
export function AlertStandingBadge({ standing }: { standing: AlertStanding }) {
  const td = useTDynamic();
  return <Badge tone={TONES[standing]}>{td(`alerts.standing.${standing}`)}</Badge>;
}

/** The sentence saying what was found (the notification's message, with the firm's name). */
export function useAlertSentence() {
  const td = useTDynamic();
  return (alert: { kind: string; detail: Record<string, string | number> }, enterprise: string) =>
    td(`notifications.kinds.creditAlert.${alert.kind}`, { enterprise, ...alert.detail });
}
