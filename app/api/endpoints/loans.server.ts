/**
 * Loans through the API (SPEC, "After the money" and "Bank systems"): the bank's loans with
 * their schedule, days past due and class; repayments, the pool filing and the claim — each on
 * the model function the bank's screens call (getLoan, recordRepayment, fileLoan, fileClaim,
 * addRecoveryAction), so the rules, refusals and logs are the same for both doors.
 */
import { fenToYuanString, parseYuanString } from "~/domain/api-money";
import { hasControlCharacters } from "~/domain/control-characters";
import { REPAYMENT_METHODS } from "~/domain/loan-schedule";
import { RISK_CLASSES } from "~/domain/loan-servicing";
import {
  CLAIM_REFUSALS,
  CLAIM_STATES,
  FILING_REFUSALS,
  RECOVERY_ACTION_KINDS,
} from "~/domain/risk-pool-codes";
import {
  getBankClaimOfLoan,
  getBankFilingOfLoan,
  LOAN_SYNC_STATUSES,
  listBankLoansByChange,
} from "~/models/bank-loan-sync.server";
import { recordRepayment, REPAYMENT_ERROR_MESSAGES } from "~/models/loan.server";
import { getLoan, type LoanView } from "~/models/loan-view.server";
import { fileClaim } from "~/models/pool-claim.server";
import { fileLoan } from "~/models/pool-filing.server";
import { addRecoveryAction } from "~/models/pool-recovery.server";

import { nextCursor, positionAfter } from "../cursor.server";
import { defineEndpoint, reply, type ApiCall } from "../endpoint.server";
import { ApiError, type FieldMessage } from "../errors.server";
import { after, day, instant, isoTime, limit, money, page, rateBp, time } from "../wire";
import { z } from "../zod";

const loanId = z
  .string()
  .max(40)
  .openapi({ description: "the loan's id", example: "cm0loan0000000000000000001" });
const loanParams = z.object({ id: loanId });

/** Text a bank writes (a statement, a material's title): not blank, no control characters, capped. */
const plainText = (max: number) =>
  z
    .string()
    .max(max)
    .refine((text) => text.trim().length > 0, { message: "api.fields.required" })
    .refine((text) => !hasControlCharacters(text), { message: "common.validation.controlCharacters" });

const periodSchema = z
  .object({
    seq: z.number().int(),
    dueOn: day,
    principal: money,
    interest: money,
    paid: money,
    unpaid: money,
    paidOffOn: day.nullable(),
    overdue: z.boolean(),
  })
  .openapi("LoanPeriod");

const repaymentSchema = z
  .object({
    id: z.string(),
    paidOn: day,
    amount: money,
    principal: money,
    interest: money,
    kind: z.enum(["INSTALMENT", "PREPAYMENT", "SETTLEMENT"]),
    reference: z.string(),
    channel: z.string().openapi({ description: "PORTAL, API or RENEWAL" }),
  })
  .openapi("Repayment");

export const loanSchema = z
  .object({
    id: loanId,
    application: z.string().openapi({ description: "the application's number" }),
    enterprise: z.object({ uscc: z.string(), name: z.string() }),
    product: z.object({ name: z.string(), type: z.string() }),
    principal: money,
    outstandingPrincipal: money,
    paidPrincipal: money,
    paidInterest: money,
    rateBp,
    termMonths: z.number().int(),
    repaymentMethod: z.enum(REPAYMENT_METHODS),
    disbursedOn: day,
    maturityOn: day,
    status: z.enum(LOAN_SYNC_STATUSES),
    settledOn: day.nullable(),
    daysPastDue: z
      .number()
      .int()
      .openapi({ description: "Shanghai days since the earliest unpaid due date" }),
    riskClass: z
      .enum(RISK_CLASSES)
      .openapi({ description: "the class in force: the DPD floor or a worse reported one" }),
    riskClassFloor: z.enum(RISK_CLASSES),
    reportedRiskClass: z.enum(RISK_CLASSES).nullable(),
    nonPerforming: z.boolean(),
    overdue: money.openapi({ description: "what fell due before today and is unpaid" }),
    nextDue: z.object({ dueOn: day, amount: money }).nullable(),
    firstLoan: z.boolean(),
    filed: z.boolean().openapi({ description: "filed with the district's risk-compensation pool" }),
    version: z.number().int(),
    schedule: z.array(periodSchema),
    repayments: z.array(repaymentSchema),
  })
  .openapi("Loan");

