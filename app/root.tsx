import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";

import { FirstVisitTour } from "./components/first-visit-tour";
import { FlashToast } from "./components/flash-toast";
import { useNonce } from "./components/nonce";
import { ProgressBar } from "./components/progress-bar";
import { SiteHeader } from "./components/site-header";
import { buttonClass } from "./components/ui";
import { getDisplayMode } from "./display.server";
import type { DisplayMode } from "./domain/display-mode";
import { consumeFlash } from "./flash.server";
import { getLocale } from "./i18n/locale.server";
import { DEFAULT_LOCALE, type Locale } from "./i18n/locales";
import { translate } from "./i18n/translate";
import { useT } from "./i18n/use-t";
import { countUnread } from "./models/notification.server";
import { tourPending } from "./models/tour.server";
import { getActor } from "./permissions.server";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: translate(data?.locale ?? DEFAULT_LOCALE, "common.appName") },
  { name: "description", content: translate(data?.locale ?? DEFAULT_LOCALE, "common.tagline") },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [locale, display, actor, { flash, clear }] = await Promise.all([
    getLocale(request),
    getDisplayMode(request),
    getActor(request),
    consumeFlash(request),
  ]);
  const [unread, tour] = actor ? await Promise.all([countUnread(actor), tourPending(actor)]) : [0, false];
  return json(
    { locale, display, actor, flash, unread, tour },
    clear ? { headers: { "Set-Cookie": clear } } : undefined,
  );
}

function Document({
  locale,
  display,
  children,
}: {
  locale: Locale;
  display: DisplayMode;
  children: ReactNode;
}) {
  const nonce = useNonce();
  // Marks the page as hydrated (React has attached and reported any mismatch): the browser tests
  // wait for it instead of for a quiet network.
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    // the display mode is read from its cookie on the server: the first paint is already right
    <html lang={locale} className={display === "elder" ? "elder h-full" : "h-full"} data-display={display}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

/** The first stop of the keyboard: straight past the header to the page's content. */
function SkipLink({ locale }: { locale: Locale }) {
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-4 focus:py-2 focus:font-medium focus:text-brand-800 focus:shadow-lg focus:outline-2 focus:outline-brand-600"
    >
      {translate(locale, "common.skipToContent")}
    </a>
  );
}

function Footer() {
  const t = useT();
  return (
    <footer className="mt-12 border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-col gap-1 px-4 py-6 text-xs text-slate-600 sm:flex-row sm:justify-between">
        <p>{t("common.footer.operator")}</p>
        <p>{t("common.footer.dataNote")}</p>
      </div>
    </footer>
  );
}

export default function App() {
  const { locale, display, actor, flash, unread, tour } = useLoaderData<typeof loader>();
  return (
    <Document locale={locale} display={display}>
      <SkipLink locale={locale} />
      <ProgressBar />
      <SiteHeader actor={actor} unread={unread} display={display} />
      <main
        id="main"
        tabIndex={-1}
        className="focus:outline-none mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:py-8"
      >
        {actor && tour && <FirstVisitTour role={actor.role} />}
        <Outlet />
      </main>
      <Footer />
      <FlashToast flash={flash} />
    </Document>
  );
}

function errorKind(error: unknown) {
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) return "notFound" as const;
    if (error.status === 403) return "forbidden" as const;
    if (error.status === 400 || error.status === 413) return "badRequest" as const;
  }
  return "server" as const;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? DEFAULT_LOCALE;
  const kind = errorKind(error);
  const t = (key: Parameters<typeof translate>[1]) => translate(locale, key);
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (!isRouteErrorResponse(error)) console.error(error);
  const display = rootData?.display ?? "standard";
  return (
    <Document locale={locale} display={display}>
      <SkipLink locale={locale} />
      <SiteHeader actor={rootData?.actor ?? null} unread={rootData?.unread ?? 0} display={display} />
      <main
        id="main"
        tabIndex={-1}
        className="focus:outline-none mx-auto w-full max-w-3xl flex-1 px-4 py-16 text-center"
      >
        <p className="text-sm font-semibold text-brand-700">{status}</p>
        <h1 className="mt-2 text-3xl font-bold text-slate-900">{t(`common.errors.${kind}Title`)}</h1>
        <p className="mt-3 text-slate-600">{t(`common.errors.${kind}Body`)}</p>
        <a href="/" className={buttonClass("primary", "mt-8")}>
          {t("common.errors.goHome")}
        </a>
      </main>
    </Document>
  );
}
