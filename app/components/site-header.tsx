import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import { useEffect, useRef } from "react";

import type { DisplayMode } from "~/domain/display-mode";
import type { Actor } from "~/models/actor";
import { homePathFor } from "~/models/actor";
import { useLocale, useT } from "~/i18n/use-t";

import { HelpLink } from "./help-link";
import { cx } from "./ui";

/** One look for the header's buttons and links (a white focus ring: the bar is dark). */
const toolClass =
  "inline-flex min-h-10 items-center rounded-md px-3 py-2 text-sm font-medium text-brand-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white";

const menuItemClass =
  "flex min-h-11 w-full items-center rounded-md px-3 py-2 text-left text-base font-medium text-white hover:bg-white/10";

function barNavClass({ isActive }: { isActive: boolean }) {
  return cx(
    "rounded-md px-3 py-2 text-sm font-medium",
    isActive ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white",
  );
}

function menuNavClass({ isActive }: { isActive: boolean }) {
  return cx(menuItemClass, isActive && "bg-white/15");
}

function useBackTo() {
  const location = useLocation();
  return `${location.pathname}${location.search}`;
}

function LanguageSwitch({ className }: { className: string }) {
  const t = useT();
  const locale = useLocale();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    // a full reload: the browser holds only the current language's catalogue (entry.client.tsx)
    <Form method="post" action="/locale" reloadDocument className="contents">
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={useBackTo()} />
      <button type="submit" lang={next} aria-label={t("common.language.switchToLabel")} className={className}>
        {t("common.language.switchTo")}
      </button>
    </Form>
  );
}

/** 长辈/大字: larger text, taller lines, stronger contrast; a cookie remembers it. */
function DisplaySwitch({ mode, className }: { mode: DisplayMode; className: string }) {
  const t = useT();
  const elder = mode === "elder";
  return (
    <Form method="post" action="/display" className="contents">
      <input type="hidden" name="mode" value={elder ? "standard" : "elder"} />
      <input type="hidden" name="redirectTo" value={useBackTo()} />
      <button type="submit" aria-pressed={elder} className={className} data-testid="display-switch">
        {t("common.display.elder")}
      </button>
    </Form>
  );
}

function Identity({ actor }: { actor: Actor }) {
  const t = useT();
  const locale = useLocale();
  const org = actor.organization
    ? locale === "zh-CN"
      ? actor.organization.zh
      : actor.organization.en
    : null;
  return (
    <div className="text-xs leading-tight text-brand-100">
      <p className="text-sm font-medium text-white">
        <span className="sr-only">{t("common.signedInAs")}: </span>
        {actor.displayName}
      </p>
      <p>
        {t(`common.roles.${actor.role}`)}
        {org && <> · {org}</>}
      </p>
    </div>
  );
}

function UnreadBadge({ unread }: { unread: number }) {
  if (unread <= 0) return null;
  return (
    <span
      aria-hidden="true"
      className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-brand-900"
    >
      {unread}
    </span>
  );
}

function MessagesLink({ unread, className }: { unread: number; className: string }) {
  const t = useT();
  return (
    <Link to="/notifications" aria-label={t("notifications.bell", { count: unread })} className={className}>
      {t("notifications.title")}
      <UnreadBadge unread={unread} />
    </Link>
  );
}

function SignOut({ className }: { className: string }) {
  const t = useT();
  return (
    <Form method="post" action="/logout" className="contents">
      <button type="submit" className={className}>
        {t("common.nav.logout")}
      </button>
    </Form>
  );
}

function UserBox({ actor, unread }: { actor: Actor; unread: number }) {
  const t = useT();
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="user-box">
      <div className="text-right">
        <Identity actor={actor} />
      </div>
      <MessagesLink unread={unread} className={toolClass} />
      <Link to="/account/password" className={toolClass}>
        {t("account.nav")}
      </Link>
      <SignOut className={toolClass} />
    </div>
  );
}

function MainLinks({
  actor,
  navClass,
}: {
  actor: Actor | null;
  navClass: (state: { isActive: boolean }) => string;
}) {
  const t = useT();
  return (
    <>
      <NavLink to="/" end className={navClass}>
        {t("common.nav.home")}
      </NavLink>
      <NavLink to="/products" className={navClass}>
        {t("common.nav.products")}
      </NavLink>
      <NavLink to="/about" className={navClass}>
        {t("outreach.nav.about")}
      </NavLink>
      <NavLink to="/notices" className={navClass}>
        {t("outreach.nav.notices")}
      </NavLink>
      {actor ? (
        <NavLink to={homePathFor(actor.role)} className={navClass}>
          {t("common.nav.myHome")}
        </NavLink>
      ) : (
        <NavLink to="/register" className={navClass}>
          {t("common.nav.register")}
        </NavLink>
      )}
    </>
  );
}

