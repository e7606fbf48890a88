/** The firm's application page: summary and decision, SLA, its buttons, the timeline. */
import type { SerializeFrom } from "@remix-run/node";
import { Form, Link } from "@remix-run/react";

import { StateBadge } from "~/components/state-badge";
import { Card, SubmitButton } from "~/components/ui";
import type { ApplicationAction } from "~/domain/application-machine";
import { formatDate, formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";

import type { loader } from "./route";

type Application = SerializeFrom<typeof loader>["application"];

/** What was asked for, and the bank's decision once there is one. */
export function SummaryCard({ application }: { application: Application }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const reason = application.rejectReason ? td(`domain.rejectReason.${application.rejectReason}`) : "";
  return (
    <Card
      title={t("enterprise.applications.detail.summary")}
      actions={<StateBadge state={application.state} />}
      className="lg:col-span-2"
    >
      <dl className="grid gap-4 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-500">{t("enterprise.applications.detail.amount")}</dt>
          <dd className="tabular-nums">{formatYuanAsWan(application.amountYuan, locale)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.applications.detail.term")}</dt>
          <dd>{t("enterprise.demands.termValue", { months: application.termMonths })}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.applications.detail.submittedAt")}</dt>
          <dd>{formatDateTime(application.submittedAt, locale)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("enterprise.applications.detail.product")}</dt>
          <dd>
            <Link to={`/products/${application.product.id}`} className="text-brand-700 hover:underline">
              {application.product.name}
            </Link>
          </dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-slate-500">{t("enterprise.applications.detail.purpose")}</dt>
          <dd className="whitespace-pre-line">{application.purpose}</dd>
        </div>
        {application.offerId && (
          <div className="sm:col-span-2 text-slate-600">{t("enterprise.applications.detail.fromOffer")}</div>
        )}
      </dl>
      {(application.approvedAmountYuan !== null || application.rejectReason) && (
        <div className="mt-4 rounded-md bg-slate-50 p-3 text-sm" data-testid="decision">
          <h3 className="font-semibold">{t("enterprise.applications.detail.decision")}</h3>
          {application.approvedAmountYuan !== null && application.approvedRateBp !== null && (
            <p>
              {t("enterprise.applications.detail.approved", {
                amount: formatYuanAsWan(application.approvedAmountYuan, locale),
                rate: formatBp(application.approvedRateBp),
                term: application.approvedTermMonths ?? application.termMonths,
              })}
            </p>
          )}
          {application.disbursedAt &&
            application.disbursedAmountYuan !== null &&
            application.disbursedRateBp !== null && (
              <p>
                {t("enterprise.applications.detail.disbursed", {
                  amount: formatYuanAsWan(application.disbursedAmountYuan, locale),
                  rate: formatBp(application.disbursedRateBp),
                  date: formatDate(application.disbursedAt, locale),
                })}
              </p>
            )}
          {application.rejectReason && (
            <p>
              {application.state === "CANCELLED"
                ? t("enterprise.applications.detail.cancelled", { reason })
                : t("enterprise.applications.detail.rejected", { reason })}
            </p>
          )}
          {application.rejectText && (
            <p>{t("enterprise.applications.detail.reasonText", { text: application.rejectText })}</p>
          )}
        </div>
      )}
    </Card>
  );
}

/** When the bank must answer, and how many days are left. */
export function SlaCard({ application }: { application: Application }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const sla = application.sla;
  return (
    <Card title={t("enterprise.applications.sla.title")}>
      {sla ? (
        <div className="text-sm" data-testid="sla">
          <p>
            {td(`enterprise.applications.sla.${sla.clock}`, {
              date: formatDateTime(sla.deadline, locale),
            })}
          </p>
          <p className={sla.overdue ? "mt-1 font-medium text-red-700" : "mt-1 text-slate-600"}>
            {sla.overdue
              ? t("enterprise.applications.sla.overdue", { days: -sla.workingDaysLeft })
              : sla.basis === "CALENDAR_DAYS"
                ? t("enterprise.applications.sla.calendarDaysLeft", { days: sla.calendarDaysLeft })
                : sla.workingDaysLeft === 0
                  ? t("enterprise.applications.sla.dueToday")
                  : t("enterprise.applications.sla.workingDaysLeft", { days: sla.workingDaysLeft })}
          </p>
        </div>
      ) : (
        <p className="text-sm text-slate-600">{t("enterprise.applications.sla.none")}</p>
      )}
    </Card>
  );
}

/** The firm's buttons: withdraw, or accept or decline an approved offer. */
export function ActionsCard({
  application,
  actions,
}: {
  application: Application;
  actions: readonly ApplicationAction[];
}) {
  const t = useT();
  return (
    <Card title={t("enterprise.applications.actions.title")}>
      <Form method="post" className="flex flex-col gap-3">
        <input type="hidden" name="version" value={application.version} />
        {actions.includes("withdraw") && (
          <>
            <SubmitButton
              name="intent"
              value="withdraw"
              variant="danger"
              pendingLabel={t("enterprise.applications.actions.withdrawing")}
            >
              {t("enterprise.applications.actions.withdraw")}
            </SubmitButton>
            <p className="text-xs text-slate-500">{t("enterprise.applications.actions.withdrawHint")}</p>
          </>
        )}
        {actions.includes("cancel") && (
          <>
            <SubmitButton name="intent" value="acknowledge">
              {t("enterprise.applications.actions.acceptOffer")}
            </SubmitButton>
            <p className="text-xs text-slate-500">{t("enterprise.applications.actions.acceptHint")}</p>
            <SubmitButton
              name="intent"
              value="declineOffer"
              variant="secondary"
              pendingLabel={t("enterprise.applications.actions.declining")}
            >
              {t("enterprise.applications.actions.declineOffer")}
            </SubmitButton>
            <p className="text-xs text-slate-500">{t("enterprise.applications.actions.declineHint")}</p>
          </>
        )}
      </Form>
    </Card>
  );
}

/** Every change of state, who made it and why. */
export function Timeline({ application }: { application: Application }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  return (
    <Card title={t("enterprise.applications.detail.timeline")}>
      <ol className="relative ml-2 border-l border-slate-200" data-testid="timeline">
        {application.events.map((event) => (
          <li key={event.id} className="mb-6 ml-4">
            <span aria-hidden="true" className="absolute -left-1.5 mt-1.5 size-3 rounded-full bg-brand-600" />
            <p className="font-medium">
              {event.fromState === null && event.toState === "ACCEPTED"
                ? t("enterprise.applications.event.createdFromOffer")
                : td(`enterprise.applications.event.to.${event.toState}`)}
            </p>
            <p className="text-sm text-slate-600">
              <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time> ·{" "}
              {event.actor
                ? t("enterprise.applications.event.by", {
                    name: event.actor.displayName,
                    role: td(`common.roles.${event.actor.role}`),
                  })
                : t("enterprise.applications.event.system")}
            </p>
            {typeof event.data.reason === "string" && (
              <p className="text-sm text-slate-700">{td(`domain.rejectReason.${event.data.reason}`)}</p>
            )}
            {typeof event.data.text === "string" && event.data.text && (
              <p className="text-sm text-slate-700">
                {t("enterprise.applications.detail.reasonText", { text: event.data.text })}
              </p>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
