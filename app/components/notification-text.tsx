import { Link } from "@remix-run/react";

import { formatDateTime } from "~/domain/format-date";
import { useLocale, useTDynamic } from "~/i18n/use-t";

/** A stored notification in the reader's language. */
export function NotificationText({
  kind,
  params,
}: {
  kind: string;
  params: Record<string, string | number>;
}) {
  const td = useTDynamic();
  return <>{td(`notifications.kinds.${kind}`, params)}</>;
}

/** A notification in a list: its text (a link when it points somewhere), bold until read, and when. */
export function NotificationEntry({
  item,
}: {
  item: {
    kind: string;
    params: Record<string, string | number>;
    link: string | null;
    readAt: string | null;
    createdAt: string;
  };
}) {
  const locale = useLocale();
  return (
    <>
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
    </>
  );
}
