import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { BankNav } from "~/components/bank-nav";
import {
  LoanStats,
  LoanTerms,
  OverdueNotice,
  RepaymentsTable,
  RiskClassBadge,
  ScheduleTable,
} from "~/components/loan-view";
import { DetailRow } from "~/components/detail-list";
import { BackLink, PageHeader, buttonClass } from "~/components/ui";
import { useT } from "~/i18n/use-t";
import { isBankLoan } from "~/models/loan-pages.server";
import { requireBankUser } from "~/permissions.server";
import { dispatchIntent } from "~/utils/form-action.server";
import { notFound } from "~/utils/http.server";
import { readForm } from "~/utils/read-form.server";

import { loanPage, reportClass, repay, settle } from "./queries.server";
import { ClassForm, PoolSection, RepayForm, SettleForm } from "./sections";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireBankUser(request);
  return json(await loanPage(actor, params.id ?? ""), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireBankUser(request);
  const id = params.id ?? "";
  // another bank's loan answers as a loan that does not exist
  if (!(await isBankLoan(actor, id))) throw notFound();
  const form = await readForm(request);
  return dispatchIntent(form, {
    repay: () => repay(actor, id, form),
    settle: () => settle(actor, id, form),
    riskClass: () => reportClass(actor, id, form, request),
  });
}

export default function BankLoan() {
  const { loan, pool, formKeys, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  return (
    <div>
      <BankNav />
      <BackLink to="/bank/loans">{t("loans.bankLoan.back")}</BackLink>
      <PageHeader
        title={t("loans.bankLoan.title", { number: loan.number })}
        description={loan.enterprise.name}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {loan.status === "ACTIVE" && <RiskClassBadge riskClass={loan.riskClass} />}
            <Link to={`/bank/applications/${loan.applicationId}`} className={buttonClass("secondary")}>
              {t("loans.bankLoan.application")}
            </Link>
          </div>
        }
      />
      <OverdueNotice loan={loan} />
      <LoanStats loan={loan} />
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <h2 className="mb-4 text-lg font-semibold text-slate-900">{t("loans.enterprise.terms")}</h2>
          <LoanTerms
            loan={loan}
            loanPath={(id) => `/bank/loans/${id}`}
            extra={
              <>
                <DetailRow label={t("loans.common.enterprise")}>
                  {loan.enterprise.name}
                  <span className="ml-2 font-mono text-xs text-slate-500">{loan.enterprise.uscc}</span>
                </DetailRow>
                <DetailRow label={t("loans.common.firstLoan")}>
                  {loan.firstLoan ? t("loans.common.yes") : t("loans.common.no")}
                </DetailRow>
              </>
            }
          />
        </section>
        {pool && <PoolSection loanId={loan.id} active={loan.status === "ACTIVE"} pool={pool} />}
      </div>
      <div className="mt-6 flex flex-col gap-6">
        {loan.status === "ACTIVE" && loan.quote ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <RepayForm
              result={actionData}
              formKey={formKeys.repay}
              today={today}
              maxFen={loan.quote.maxFen}
            />
            <div className="flex flex-col gap-6">
              <SettleForm
                result={actionData}
                formKey={formKeys.settle}
                today={today}
                version={loan.version}
                settlementFen={loan.quote.settlementFen}
              />
              <ClassForm
                result={actionData}
                floor={loan.floor}
                reported={loan.reportedRiskClass}
                inForce={loan.riskClass}
              />
            </div>
          </div>
        ) : (
          <p className="rounded-md bg-slate-50 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
            {t("loans.bankLoan.settledNote")}
          </p>
        )}
        <ScheduleTable loan={loan} />
        <RepaymentsTable loan={loan} showReference />
      </div>
    </div>
  );
}
