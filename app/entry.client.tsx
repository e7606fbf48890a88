import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";

import { registerCatalog } from "./i18n/translate";

/**
 * The page's language only: its catalogue is a chunk of its own, loaded before hydration (the
 * server rendered the page in it). Switching language reloads the document (site-header.tsx).
 */
function loadCatalog() {
  return document.documentElement.lang === "en"
    ? import("./i18n/en").then(({ en }) => registerCatalog("en", en))
    : import("./i18n/zh-CN").then(({ zhCN }) => registerCatalog("zh-CN", zhCN));
}

void loadCatalog().then(() =>
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <RemixBrowser />
      </StrictMode>,
    );
  }),
);
