import { Form, Link, NavLink, useLocation } from "@remix-run/react";

import type { Actor } from "~/models/actor";
import { homePathFor } from "~/models/actor";
import { useLocale, useT } from "~/i18n/use-t";

import { HelpLink } from "./help-link";
import { cx } from "./ui";

function navClass({ isActive }: { isActive: boolean }) {
  return cx(
    "rounded-md px-3 py-2 text-sm font-medium",
    isActive ? "bg-white/15 text-white" : "text-brand-100 hover:bg-white/10 hover:text-white",
  );
}

function LanguageSwitch() {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const next = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <Form method="post" action="/locale" className="contents">
      <input type="hidden" name="locale" value={next} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        lang={next}
        aria-label={t("common.language.switchToLabel")}
        className="rounded-md px-3 py-2 text-sm font-medium text-brand-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white"
      >
        {t("common.language.switchTo")}
      </button>
    </Form>
  );
}

function UserBox({ actor, unread }: { actor: Actor; unread: number }) {
  const t = useT();
  const locale = useLocale();
  const org = actor.organization
    ? locale === "zh-CN"
      ? actor.organization.zh
      : actor.organization.en
    : null;
  return (
    <div className="flex flex-wrap items-center gap-3" data-testid="user-box">
      <div className="text-right text-xs leading-tight text-brand-100">
        <p className="text-sm font-medium text-white">
          <span className="sr-only">{t("common.signedInAs")}: </span>
          {actor.displayName}
        </p>
        <p>
          {t(`common.roles.${actor.role}`)}
          {org && <> · {org}</>}
        </p>
      </div>
      <Link
        to="/notifications"
        aria-label={t("notifications.bell", { count: unread })}
        className="relative rounded-md px-3 py-2 text-sm font-medium text-brand-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white"
      >
        {t("notifications.title")}
        {unread > 0 && (
          <span
            aria-hidden="true"
            className="ml-1 rounded-full bg-amber-400 px-1.5 text-xs font-semibold text-brand-900"
          >
            {unread}
          </span>
        )}
      </Link>
      <Link
        to="/account/password"
        className="rounded-md px-3 py-2 text-sm font-medium text-brand-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white"
      >
        {t("account.nav")}
      </Link>
      <Form method="post" action="/logout">
        <button
          type="submit"
          className="rounded-md px-3 py-2 text-sm font-medium text-brand-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white"
        >
          {t("common.nav.logout")}
        </button>
      </Form>
    </div>
  );
}

export function SiteHeader({ actor, unread = 0 }: { actor: Actor | null; unread?: number }) {
  const t = useT();
  const links = (
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
  return (
    <header className="bg-brand-800 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="grid size-9 place-items-center rounded-md bg-white font-bold text-brand-800"
          >
            信
          </span>
          <span className="text-base font-semibold sm:text-lg">{t("common.appName")}</span>
        </Link>
        <nav aria-label={t("common.nav.mainNavigation")} className="hidden items-center gap-1 md:flex">
          {links}
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <HelpLink
            reader={actor?.role ?? "anonymous"}
            className="rounded-md px-3 py-2 text-sm font-medium text-brand-100 ring-1 ring-white/30 hover:bg-white/10 hover:text-white"
          />
          <LanguageSwitch />
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
        <details className="w-full md:hidden">
          <summary className="cursor-pointer rounded-md px-3 py-2 text-sm font-medium text-brand-100 hover:bg-white/10">
            {t("common.nav.menu")}
          </summary>
          <nav aria-label={t("common.nav.mainNavigation")} className="mt-2 flex flex-col gap-1">
            {links}
          </nav>
        </details>
      </div>
    </header>
  );
}
