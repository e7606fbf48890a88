import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { StateBadge } from "~/components/state-badge";
import { BankNav } from "~/components/bank-nav";
import { CreditSummary, useSectionName } from "~/components/bank-credit-profile";
import { DecisionForms, type DecisionActionData } from "~/components/bank-decision-forms";
import { SlaBadge } from "~/components/bank-sla";
import { Badge, Card, PageHeader, buttonClass } from "~/components/ui";
import { allowedActions, type ApplicationState } from "~/domain/application-machine";
import { parseDecisionForm, purposeForState } from "~/domain/decision-rules";
import { checkEligibility, eligibilityProductOf } from "~/domain/eligibility";
import { formatDateTime } from "~/domain/format-date";
import { formatBp, formatYuanAsWan } from "~/domain/money";
import { redirectWithFlash } from "~/flash.server";
import { useLocale, useT, useTDynamic } from "~/i18n/use-t";
import { liveScopeFor, openEnterpriseProfile } from "~/models/access-log.server";
import { transitionApplication } from "~/models/application-transition.server";
import { getBankApplication, getDecisionContext } from "~/models/bank-application.server";
import { requireBankUser } from "~/permissions.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const application = await getBankApplication({ id: params.id ?? "", actor });
  if (!application) throw notFound();
  // The applicant's credit data is shown — and its view logged — only under a live FULL authorisation.
  let credit = null;
  let creditState: "FULL" | "BASIC" | "NONE" | "LOG_FAILED" = "NONE";
  const scope = await liveScopeFor(actor, application.enterpriseId);
  if (scope === "FULL") {
    try {
      const view = await openEnterpriseProfile({
        actor,
        enterpriseId: application.enterpriseId,
        purpose: purposeForState(application.state),
      });
      if (view?.full) {
        const { product, amountYuan, termMonths } = application;
        const eligibility = checkEligibility(
          {
            ...view.full,
            size: view.firm.size,
            sectionCode: view.firm.sectionCode,
            whitelisted: view.firm.whitelisted,
          },
          eligibilityProductOf(product),
          { amountYuan, termMonths },
        );
        credit = { summary: view.full, eligibility, whitelisted: view.firm.whitelisted };
        creditState = "FULL";
      }
    } catch (error) {
      console.error("access log write failed", error);
      creditState = "LOG_FAILED";
    }
  } else if (scope === "BASIC") creditState = "BASIC";
  const actions = allowedActions(application.state as ApplicationState, "BANK");
  return json({ application, credit, creditState, actions }, { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const id = params.id ?? "";
  const found = await getDecisionContext({ id, actor });
  if (!found) throw forbidden();
  const parsed = parseDecisionForm(await readForm(request), found.context);
  const intent = String(parsed.ok ? parsed.input.action : (parsed.values.intent ?? "")).slice(0, 20);
  if (!parsed.ok)
    return badRequest<DecisionActionData>({ intent, errors: parsed.errors, values: parsed.values });
  const result = await transitionApplication({
    applicationId: id,
    actor,
    input: parsed.input,
    expectedVersion: parsed.expectedVersion,
  });
  if (result.ok) {
    return redirectWithFlash(`/bank/applications/${id}`, {
      kind: "success",
      key: `bank.decision.flash.${parsed.input.action}`,
      params: { number: found.number },
    });
  }
  if (result.error === "NOT_FOUND" || result.error === "FORBIDDEN") throw forbidden();
  if (result.error === "INVALID_LOAN_TERMS") {
    return badRequest<DecisionActionData>({
      intent,
      errors: { repaymentMethod: { key: "loans.errors.invalidTerms" } },
      values: {},
    });
  }
  if (result.error === "RENEWAL_REFUSED") {
    return badRequest<DecisionActionData>({
      intent,
      errors: { renewalKind: { key: "alerts.errors.renewalRefused" } },
      values: {},
    });
  }
  if (result.error === "INVALID_REASON") {
    return badRequest<DecisionActionData>({
      intent,
      errors: { reason: { key: "bank.errors.invalidReason" } },
      values: {},
    });
  }
  return json<DecisionActionData>(
    { intent, errors: { _form: { key: "bank.errors.stale" } }, values: {}, stale: true },
    { status: 409 },
  );
}

export default function BankApplicationDecision() {
  const { application, credit, creditState, actions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const sectionName = useSectionName();
  const p = application.product;
  const money = (yuan: number) => formatYuanAsWan(yuan, locale);
  return (
    <div>
      <BankNav />
      <p className="mb-2">
        <Link to="/bank/applications" className="text-sm text-brand-700 hover:underline">
          ← {t("bank.decision.back")}
        </Link>
      </p>
      <PageHeader
        title={t("bank.decision.title", { number: application.number })}
        description={application.enterprise.name}
        actions={
          <div className="flex items-start gap-3">
            <StateBadge state={application.state} />
            <SlaBadge sla={application.sla} />
          </div>
        }
      />
      {actionData?.stale && (
        <div
          role="alert"
          className="mb-4 flex flex-wrap items-center justify-between gap-2 rounded-md bg-amber-50 px-4 py-3 text-amber-900 ring-1 ring-amber-200"
        >
          <span>{t("bank.errors.stale")}</span>
          <a href={`/bank/applications/${application.id}`} className={buttonClass("secondary")}>
            {t("bank.errors.reload")}
          </a>
        </div>
      )}
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="flex flex-col gap-6">
          <Card title={t("bank.decision.request")}>
            <dl className="grid gap-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-600">{t("bank.decision.amount")}</dt>
                <dd className="text-lg font-semibold tabular-nums">{money(application.amountYuan)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("bank.decision.term")}</dt>
                <dd className="text-lg font-semibold">
                  {t("bank.decision.termValue", { months: application.termMonths })}
                </dd>
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-600">{t("bank.decision.purpose")}</dt>
                <dd>{application.purpose}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t("bank.decision.submittedAt")}</dt>
                <dd>{formatDateTime(application.submittedAt, locale)}</dd>
              </div>
              <div className="flex flex-wrap items-end gap-2">
                {application.whitelisted && <Badge tone="green">{t("bank.decision.whitelisted")}</Badge>}
                {application.offerId && <Badge tone="blue">{t("bank.decision.fromOffer")}</Badge>}
              </div>
              <div className="sm:col-span-2">
                <dt className="text-slate-600">{t("bank.decision.product")}</dt>
                <dd>
                  <Link to={`/bank/products/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {p.name}
                  </Link>{" "}
                  <span className="text-slate-500">
                    {t("bank.products.versionLabel", { version: p.version })}
                  </span>
                  <span className="block text-slate-600">
                    {t("bank.decision.productTerms", {
                      amount: `${money(p.minAmountYuan)} – ${money(p.maxAmountYuan)}`,
                      term: t("bank.products.termRange", { min: p.minTermMonths, max: p.maxTermMonths }),
                      rate: t("bank.products.rateRange", {
                        min: formatBp(p.minRateBp),
                        max: formatBp(p.maxRateBp),
                      }),
                    })}
                  </span>
                </dd>
              </div>
            </dl>
            {(application.approvedAmountYuan !== null || application.rejectReason) && (
              <div className="mt-4 border-t border-slate-100 pt-4 text-sm">
                <h3 className="font-medium">{t("bank.decision.outcome")}</h3>
                {application.approvedAmountYuan !== null && (
                  <p>
                    {t("bank.decision.approved", {
                      amount: money(application.approvedAmountYuan),
                      term: application.approvedTermMonths ?? "",
                      rate: formatBp(application.approvedRateBp ?? 0),
                    })}
                  </p>
                )}
                {application.disbursedAmountYuan !== null && application.disbursedAt && (
                  <p>
                    {t("bank.decision.disbursed", {
                      amount: money(application.disbursedAmountYuan),
                      rate: formatBp(application.disbursedRateBp ?? 0),
                      date: formatDateTime(application.disbursedAt, locale),
                    })}
                  </p>
                )}
                {application.rejectReason && (
                  <p>
                    {t("bank.decision.rejected", {
                      reason: td(`domain.rejectReason.${application.rejectReason}`),
                    })}
                    {application.rejectText ? ` — ${application.rejectText}` : ""}
                  </p>
                )}
              </div>
            )}
          </Card>
          <Card
            title={t("bank.decision.applicant")}
            actions={
              creditState !== "NONE" ? (
                <Link
                  to={`/bank/candidates/${application.enterprise.id}`}
                  className={buttonClass("secondary")}
                >
                  {t("bank.decision.viewProfile")}
                </Link>
              ) : undefined
            }
          >
            <p className="font-medium">{application.enterprise.name}</p>
            <p className="text-sm text-slate-600">
              <span className="font-mono">{application.enterprise.uscc}</span> ·{" "}
              {sectionName(application.enterprise.sectionCode)} ·{" "}
              {td(`domain.size.${application.enterprise.size}`)}
            </p>
            <div className="mt-4">
              {credit ? (
                <>
                  <h3 className="mb-2 font-medium">{t("bank.decision.creditSummary")}</h3>
                  <CreditSummary credit={credit.summary} />
                  <h3 className="mt-4 mb-2 font-medium">{t("bank.decision.eligibility")}</h3>
                  <p className="mb-2">
                    {credit.eligibility.eligible ? (
                      <Badge tone="green">{t("bank.decision.eligible")}</Badge>
                    ) : (
                      <Badge tone="amber">{t("bank.decision.notEligible")}</Badge>
                    )}
                  </p>
                  <ul className="flex flex-col gap-1 text-sm">
                    {credit.eligibility.reasons.map((reason) => (
                      <li
                        key={reason.rule}
                        className={reason.ok ? "text-slate-700" : "font-medium text-red-800"}
                      >
                        <span aria-hidden="true">{reason.ok ? "✓ " : "✗ "}</span>
                        {td(reason.key, reason.params)}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="text-sm text-slate-600">
                  {creditState === "BASIC"
                    ? t("bank.decision.basicCredit")
                    : creditState === "LOG_FAILED"
                      ? t("bank.errors.accessLogFailed")
                      : t("bank.decision.noCredit")}
                </p>
              )}
            </div>
          </Card>
          <Card title={t("bank.decision.timeline")}>
            <ol className="relative flex flex-col gap-4 border-l border-slate-200 pl-5">
              {application.events.map((event) => (
                <li key={event.id}>
                  <span
                    aria-hidden="true"
                    className="absolute -left-1.5 mt-1.5 size-3 rounded-full bg-brand-600"
                  />
                  <p className="flex flex-wrap items-center gap-2">
                    <StateBadge state={event.toState} />
                    <span className="text-sm text-slate-600">{formatDateTime(event.at, locale)}</span>
                    <span className="text-sm text-slate-600">
                      · {event.actor ? event.actor.displayName : t("bank.decision.eventSystem")}
                    </span>
                  </p>
                  <EventDetails data={event.data} />
                </li>
              ))}
            </ol>
          </Card>
        </div>
        <aside className="flex flex-col gap-4" aria-labelledby="decision-actions">
          <h2 id="decision-actions" className="text-lg font-semibold">
            {t("bank.decision.actions")}
          </h2>
          {actions.length === 0 ? (
            <p className="text-sm text-slate-600">{t("bank.decision.noActions")}</p>
          ) : (
            <DecisionForms application={application} actions={actions} actionData={actionData} />
          )}
        </aside>
      </div>
    </div>
  );
}

function EventDetails({ data }: { data: Record<string, unknown> }) {
  const t = useT();
  const td = useTDynamic();
  const locale = useLocale();
  const parts: string[] = [];
  if (typeof data.amountYuan === "number" && Number.isSafeInteger(data.amountYuan))
    parts.push(t("bank.decision.eventData.amount", { value: formatYuanAsWan(data.amountYuan, locale) }));
  if (typeof data.termMonths === "number")
    parts.push(t("bank.decision.eventData.term", { value: data.termMonths }));
  if (typeof data.rateBp === "number" && Number.isSafeInteger(data.rateBp))
    parts.push(t("bank.decision.eventData.rate", { value: formatBp(data.rateBp) }));
  if (typeof data.reason === "string")
    parts.push(t("bank.decision.eventData.reason", { value: td(`domain.rejectReason.${data.reason}`) }));
  if (typeof data.text === "string" && data.text) parts.push(data.text);
  if (parts.length === 0) return null;
  return <p className="mt-1 text-sm text-slate-700">{parts.join(" · ")}</p>;
}
