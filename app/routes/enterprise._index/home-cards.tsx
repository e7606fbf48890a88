/** The firm's home page below the profile: recommendations, work in flight, grants, demands, news. */
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

import { MatchReasons } from "~/components/match-reasons";
import { NotificationText } from "~/components/notification-text";
import { ProductCard } from "~/components/product-card";
import { StateBadge } from "~/components/state-badge";
import { Badge, Card, EmptyState, cx } from "~/components/ui";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** A bank's name in the reader's language; no bank means a grant to all banks. */
function useBankName() {
  const t = useT();
  const locale = useLocale();
  return (bank: { name: string; nameEn: string } | null) =>
    bank ? (locale === "zh-CN" ? bank.name : bank.nameEn) : t("enterprise.home.allBanks");
}

/**
 * A card of the home page: a short list with a link to the whole of it, or what to do when it
 * is empty. Rows of two lines (the applications) are roomier.
 */
function HomeListCard<Item extends { id: string }>({
  title,
  more,
  items,
  empty,
  twoLine = false,
  children,
}: {
  title: string;
  more: { to: string; label: string };
  items: readonly Item[];
  empty: ReactNode;
  twoLine?: boolean;
  children: (item: Item) => ReactNode;
}) {
  return (
    <Card
      title={title}
      actions={
        <Link to={more.to} className="text-sm text-brand-700 hover:underline">
          {more.label}
        </Link>
      }
    >
      {items.length ? (
        <ul className={cx("divide-y divide-slate-200", !twoLine && "text-sm")}>
          {items.map((item) => (
            <li
              key={item.id}
              className={cx("flex flex-wrap justify-between gap-2", twoLine ? "items-center py-3" : "py-2")}
            >
              {children(item)}
            </li>
          ))}
        </ul>
      ) : (
        empty
      )}
    </Card>
  );
}

/** The products matched to the firm, each with why it matched. */
export function RecommendedProducts({ recommended }: Pick<Data, "recommended">) {
  const t = useT();
  return (
    <section aria-labelledby="recommended-title">
      <h2 id="recommended-title" className="mb-3 text-lg font-semibold">
        {t("matching.recommended")}
      </h2>
      <ul className="grid gap-4 md:grid-cols-3" data-testid="recommended-products">
        {recommended.map(({ product, score, reasons }) => (
          <li key={product.id} className="flex flex-col gap-2">
            <ProductCard product={product} />
            <MatchReasons score={score} reasons={reasons} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The firm's applications under way, each with its next step. */
export function InFlightCard({ inFlight }: Pick<Data, "inFlight">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const bankName = useBankName();
  return (
    <HomeListCard
      title={t("enterprise.home.inFlight")}
      more={{ to: "/enterprise/applications", label: t("enterprise.home.viewAll") }}
      items={inFlight}
      twoLine
      empty={
        <EmptyState
          title={t("enterprise.home.noInFlight")}
          hint={t("workspace.enterprise.noApplications")}
          next={{ to: "/products", label: t("workspace.enterprise.browseProducts") }}
        />
      }
    >
      {(application) => (
        <>
          <div>
            <Link
              to={`/enterprise/applications/${application.id}`}
              className="font-medium text-brand-700 hover:underline"
            >
              {application.product.name}
            </Link>
            <p className="text-sm text-slate-600">
              {bankName(application.bank)} · {application.number} ·{" "}
              {formatYuanAsWan(application.amountYuan, locale)}
            </p>
          </div>
          <div className="flex flex-col items-end gap-1">
            <StateBadge state={application.state} />
            <span className="text-xs text-slate-600">
              {td(`enterprise.home.nextStep.${application.state}`)}
            </span>
          </div>
        </>
      )}
    </HomeListCard>
  );
}

/** The banks the firm has authorised, until when. */
export function AuthorizationsCard({ liveAuthorizations }: Pick<Data, "liveAuthorizations">) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const bankName = useBankName();
  return (
    <HomeListCard
      title={t("enterprise.home.authorizations")}
      more={{ to: "/enterprise/authorizations", label: t("enterprise.home.viewAll") }}
      items={liveAuthorizations}
      empty={
        <EmptyState
          title={t("enterprise.home.noAuthorizations")}
          next={{ to: "/enterprise/authorizations", label: t("enterprise.home.authorizeNow") }}
        />
      }
    >
      {(a) => (
        <>
          <span>{bankName(a.bank)}</span>
          <span className="text-slate-600">
            {td(`domain.scope.${a.scope}`)} ·{" "}
            {t("enterprise.home.expiresOn", { date: formatDate(a.expiresAt, locale) })}
          </span>
        </>
      )}
    </HomeListCard>
  );
}

/** The firm's open demands, with offers waiting or the day they lapse. */
export function DemandsCard({ openDemands }: Pick<Data, "openDemands">) {
  const t = useT();
  const locale = useLocale();
  return (
    <HomeListCard
      title={t("enterprise.home.demands")}
      more={{ to: "/enterprise/demands", label: t("enterprise.home.viewAll") }}
      items={openDemands}
      empty={
        <EmptyState
          title={t("enterprise.home.noDemands")}
          next={{ to: "/enterprise/demands/new", label: t("enterprise.home.postDemand") }}
        />
      }
    >
      {(d) => (
        <>
          <Link to={`/enterprise/demands/${d.id}`} className="font-medium text-brand-700 hover:underline">
            {formatYuanAsWan(d.amountYuan, locale)} ·{" "}
            {t("enterprise.demands.termValue", { months: d.termMonths })}
          </Link>
          {d.pendingOffers > 0 ? (
            <Badge tone="amber">{t("enterprise.home.pendingOffers", { count: d.pendingOffers })}</Badge>
          ) : (
            <span className="text-slate-600">
              {t("enterprise.home.expiresOn", { date: formatDate(d.validUntil, locale) })}
            </span>
          )}
        </>
      )}
    </HomeListCard>
  );
}

/** The latest notifications, unread ones in bold. */
export function NotificationsCard({ notifications }: Pick<Data, "notifications">) {
  const t = useT();
  const locale = useLocale();
  return (
    <HomeListCard
      title={t("enterprise.home.notifications")}
      more={{ to: "/notifications", label: t("enterprise.home.allNotifications") }}
      items={notifications}
      empty={<p className="text-sm text-slate-600">{t("enterprise.home.noNotifications")}</p>}
    >
      {(n) => (
        <>
          <span className={n.readAt ? "text-slate-600" : "font-medium"}>
            {n.link ? (
              <Link to={n.link} className="hover:underline">
                <NotificationText kind={n.kind} params={n.params} />
              </Link>
            ) : (
              <NotificationText kind={n.kind} params={n.params} />
            )}
          </span>
          <span className="text-xs text-slate-500">{formatDateTime(n.createdAt, locale)}</span>
        </>
      )}
    </HomeListCard>
  );
}
