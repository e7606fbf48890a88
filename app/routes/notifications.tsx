import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";

import { NotificationEntry } from "~/components/notification-text";
import { Badge, Card, EmptyState, PageHeader, SubmitButton } from "~/components/ui";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
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
                  <NotificationEntry item={item} />
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
