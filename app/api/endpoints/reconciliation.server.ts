import { fenToYuanString, yuanToYuanString } from "~/domain/api-money";
import { csvField } from "~/domain/indicator-table";
import { shanghaiDate } from "~/domain/shanghai-time";
import { listBankDay } from "~/models/reconciliation.server";

import { defineEndpoint } from "../endpoint.server";
import { ApiError } from "../errors.server";
import { day, isoTime } from "../wire";
import { z } from "../zod";

export const RECONCILIATION_COLUMNS = [
  "kind",
  "at",
  "application",
  "enterpriseUscc",
  "enterpriseName",
  "fromState",
  "toState",
  "amount",
  "rateBp",
  "termMonths",
  "reasonCode",
  "disbursedOn",
  "loanId",
  "reference",
  "principal",
  "interest",
  "repaymentKind",
  "by",
] as const;

type Row = Partial<Record<(typeof RECONCILIATION_COLUMNS)[number], string | number | null>>;

/** RFC 4180, CRLF, no byte-order mark (a file for programs); text cells neutralised against formulas. */
function toCsv(rows: Row[]): string {
  const lines = [RECONCILIATION_COLUMNS.join(",")];
  for (const row of rows)
    lines.push(RECONCILIATION_COLUMNS.map((column) => csvField(row[column] ?? null)).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

export const getReconciliation = defineEndpoint({
  method: "GET",
  path: "/reconciliation/{date}",
  operationId: "getReconciliation",
  tag: "reconciliation",
  summary: "The bank's day as CSV: transitions of its applications and the repayments reported",
  description: `One row per movement, in time order. Columns: ${RECONCILIATION_COLUMNS.join(", ")}. \`kind\` is \`transition\` (a row of an application's timeline) or \`repayment\`; money as two-decimal 元, times ISO 8601 (+08:00), the day in Shanghai.`,
  params: z.object({ date: day }),
  response: "csv",
  errors: [400],
  examples: [
    {
      summary: "a day with one acceptance",
      params: { date: "2026-12-06" },
      response: `${RECONCILIATION_COLUMNS.join(",")}\r\ntransition,2026-12-06T10:00:00.000+08:00,XYD-20261206-0042,91410100MAXYD1001T,郑州华信软件有限公司,SUBMITTED,ACCEPTED,,,,,,,,,,,接口 demo-zzbank\r\n`,
    },
  ],
  handle: async ({ actor, params, now }) => {
    if (params.date > shanghaiDate(now))
      throw new ApiError("validation_failed", { fields: { date: { key: "bank.errors.dateFuture" } } });
    const { transitions, repayments } = await listBankDay(actor, params.date);
    const rows: (Row & { sortAt: number })[] = [
      ...transitions.map((e) => {
        const d = e.data;
        return {
          sortAt: e.at.getTime(),
          kind: "transition",
          at: isoTime(e.at),
          application: e.application.number,
          enterpriseUscc: e.application.enterprise.uscc,
          enterpriseName: e.application.enterprise.name,
          fromState: e.fromState,
          toState: e.toState,
          amount:
            typeof d.amountYuan === "number" && Number.isSafeInteger(d.amountYuan)
              ? yuanToYuanString(d.amountYuan)
              : null,
          rateBp: typeof d.rateBp === "number" ? d.rateBp : null,
          termMonths: typeof d.termMonths === "number" ? d.termMonths : null,
          reasonCode: typeof d.reason === "string" ? d.reason : null,
          disbursedOn:
            typeof d.disbursedAt === "string" && !Number.isNaN(Date.parse(d.disbursedAt))
              ? shanghaiDate(new Date(d.disbursedAt))
              : null,
          by: e.actor?.displayName ?? null,
        };
      }),
      ...repayments.map((r) => ({
        sortAt: r.createdAt.getTime(),
        kind: "repayment",
        at: isoTime(r.createdAt),
        application: r.loan.application.number,
        enterpriseUscc: r.loan.enterprise.uscc,
        enterpriseName: r.loan.enterprise.name,
        amount: fenToYuanString(r.amountFen),
        loanId: r.loan.id,
        reference: r.reference,
        principal: fenToYuanString(r.principalFen),
        interest: fenToYuanString(r.interestFen),
        repaymentKind: r.kind,
        by: r.reportedBy?.displayName ?? null,
      })),
    ].sort((a, b) => a.sortAt - b.sortAt);
    return { status: 200, csv: toCsv(rows), filename: `reconciliation-${params.date}.csv` };
  },
});
