import { Link, useLocation } from "@remix-run/react";

import { helpGuideFor, type HelpReader } from "~/domain/help-topics";
import { useT } from "~/i18n/use-t";

/** The page's help, one click away: the guide that explains the page open, else the help centre. */
export function HelpLink({ reader, className }: { reader: HelpReader; className: string }) {
  const t = useT();
  const { pathname } = useLocation();
  const guide = helpGuideFor(pathname, reader);
  const onHelp = pathname === "/help" || pathname.startsWith("/help/");
  return (
    <Link
      to={!guide || onHelp ? "/help" : guide === "faq" ? "/help#faq" : `/help/${guide}`}
      className={className}
      aria-label={guide && !onHelp ? t("outreach.help.linkForPage") : t("outreach.help.title")}
      data-testid="help-link"
    >
      {t("outreach.help.link")}
    </Link>
  );
}
