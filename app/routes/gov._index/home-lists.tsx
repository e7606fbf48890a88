import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";

import { NotificationEntry } from "~/components/notification-text";
import { Badge, Card, EmptyState } from "~/components/ui";
import { formatDate } from "~/domain/format-date";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** The user's latest notifications, with a link to all of them. */
export function NotificationsCard({ notifications }: { notifications: Data["notifications"] }) {
  const t = useT();
  return (
    <Card
      title={t("gov.home.notifications")}
      actions={
        <Link to="/notifications" className="text-sm font-medium text-brand-700 hover:underline">
          {t("gov.home.allNotifications")}
        </Link>
      }
    >
      {notifications.length ? (
        <ul className="divide-y divide-slate-100">
          {notifications.map((item) => (
            <li key={item.id} className="py-2">
              <NotificationEntry item={item} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t("notifications.none")} />
      )}
    </Card>
  );
}

/** The firms registered last, with a link to the whole list sorted newest first. */
export function NewestFirmsCard({ firms }: { firms: Data["summary"]["newest"] }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card
      title={t("workspace.gov.newestFirms")}
      actions={
        <Link
          to="/gov/firms?sort=createdAt&dir=desc"
          className="text-sm font-medium text-brand-700 hover:underline"
        >
          {t("gov.home.allFirms")}
        </Link>
      }
    >
      {firms.length ? (
        <ul className="divide-y divide-slate-200">
          {firms.map((firm) => (
            <li key={firm.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link to={`/gov/firms/${firm.id}`} className="font-medium text-brand-700 hover:underline">
                  {firm.name}
                </Link>
                <p className="font-mono text-xs text-slate-500">{firm.uscc}</p>
              </div>
              <div className="flex items-center gap-2 text-sm text-slate-600">
                <Badge>{td(`domain.size.${firm.size}`)}</Badge>
                {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn} ·{" "}
                {t("workspace.gov.registeredOn", { date: formatDate(new Date(firm.createdAt), locale) })}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title={t("workspace.gov.noFirms")} />
      )}
    </Card>
  );
}
