import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { Badge, Card } from "~/components/ui";
import { useT } from "~/i18n/use-t";

import type { loader } from "./route";

function QueueLink({
  to,
  label,
  count,
  tone = "blue",
}: {
  to: string;
  label: string;
  count: number;
  tone?: "blue" | "red" | "amber";
}) {
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
  return (
    <Card title={t("gov.home.queues")}>
      <ul className="-mx-3 divide-y divide-slate-100">
        {office ? (
          <>
            <QueueLink
              to="/gov/recommendations?status=REQUESTED"
              label={t("gov.home.requests")}
              count={queues.requested}
              tone="amber"
            />
            <QueueLink
              to="/gov/recommendations?status=PENDING"
              label={t("gov.home.pendingOwn")}
              count={queues.pending}
            />
            <QueueLink
              to="/gov/follow-ups"
              label={t("gov.home.followUps")}
              count={queues.followUps}
              tone="amber"
            />
            <QueueLink
              to="/gov/whitelist?status=SUSPENDED"
              label={t("gov.home.suspended")}
              count={queues.suspended}
              tone="red"
            />
          </>
        ) : (
          <>
            <QueueLink
              to="/gov/review"
              label={t("gov.home.pendingReview")}
              count={queues.pending}
              tone="amber"
            />
            <QueueLink
              to="/gov/objections"
              label={t("gov.home.openObjections")}
              count={queues.objections?.open ?? 0}
              tone="amber"
            />
            <QueueLink
              to="/gov/objections"
              label={t("gov.home.overdueObjections")}
              count={queues.objections?.overdue ?? 0}
              tone="red"
            />
            <QueueLink
              to="/gov/whitelist?status=SUSPENDED"
              label={t("gov.home.suspended")}
              count={queues.suspended}
              tone="red"
            />
            <QueueLink
              to="/gov/follow-ups"
              label={t("gov.home.followUps")}
              count={queues.followUps}
              tone="amber"
            />
          </>
        )}
      </ul>
    </Card>
  );
}