function Logo() {
  const t = useT();
  return (
    <Link to="/" className="flex min-w-0 items-center gap-2 rounded-md">
      <span
        aria-hidden="true"
        className="grid size-9 shrink-0 place-items-center rounded-md bg-white font-bold text-brand-800"
      >
        信
      </span>
      <span className="truncate text-base font-semibold sm:text-lg">
        <span className="md:hidden">{t("common.appShortName")}</span>
        <span className="hidden md:inline">{t("common.appName")}</span>
      </span>
    </Link>
  );
}

/**
 * The phone's header: one bar (logo, the unread count, one menu button); the menu holds the
 * pages, the user, messages, password, help, language, 大字 and sign-out.
 */
function PhoneBar({ actor, unread, display }: { actor: Actor | null; unread: number; display: DisplayMode }) {
  const t = useT();
  const menu = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();
  // the menu closes once a page is chosen (a link, or a switch that comes back to the page)
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [key]);
  return (
    <div className="flex items-center justify-between gap-2 px-4 py-2 md:hidden" data-testid="phone-bar">
      <Logo />
      <div className="flex items-center gap-2">
        {actor ? (
          <Link
            to="/notifications"
            aria-label={t("notifications.bell", { count: unread })}
            className="inline-flex min-h-10 items-center rounded-md px-2 text-sm font-medium text-brand-100 hover:bg-white/10"
          >
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
              <path d="M10 2a5 5 0 0 0-5 5v3.6L3.3 13.5A1 1 0 0 0 4.2 15h11.6a1 1 0 0 0 .9-1.5L15 10.6V7a5 5 0 0 0-5-5Zm0 17a2.5 2.5 0 0 0 2.4-2h-4.8A2.5 2.5 0 0 0 10 19Z" />
            </svg>
            <UnreadBadge unread={unread} />
          </Link>
        ) : (
          <Link to="/login" className="rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-800">
            {t("common.nav.login")}
          </Link>
        )}
        <details ref={menu}>
          <summary className="flex min-h-10 cursor-pointer list-none items-center gap-1 rounded-md px-3 py-2 text-sm font-medium text-white ring-1 ring-white/30 hover:bg-white/10 [&::-webkit-details-marker]:hidden">
            <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 fill-current">
              <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" />
            </svg>
            {t("common.nav.menu")}
          </summary>
          <div className="absolute inset-x-0 z-40 mt-2 max-h-[80vh] overflow-y-auto border-t border-white/20 bg-brand-800 px-4 pb-4 shadow-lg">
            {actor && (
              <div className="border-b border-white/20 py-3" data-testid="phone-user">
                <Identity actor={actor} />
              </div>
            )}
            <nav aria-label={t("common.nav.mainNavigation")} className="flex flex-col gap-1 py-2">
              <MainLinks actor={actor} navClass={menuNavClass} />
            </nav>
            <div className="flex flex-col gap-1 border-t border-white/20 pt-2">
              {actor && (
                <>
                  <MessagesLink unread={unread} className={menuItemClass} />
                  <Link to="/account/password" className={menuItemClass}>
                    {t("account.nav")}
                  </Link>
                </>
              )}
              <HelpLink reader={actor?.role ?? "anonymous"} className={menuItemClass} />
              <LanguageSwitch className={menuItemClass} />
              <DisplaySwitch mode={display} className={menuItemClass} />
              {actor && <SignOut className={menuItemClass} />}
            </div>
          </div>
        </details>
      </div>
    </div>
  );
}

export function SiteHeader({
  actor,
  unread = 0,
  display = "standard",
}: {
  actor: Actor | null;
  unread?: number;
  display?: DisplayMode;
}) {
  const t = useT();
  return (
    <header className="site-header relative bg-brand-800 text-white">
      <PhoneBar actor={actor} unread={unread} display={display} />
      <div className="mx-auto hidden max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3 md:flex">
        <Logo />
        <nav aria-label={t("common.nav.mainNavigation")} className="flex items-center gap-1">
          <MainLinks actor={actor} navClass={barNavClass} />
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <HelpLink reader={actor?.role ?? "anonymous"} className={toolClass} />
          <LanguageSwitch className={toolClass} />
          <DisplaySwitch mode={display} className={toolClass} />
          {actor ? (
            <UserBox actor={actor} unread={unread} />
          ) : (
            <Link
              to="/login"
              className="rounded-md bg-white px-3 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50"
            >
              {t("common.nav.login")}
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
