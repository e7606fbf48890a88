import { useEffect, useState } from "react";

import { useT, useTDynamic } from "~/i18n/use-t";

type Flash = { kind: "success" | "info" | "error"; key: string; params?: Record<string, string | number> };

const tones = {
  success: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  info: "bg-brand-50 text-brand-900 ring-brand-100",
  error: "bg-red-50 text-red-900 ring-red-200",
};

export function FlashToast({ flash }: { flash: Flash | null }) {
  const [shown, setShown] = useState(flash);
  const t = useT();
  const tDynamic = useTDynamic();

  useEffect(() => {
    setShown(flash);
    if (!flash) return;
    const timer = setTimeout(() => setShown(null), 6000);
    return () => clearTimeout(timer);
  }, [flash]);

  if (!shown) return null;
  return (
    <div
      role={shown.kind === "error" ? "alert" : "status"}
      className={`fixed right-4 bottom-4 z-40 flex max-w-sm items-start gap-3 rounded-lg px-4 py-3 shadow-lg ring-1 ${tones[shown.kind]}`}
    >
      <p className="text-sm">{tDynamic(shown.key, shown.params)}</p>
      <button
        type="button"
        onClick={() => setShown(null)}
        className="-m-1 rounded p-1 text-current/70 hover:text-current"
        aria-label={t("common.flash.dismiss")}
      >
        ×
      </button>
    </div>
  );
}