const yuan = (fen: string | bigint) => fenToYuanString(BigInt(fen));

function presentLoan(loan: LoanView) {
  return {
    id: loan.id,
    application: loan.number,
    enterprise: { uscc: loan.enterprise.uscc, name: loan.enterprise.name },
    product: { name: loan.product.name, type: loan.product.type },
    principal: yuan(loan.principalFen),
    outstandingPrincipal: yuan(loan.outstandingPrincipalFen),
    paidPrincipal: yuan(loan.paidPrincipalFen),
    paidInterest: yuan(loan.paidInterestFen),
    rateBp: loan.rateBp,
    termMonths: loan.termMonths,
    repaymentMethod: loan.repaymentMethod,
    disbursedOn: loan.disbursedOn,
    maturityOn: loan.maturityOn,
    status: loan.status,
    settledOn: loan.settledOn,
    daysPastDue: loan.dpd,
    riskClass: loan.riskClass,
    riskClassFloor: loan.floor,
    reportedRiskClass: loan.reportedRiskClass,
    nonPerforming: loan.nonPerforming,
    overdue: yuan(loan.overdueFen),
    nextDue: loan.nextDue ? { dueOn: loan.nextDue.dueOn, amount: yuan(loan.nextDue.amountFen) } : null,
    firstLoan: loan.firstLoan,
    filed: loan.covered,
    version: loan.version,
    schedule: loan.periods.map((p) => ({
      seq: p.seq,
      dueOn: p.dueOn,
      principal: yuan(p.principalFen),
      interest: yuan(p.interestFen),
      paid: yuan(p.paidFen),
      unpaid: yuan(p.unpaidFen),
      paidOffOn: p.paidOffOn,
      overdue: p.overdue,
    })),
    repayments: loan.repayments.map((r) => ({
      id: r.id,
      paidOn: r.paidOn,
      amount: yuan(r.amountFen),
      principal: yuan(r.principalFen),
      interest: yuan(r.interestFen),
      kind: r.kind,
      reference: r.reference,
      channel: r.channel,
    })),
  };
}

async function loanView(call: Pick<ApiCall<unknown, unknown, unknown>, "actor" | "now">, id: string) {
  const loan = await getLoan({ id, actor: call.actor, now: call.now });
  if (!loan) throw new ApiError("not_found");
  return loan;
}

const examplePeriod = {
  seq: 1,
  dueOn: "2027-01-06",
  principal: "123690.52",
  interest: "4812.50",
  paid: "0.00",
  unpaid: "128503.02",
  paidOffOn: null,
  overdue: false,
};
const exampleLoan = {
  id: "cm0loan0000000000000000001",
  application: "XYD-20261206-0042",
  enterprise: { uscc: "91410100MAXYD1001T", name: "郑州华信软件有限公司" },
  product: { name: "郑银信用贷", type: "CREDIT" },
  principal: "1500000.00",
  outstandingPrincipal: "1500000.00",
  paidPrincipal: "0.00",
  paidInterest: "0.00",
  rateBp: 385,
  termMonths: 12,
  repaymentMethod: "EQUAL_INSTALMENT",
  disbursedOn: "2026-12-06",
  maturityOn: "2027-12-06",
  status: "ACTIVE",
  settledOn: null,
  daysPastDue: 0,
  riskClass: "NORMAL",
  riskClassFloor: "NORMAL",
  reportedRiskClass: null,
  nonPerforming: false,
  overdue: "0.00",
  nextDue: { dueOn: "2027-01-06", amount: "128503.02" },
  firstLoan: true,
  filed: false,
  version: 0,
  schedule: [examplePeriod],
  repayments: [],
};

