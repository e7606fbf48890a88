import { useFetchers, useNavigation } from "@remix-run/react";
import { useEffect, useState } from "react";

import { useT } from "~/i18n/use-t";

/** A thin bar at the top of the page while Remix loads or submits (after 150 ms, so fast navigations don't flash). */
export function ProgressBar() {
  const navigation = useNavigation();
  const fetchers = useFetchers();
  const busy = navigation.state !== "idle" || fetchers.some((f) => f.state !== "idle");
  const [visible, setVisible] = useState(false);
  const t = useT();

  useEffect(() => {
    if (!busy) {
      setVisible(false);
      return;
    }
    const timer = setTimeout(() => setVisible(true), 150);
    return () => clearTimeout(timer);
  }, [busy]);

  return (
    <div
      role="progressbar"
      aria-hidden={!visible}
      aria-label={t("common.loading")}
      aria-busy={visible}
      className={`pointer-events-none fixed inset-x-0 top-0 z-50 h-1 overflow-hidden transition-opacity ${visible ? "opacity-100" : "opacity-0"}`}
    >
      <div className="progress-bar-indeterminate h-full w-2/5 bg-brand-600" data-testid="progress-bar" />
    </div>
  );
}
