import { useT } from "~/i18n/use-t";

/** A new key and secret, shown on the response that made them and never again. */
export function ShownCredentials({ shown }: { shown: { keyId: string; secret: string } }) {
  const t = useT();
  return (
    <div role="alert" className="rounded-md bg-amber-50 px-4 py-3 text-amber-950 ring-1 ring-amber-300">
      <p className="font-medium">{t("api.admin.shownOnce")}</p>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 font-mono text-sm">
        <dt>{t("api.admin.keyId")}</dt>
        <dd className="break-all select-all">{shown.keyId}</dd>
        <dt>{t("api.admin.secret")}</dt>
        <dd className="break-all select-all">{shown.secret}</dd>
      </dl>
    </div>
  );
}