export const listLoans = defineEndpoint({
  method: "GET",
  path: "/loans",
  operationId: "listLoans",
  tag: "loans",
  summary: "The bank's loans, in the order they last changed",
  description:
    "Each loan with its schedule, days past due and class on today's Shanghai date. Pull what changed since the last run with `updatedSince` (or keep the last `next` cursor). Only this bank's loans are listed.",
  query: z.object({
    status: z.enum(LOAN_SYNC_STATUSES).optional(),
    updatedSince: instant.optional(),
    after,
    limit,
  }),
  response: page(loanSchema),
  errors: [400],
  examples: [
    {
      summary: "active loans",
      query: { status: "ACTIVE", limit: "20" },
      response: { data: [exampleLoan], next: null },
    },
  ],
  handle: async (call) => {
    const { actor, query } = call;
    const rows = await listBankLoansByChange(actor, {
      status: query.status,
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      after: positionAfter(query.after, "updatedAt"),
      limit: query.limit,
    });
    const data = [];
    for (const row of rows) {
      const loan = await getLoan({ id: row.id, actor, now: call.now });
      if (loan) data.push(presentLoan(loan));
    }
    return reply({
      data,
      next: nextCursor(rows, query.limit, "updatedAt"),
    });
  },
});

export const getLoanEndpoint = defineEndpoint({
  method: "GET",
  path: "/loans/{id}",
  operationId: "getLoan",
  tag: "loans",
  summary: "One loan with its schedule, repayments, days past due and class",
  params: loanParams,
  response: loanSchema,
  errors: [404],
  examples: [{ summary: "a new loan", params: { id: exampleLoan.id }, response: exampleLoan }],
  handle: async (call) => reply(presentLoan(await loanView(call, call.params.id))),
});

// ---------------------------------------------------------------- repayments

const REFERENCE = /^[A-Za-z0-9_./-]{1,64}$/;

const repaymentBody = z
  .object({
    paidOn: day.openapi({
      description: "the day the money was received (not after today, not before the disbursement)",
    }),
    amount: z
      .string()
      .regex(/^-?(0|[1-9]\d{0,15})\.\d{2}$/, "api.fields.money")
      .openapi({
        description:
          "元 with exactly two decimals; more than 0 and not more than everything owed on that day",
        example: "128503.02",
      }),
    reference: z
      .string()
      .refine((text) => REFERENCE.test(text), { message: "loans.errors.referenceInvalid" })
      .openapi({
        description: "the bank's own reference (流水号), unique per bank: 1–64 of A–Z a–z 0–9 - _ . /",
        example: "ZZB202701060001",
      }),
  })
  .strict()
  .openapi("RepaymentInput");

export const reportRepayment = defineEndpoint({
  method: "POST",
  path: "/loans/{id}/repayments",
  operationId: "reportRepayment",
  tag: "loans",
  summary: "Report a repayment (also early repayment and settlement)",
  description:
    "Applied to the oldest due amounts first, interest before principal; more than what is due repays principal early, and everything owed settles the loan (结清). Refused with 422 and the field: a date after today or before the disbursement (or before the latest repayment recorded), an amount ≤ 0 or over everything owed, a settled loan, a reference already reported. Answers the repayment and the loan after it.",
  params: loanParams,
  body: repaymentBody,
  response: z.object({ repayment: repaymentSchema, loan: loanSchema }).openapi("RepaymentReported"),
  successStatus: 201,
  errors: [400, 404, 409, 422],
  examples: [
    {
      summary: "the first instalment",
      status: 201,
      params: { id: exampleLoan.id },
      body: { paidOn: "2027-01-06", amount: "128503.02", reference: "ZZB202701060001" },
      response: {
        repayment: {
          id: "cm0repayment00000000000001",
          paidOn: "2027-01-06",
          amount: "128503.02",
          principal: "123690.52",
          interest: "4812.50",
          kind: "INSTALMENT",
          reference: "ZZB202701060001",
          channel: "API",
        },
        loan: {
          ...exampleLoan,
          outstandingPrincipal: "1376309.48",
          paidPrincipal: "123690.52",
          paidInterest: "4812.50",
          version: 1,
          nextDue: { dueOn: "2027-02-06", amount: "128503.02" },
          schedule: [{ ...examplePeriod, paid: "128503.02", unpaid: "0.00", paidOffOn: "2027-01-06" }],
        },
      },
    },
  ],
  handle: async (call) => {
    const { actor, body, now } = call;
    const amountFen = body.amount.startsWith("-") ? -1n : parseYuanString(body.amount);
    if (amountFen === null)
      throw new ApiError("invalid_request", { fields: { amount: { key: "api.fields.money" } } });
    const result = await recordRepayment({
      loanId: call.params.id,
      actor,
      paidOn: body.paidOn,
      amountFen,
      reference: body.reference,
      formKey: call.idempotencyKey ? `api-${call.idempotencyKey.slice(0, 32)}` : null,
      channel: "API",
      now,
    });
    if (!result.ok) {
      if (result.error === "NOT_FOUND") throw new ApiError("not_found");
      if (result.error === "CHANGED") throw new ApiError("version_conflict");
      if (result.error !== "FIELD") throw new ApiError("idempotency_key_reused");
      const message: FieldMessage = {
        key: REPAYMENT_ERROR_MESSAGES[result.code],
        ...(result.maxFen !== undefined ? { params: { max: fenToYuanString(result.maxFen) } } : {}),
      };
      throw new ApiError("validation_failed", { fields: { [result.field]: message } });
    }
    const loan = await loanView(call, call.params.id);
    const repayment = loan.repayments.find((r) => r.id === result.repaymentId);
    if (!repayment) throw new ApiError("not_found");
    const presented = presentLoan(loan);
    return reply(
      { repayment: presented.repayments.find((r) => r.id === repayment.id), loan: presented },
      201,
    );
  },
});

