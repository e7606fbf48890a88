import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Badge, Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Queue = { to: string; label: string; count: number; tone?: "blue" | "red" | "amber" };

function QueueLink({ to, label, count, tone = "blue" }: Queue) {
  return (
    <li>
      <Link
        to={to}
        className="flex items-center justify-between gap-3 rounded-md px-3 py-3 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600"
      >
        <span className="text-slate-800">{label}</span>
        <Badge tone={count > 0 ? tone : "gray"}>{count}</Badge>
      </Link>
    </li>
  );
}

/** What waits for the user: an office's requests and follow-ups, the bureau's reviews and objections. */
export function QueueCard({
  office,
  queues,
}: {
  office: boolean;
  queues: SerializeFrom<typeof loader>["queues"];
}) {
  const t = useT();
  const suspended: Queue = {
    to: "/gov/whitelist?status=SUSPENDED",
    label: t("gov.home.suspended"),
    count: queues.suspended,
    tone: "red",
  };
  const followUps: Queue = {
    to: "/gov/follow-ups",
    label: t("gov.home.followUps"),
    count: queues.followUps,
    tone: "amber",
  };
  const items: Queue[] = office
    ? [
        {
          to: "/gov/recommendations?status=REQUESTED",
          label: t("gov.home.requests"),
          count: queues.requested,
          tone: "amber",
        },
        { to: "/gov/recommendations?status=PENDING", label: t("gov.home.pendingOwn"), count: queues.pending },
        followUps,
        suspended,
      ]
    : [
        { to: "/gov/review", label: t("gov.home.pendingReview"), count: queues.pending, tone: "amber" },
        {
          to: "/gov/objections",
          label: t("gov.home.openObjections"),
          count: queues.objections?.open ?? 0,
          tone: "amber",
        },
        {
          to: "/gov/objections",
          label: t("gov.home.overdueObjections"),
          count: queues.objections?.overdue ?? 0,
          tone: "red",
        },
        suspended,
        followUps,
      ];
  return (
    <Card title={t("gov.home.queues")}>
      <ul className="-mx-3 divide-y divide-slate-100">
        {items.map((item) => (
          <QueueLink key={item.label} {...item} />
        ))}
      </ul>
    </Card>
  );
}
