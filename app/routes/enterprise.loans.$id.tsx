import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

import { EnterpriseNav } from "~/components/enterprise-nav";
import { LoanStats, LoanTerms, OverdueNotice, RepaymentsTable, ScheduleTable } from "~/components/loan-view";
import { BackLink, Badge, Card, PageHeader } from "~/components/ui";
import { useLocale, useT } from "~/i18n/use-t";
import { getLoan } from "~/models/loan-view.server";
import { requireEnterpriseUser } from "~/permissions.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireEnterpriseUser(request);
  const loan = await getLoan({ id: params.id ?? "", actor });
  if (!loan) throw notFound();
  // The settlement quote, the risk class and the row version are the bank's working data.
  const {
    quote: _quote,
    version: _version,
    reportedRiskClass: _reported,
    riskClass: _class,
    floor: _floor,
    nonPerforming: _npl,
    ...own
  } = loan;
  return json({ loan: own }, { headers: { "Cache-Control": "no-store" } });
}

export default function EnterpriseLoan() {
  const { loan } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const bankName = locale === "zh-CN" ? loan.bank.name : loan.bank.nameEn;
  return (
    <div>
      <EnterpriseNav />
      <BackLink to="/enterprise/loans">{t("loans.enterprise.back")}</BackLink>
      <PageHeader
        title={t("loans.enterprise.loanTitle", { number: loan.number })}
        description={bankName}
        actions={
          loan.covered ? (
            <Badge tone="green">{t("pool.firm.covered")}</Badge>
          ) : (
            <Badge>{t("loans.enterprise.notCovered")}</Badge>
          )
        }
      />
      <OverdueNotice loan={loan}>{t("loans.overdueAlertFirm", { bank: bankName })}</OverdueNotice>
      <LoanStats loan={loan} />
      <div className="flex flex-col gap-6">
        <Card title={t("loans.enterprise.terms")}>
          <LoanTerms loan={loan} loanPath={(id) => `/enterprise/loans/${id}`} />
          {loan.covered && <p className="mt-3 text-sm text-slate-600">{t("loans.enterprise.coveredHint")}</p>}
        </Card>
        <ScheduleTable loan={loan} />
        <RepaymentsTable loan={loan} showReference={false} />
      </div>
    </div>
  );
}
