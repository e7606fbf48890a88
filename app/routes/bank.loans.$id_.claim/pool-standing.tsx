import type { SerializeFrom } from "@remix-run/node";
import { Form } from "@remix-run/react";

import { RuleSummary } from "~/components/pool-ui";
import { Badge, Card, SubmitButton } from "~/components/ui";
import { formatDate, formatDay } from "~/domain/format-date";
import { formatBp } from "~/domain/money";
import { formatFen } from "~/domain/money-fen";
import type { FilingRefusal } from "~/domain/risk-pool-codes";
import { useLocale, useT } from "~/i18n/use-t";

import type { loader } from "./route";

type Data = SerializeFrom<typeof loader>;

/** Where the loan stands with the pool: filed (under which rule) or how to file, the principal and the threshold. */
export function PoolStanding({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  const pastThreshold = data.claimThresholdDpd !== null && data.daysPastDue >= data.claimThresholdDpd;
  return (
    <Card title={t("pool.bank.section")}>
      <div className="flex flex-col gap-3 text-sm">
        {data.filing ? (
          <>
            <p>
              <Badge tone="green">{t("pool.firm.covered")}</Badge>{" "}
              {t("pool.bank.filed", {
                date: formatDate(data.filing.filedAt, locale),
                day: formatDay(data.filing.rule.effectiveOn, locale),
                coverage: formatBp(data.filing.rule.coverageBp),
                cap: formatFen(BigInt(data.filing.rule.capYuan) * 100n),
              })}
            </p>
            <RuleSummary rule={data.filing.rule} />
          </>
        ) : (
          <FilingBox data={data} />
        )}
        <p>
          {t("pool.claim.principal")}: <span className="font-semibold">{formatFen(data.outstandingFen)}</span>
        </p>
        {data.claimThresholdDpd !== null && (
          <p className={pastThreshold ? "font-medium text-red-800" : undefined}>
            {t("pool.bank.claimThreshold", { threshold: data.claimThresholdDpd, dpd: data.daysPastDue })}
          </p>
        )}
      </div>
    </Card>
  );
}

function FilingBox({ data }: { data: Data }) {
  const t = useT();
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-2">
      <p>
        {data.filingDeadline
          ? t("pool.bank.notFiled", { deadline: formatDay(data.filingDeadline, locale) })
          : t("pool.bank.noRuleDeadline")}
      </p>
      {data.filingRefusals.length > 0 ? (
        <div>
          <p className="font-medium text-amber-900">{t("pool.bank.cannotFile")}</p>
          <ul className="list-disc pl-6 text-amber-900">
            {data.filingRefusals.map((r: FilingRefusal) => (
              <li key={r}>{t(`pool.refusal.${r}`)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <Form method="post" action={`/bank/loans/${data.loanId}/filing`}>
          <input type="hidden" name="back" value="claim" />
          <SubmitButton name="intent" value="file">
            {t("pool.bank.file")}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}