// ---------------------------------------------------------------- the pool: filing and claim

const filingSchema = z.object({ id: z.string(), loanId, filedAt: time, principal: money }).openapi("Filing");

const refusalDescription = (codes: readonly string[]) =>
  `422 \`${codes === FILING_REFUSALS ? "filing_refused" : "claim_refused"}\` names every reason in \`fields\`, keyed by its code: ${codes.join(", ")}.`;

export const fileLoanEndpoint = defineEndpoint({
  method: "POST",
  path: "/loans/{id}/filing",
  operationId: "fileLoan",
  tag: "pool",
  summary: "File the loan with the district's risk-compensation pool (备案)",
  description: `Under the rules in force on the disbursement date, within the filing window. ${refusalDescription(FILING_REFUSALS)} A loan filed already answers 409 conflict.`,
  params: loanParams,
  response: filingSchema,
  successStatus: 201,
  errors: [404, 409, 422],
  examples: [
    {
      summary: "filed",
      status: 201,
      params: { id: exampleLoan.id },
      response: {
        id: "cm0filing00000000000000001",
        loanId: exampleLoan.id,
        filedAt: "2026-12-07T10:00:00.000+08:00",
        principal: "1500000.00",
      },
    },
  ],
  handle: async (call) => {
    const result = await fileLoan(call.actor, call.params.id, call.now);
    if (!result.ok) {
      if (result.error === "NOT_FOUND") throw new ApiError("not_found");
      if (result.error !== "REFUSED")
        throw new ApiError("conflict", { fields: { _: { key: "pool.errors.alreadyFiled" } } });
      throw new ApiError("filing_refused", {
        fields: Object.fromEntries(
          result.reasons.map((reason) => [reason, { key: `pool.refusal.${reason}` }]),
        ),
      });
    }
    const filing = await getBankFilingOfLoan(call.actor, call.params.id);
    if (!filing) throw new ApiError("not_found");
    return reply(
      {
        id: filing.id,
        loanId: filing.loanId,
        filedAt: isoTime(filing.filedAt),
        principal: fenToYuanString(filing.principalFen),
      },
      201,
    );
  },
});

const claimBody = z
  .object({
    statement: plainText(2000).openapi({ description: "the bank's statement with the claim" }),
    materials: z
      .array(plainText(100))
      .min(1)
      .max(30)
      .openapi({ description: "the material list: 1–30 titles of at most 100 characters" }),
    recoveryActions: z
      .array(
        z
          .object({
            takenOn: day,
            kind: z.enum(RECOVERY_ACTION_KINDS),
            description: plainText(500),
          })
          .strict(),
      )
      .max(20)
      .default([])
      .openapi({
        description:
          "追偿措施 taken since the last report, recorded before the claim is judged (a claim needs at least one on record); each dated between the disbursement and today. They stay on record when the claim itself is refused.",
      }),
  })
  .strict()
  .openapi("ClaimInput");

const claimSchema = z
  .object({
    id: z.string(),
    loanId,
    state: z.enum(CLAIM_STATES),
    principalAtClaim: money,
    daysPastDue: z.number().int(),
    coverageBp: z.number().int(),
    computedCompensation: money.openapi({
      description: "min(cap, principal × coverage); interest is never compensated",
    }),
    submittedAt: time,
    materials: z.array(z.string()),
  })
  .openapi("Claim");

