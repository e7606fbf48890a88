import { useTDynamic } from "~/i18n/use-t";

import { Badge } from "./ui";

const TONES = {
  OPEN: "blue",
  EXPIRED: "gray",
  registered: "amber",
  authorised: "amber",
  applied: "amber",
  disbursed: "green",
} as const;

/** Where an invitation stands: open, expired, or the furthest funnel step its firm reached. */
export function InvitationStateBadge({ state }: { state: string }) {
  const td = useTDynamic();
  return (
    <Badge tone={TONES[state as keyof typeof TONES] ?? "gray"}>
      {td(`outreach.invitations.states.${state}`)}
    </Badge>
  );
}
