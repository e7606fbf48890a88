import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";

import { withClientIp } from "~/client-ip.server";
import { StateBadge } from "~/components/state-badge";
import { BankNav } from "~/components/bank-nav";
import { DecisionForms, type DecisionActionData } from "~/components/bank-decision-forms";
import { SlaBadge } from "~/components/bank-sla";
import { BackLink, PageHeader, buttonClass } from "~/components/ui";
import { allowedActions, type ApplicationState } from "~/domain/application-machine";
import { parseDecisionForm } from "~/domain/decision-rules";
import { redirectWithFlash } from "~/flash.server";
import { useT } from "~/i18n/use-t";
import { transitionApplication } from "~/models/application-transition.server";
import { getBankApplication, getDecisionContext } from "~/models/bank-application.server";
import { requireBankUser } from "~/permissions.server";
import { badRequest, forbidden, notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { ApplicantCard } from "./applicant-card";
import { applicantCredit } from "./queries.server";
import { RequestCard } from "./request-card";
import { Timeline } from "./timeline";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const actor = withClientIp(await requireBankUser(request), context);
  const application = await getBankApplication({ id: params.id ?? "", actor });
  if (!application) throw notFound();
  const { credit, creditState } = await applicantCredit(actor, application);
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
  return (
    <div>
      <BankNav />
      <BackLink to="/bank/applications">{t("bank.decision.back")}</BackLink>
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
          <RequestCard application={application} />
          <ApplicantCard application={application} credit={credit} creditState={creditState} />
          <Timeline events={application.events} />
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