const RECOVERY_DATE_ERRORS = {
  DATE_IN_FUTURE: "pool.errors.dateInFuture",
  DATE_BEFORE_DISBURSEMENT: "pool.errors.dateBeforeDisbursement",
} as const;

export const fileClaimEndpoint = defineEndpoint({
  method: "POST",
  path: "/loans/{id}/claims",
  operationId: "fileClaim",
  tag: "pool",
  summary: "Claim compensation (代偿申请) on a filed loan past the threshold",
  description: `One claim per loan (a second answers 409 conflict). ${refusalDescription(CLAIM_REFUSALS)} The bureau's decision arrives as the \`claim.decided\` event.`,
  params: loanParams,
  body: claimBody,
  response: claimSchema,
  successStatus: 201,
  errors: [400, 404, 409, 422],
  examples: [
    {
      summary: "a claim after a lawsuit",
      status: 201,
      params: { id: exampleLoan.id },
      body: {
        statement: "借款人经营停滞，已起诉并申请强制执行。",
        materials: ["借款合同", "催收记录", "起诉状及受理通知书"],
        recoveryActions: [
          { takenOn: "2027-05-10", kind: "LAWSUIT", description: "向郑州市中原区人民法院起诉" },
        ],
      },
      response: {
        id: "cm0claim000000000000000001",
        loanId: exampleLoan.id,
        state: "FILED",
        principalAtClaim: "1376309.48",
        daysPastDue: 95,
        coverageBp: 8500,
        computedCompensation: "1169863.06",
        submittedAt: "2027-05-12T10:00:00.000+08:00",
        materials: ["借款合同", "催收记录", "起诉状及受理通知书"],
      },
    },
  ],
  handle: async (call) => {
    const { actor, body, now } = call;
    const loan = await loanView(call, call.params.id);
    const fields: Record<string, FieldMessage> = {};
    body.recoveryActions.forEach((action, index) => {
      if (action.takenOn > loan.today)
        fields[`recoveryActions.${index}.takenOn`] = { key: RECOVERY_DATE_ERRORS.DATE_IN_FUTURE };
      else if (action.takenOn < loan.disbursedOn)
        fields[`recoveryActions.${index}.takenOn`] = { key: RECOVERY_DATE_ERRORS.DATE_BEFORE_DISBURSEMENT };
    });
    if (Object.keys(fields).length) throw new ApiError("validation_failed", { fields });
    if (await getBankClaimOfLoan(actor, loan.id))
      throw new ApiError("conflict", { fields: { _: { key: "pool.errors.alreadyClaimed" } } });
    for (const [index, action] of body.recoveryActions.entries()) {
      const added = await addRecoveryAction(
        actor,
        loan.id,
        { ...action, description: action.description.trim() },
        now,
      );
      if (!added.ok) {
        if (added.error === "NOT_FOUND") throw new ApiError("not_found");
        throw new ApiError("validation_failed", {
          fields: { [`recoveryActions.${index}.takenOn`]: { key: RECOVERY_DATE_ERRORS[added.error] } },
        });
      }
    }
    const result = await fileClaim(
      actor,
      loan.id,
      { statement: body.statement.trim(), materials: body.materials.map((m) => m.trim()) },
      now,
    );
    if (!result.ok) {
      if (result.error === "NOT_FOUND") throw new ApiError("not_found");
      if (result.error !== "REFUSED")
        throw new ApiError("conflict", { fields: { _: { key: "pool.errors.alreadyClaimed" } } });
      throw new ApiError("claim_refused", {
        fields: Object.fromEntries(
          result.reasons.map((reason) => [reason, { key: `pool.refusal.${reason}` }]),
        ),
      });
    }
    const claim = await getBankClaimOfLoan(actor, loan.id);
    if (!claim) throw new ApiError("not_found");
    return reply(
      {
        id: claim.id,
        loanId: claim.loanId,
        state: claim.state,
        principalAtClaim: fenToYuanString(claim.principalAtClaimFen),
        daysPastDue: claim.daysPastDue,
        coverageBp: claim.coverageBp,
        computedCompensation: fenToYuanString(claim.computedFen),
        submittedAt: isoTime(claim.submittedAt),
        materials: claim.materials.map((m) => m.title),
      },
      201,
    );
  },
});
