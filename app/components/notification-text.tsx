import { useTDynamic } from "~/i18n/use-t";

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
