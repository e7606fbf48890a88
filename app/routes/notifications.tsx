import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";

import { NotificationText } from "~/components/notification-text";
import { Badge, Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { formatDateTime } from "~/domain/format-date";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT } from "~/i18n/use-t";
import { listNotifications, markRead } from "~/models/notification.server";
import { requireUser } from "~/permissions.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUser(request);
  return { notifications: await listNotifications(actor, 100) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUser(request);
  await markRead(actor);
  return redirectWithFlash("/notifications", { kind: "success", key: "notifications.allRead" });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader
        title={t("notifications.title")}
        description={unread ? t("notifications.unread", { count: unread }) : undefined}
        actions={
          unread > 0 && (
            <Form method="post">
              <SubmitButton variant="secondary">{t("notifications.markAllRead")}</SubmitButton>
            </Form>
          )
        }
      />
      <Card>
        {notifications.length === 0 ? (
          <EmptyState title={t("notifications.none")} />
        ) : (
          <ul className="divide-y divide-slate-200">
            {notifications.map((item) => (
              <li key={item.id} className="flex flex-wrap items-start justify-between gap-2 py-3">
                <div>
                  <p className={item.readAt ? "text-slate-700" : "font-medium text-slate-900"}>
                    {item.link ? (
                      <Link to={item.link} className="hover:text-brand-700 hover:underline">
                        <NotificationText kind={item.kind} params={item.params} />
                      </Link>
                    ) : (
                      <NotificationText kind={item.kind} params={item.params} />
                    )}
                  </p>
                  <p className="text-xs text-slate-500">{formatDateTime(item.createdAt, locale)}</p>
                </div>
                {!item.readAt && <Badge tone="blue">{t("notifications.new")}</Badge>}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
