import {
  allowedActions,
  APPLICATION_STATES,
  REJECT_REASONS,
  type ApplicationState,
} from "~/domain/application-machine";
import { yuanToYuanString } from "~/domain/api-money";
import { DECISION_INTENTS } from "~/domain/bank-choices";
import { parseDecisionForm } from "~/domain/decision-rules";
import { REPAYMENT_METHODS } from "~/domain/loan-codes";
import { shanghaiDate } from "~/domain/shanghai-time";
import { transitionApplication } from "~/models/application-transition.server";
import {
  findBankApplicationId,
  getBankApplication,
  getDecisionContext,
  listBankApplicationsByChange,
  type bankApplicationSyncSelect,
} from "~/models/bank-application.server";
import type { Prisma } from "@prisma/client";

import { nextCursor, positionAfter } from "../cursor.server";
import { defineEndpoint, reply, type ApiCall } from "../endpoint.server";
import { ApiError } from "../errors.server";
import { bpToPercentText, renameFields, wholeYuanField, yuanToWanText } from "../form-values";
import { after, instant, isoTime, limit, money, page, rateBp, time, day } from "../wire";
import { z } from "../zod";

const applicationNumber = z
  .string()
  .max(40)
  .openapi({ description: "the application's number", example: "XYD-20261206-0042" });

const eventSchema = z
  .object({
    at: time,
    from: z.enum(APPLICATION_STATES).nullable(),
    to: z.enum(APPLICATION_STATES),
    by: z.object({ name: z.string(), role: z.string() }).nullable(),
    amount: money.optional(),
    rateBp: rateBp.optional(),
    termMonths: z.number().int().optional(),
    reasonCode: z.enum(REJECT_REASONS).optional(),
    reasonText: z.string().optional(),
    disbursedOn: day.optional(),
  })
  .openapi("ApplicationEvent");

export const applicationSchema = z
  .object({
    number: applicationNumber,
    state: z.enum(APPLICATION_STATES),
    version: z.number().int().openapi({ description: "send it back with a transition" }),
    enterprise: z.object({ uscc: z.string(), name: z.string() }),
    product: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
    amount: money,
    termMonths: z.number().int(),
    purpose: z.string(),
    whitelisted: z.boolean(),
    submittedAt: time,
    acceptedAt: time.nullable(),
    decidedAt: time.nullable(),
    approved: z.object({ amount: money, rateBp, termMonths: z.number().int() }).nullable(),
    rejection: z.object({ reasonCode: z.enum(REJECT_REASONS), reasonText: z.string().nullable() }).nullable(),
    disbursed: z.object({ amount: money, rateBp, disbursedOn: day }).nullable(),
    closedAt: time.nullable(),
    updatedAt: time,
    events: z
      .array(eventSchema)
      .optional()
      .openapi({ description: "the timeline, only on GET /applications/{number}" }),
  })
  .openapi("Application");

type SyncRow = Prisma.ApplicationGetPayload<{ select: typeof bankApplicationSyncSelect }>;

function presentApplication(row: SyncRow) {
  return {
    number: row.number,
    state: row.state as ApplicationState,
    version: row.version,
    enterprise: { uscc: row.enterprise.uscc, name: row.enterprise.name },
    product: { id: row.product.id, name: row.product.name, version: row.product.version },
    amount: yuanToYuanString(row.amountYuan),
    termMonths: row.termMonths,
    purpose: row.purpose,
    whitelisted: row.whitelisted,
    submittedAt: isoTime(row.submittedAt),
    acceptedAt: isoTime(row.acceptedAt),
    decidedAt: isoTime(row.decidedAt),
    approved:
      row.approvedAmountYuan !== null && row.approvedRateBp !== null && row.approvedTermMonths !== null
        ? {
            amount: yuanToYuanString(row.approvedAmountYuan),
            rateBp: row.approvedRateBp,
            termMonths: row.approvedTermMonths,
          }
        : null,
    rejection: row.rejectReason
      ? { reasonCode: row.rejectReason as (typeof REJECT_REASONS)[number], reasonText: row.rejectText }
      : null,
    disbursed:
      row.disbursedAt && row.disbursedAmountYuan !== null && row.disbursedRateBp !== null
        ? {
            amount: yuanToYuanString(row.disbursedAmountYuan),
            rateBp: row.disbursedRateBp,
            disbursedOn: shanghaiDate(row.disbursedAt),
          }
        : null,
    closedAt: isoTime(row.closedAt),
    updatedAt: isoTime(row.updatedAt),
  };
}

type TimelineEvent = {
  at: Date;
  fromState: string | null;
  toState: string;
  data: Record<string, unknown>;
  actor: { displayName: string; role: string } | null;
};

function presentEvent(event: TimelineEvent) {
  const d = event.data;
  const out: Record<string, unknown> = {
    at: isoTime(event.at),
    from: event.fromState,
    to: event.toState,
    by: event.actor ? { name: event.actor.displayName, role: event.actor.role } : null,
  };
  if (typeof d.amountYuan === "number" && Number.isSafeInteger(d.amountYuan))
    out.amount = yuanToYuanString(d.amountYuan);
  if (typeof d.rateBp === "number") out.rateBp = d.rateBp;
  if (typeof d.termMonths === "number") out.termMonths = d.termMonths;
  if (typeof d.reason === "string") out.reasonCode = d.reason;
  if (typeof d.text === "string") out.reasonText = d.text;
  if (typeof d.disbursedAt === "string" && !Number.isNaN(Date.parse(d.disbursedAt)))
    out.disbursedOn = shanghaiDate(new Date(d.disbursedAt));
  return out;
}

async function applicationView(call: Pick<ApiCall<unknown, unknown, unknown>, "actor" | "now">, id: string) {
  const application = await getBankApplication({ id, actor: call.actor, now: call.now });
  if (!application) throw new ApiError("not_found");
  return {
    ...presentApplication(application),
    events: application.events.map(presentEvent),
  };
}

const exampleApplication = {
  number: "XYD-20261206-0042",
  state: "SUBMITTED",
  version: 0,
  enterprise: { uscc: "91410100MAXYD1001T", name: "郑州华信软件有限公司" },
  product: { id: "cm0product000000000000001", name: "郑银信用贷", version: 1 },
  amount: "1500000.00",
  termMonths: 12,
  purpose: "采购原材料",
  whitelisted: false,
  submittedAt: "2026-12-06T09:00:00.000+08:00",
  acceptedAt: null,
  decidedAt: null,
  approved: null,
  rejection: null,
  disbursed: null,
  closedAt: null,
  updatedAt: "2026-12-06T09:00:00.000+08:00",
};

export const listApplications = defineEndpoint({
  method: "GET",
  path: "/applications",
  operationId: "listApplications",
  tag: "applications",
  summary: "The bank's applications, in the order they last changed",
  description:
    "Pull what is new since the last run: pass `updatedSince` (or keep the last `next` cursor) and page with `after`. Only applications addressed to this bank are listed.",
  query: z.object({
    state: z.enum(APPLICATION_STATES).optional(),
    updatedSince: instant.optional(),
    after,
    limit,
  }),
  response: page(applicationSchema),
  errors: [400],
  examples: [
    {
      summary: "new applications",
      query: { state: "SUBMITTED", limit: "20" },
      response: { data: [exampleApplication], next: null },
    },
  ],
  handle: async ({ actor, query }) => {
    const rows = await listBankApplicationsByChange(actor, {
      state: query.state,
      updatedSince: query.updatedSince ? new Date(query.updatedSince) : undefined,
      after: positionAfter(query.after, "updatedAt"),
      limit: query.limit,
    });
    return reply({
      data: rows.map(presentApplication),
      next: nextCursor(rows, query.limit, "updatedAt"),
    });
  },
});

const numberParams = z.object({ number: applicationNumber });

export const getApplication = defineEndpoint({
  method: "GET",
  path: "/applications/{number}",
  operationId: "getApplication",
  tag: "applications",
  summary: "One application with its timeline",
  params: numberParams,
  response: applicationSchema,
  errors: [404],
  examples: [
    {
      summary: "a new application",
      params: { number: "XYD-20261206-0042" },
      response: {
        ...exampleApplication,
        events: [
          {
            at: "2026-12-06T09:00:00.000+08:00",
            from: null,
            to: "SUBMITTED",
            by: { name: "张伟", role: "ENTERPRISE" },
          },
        ],
      },
    },
  ],
  handle: async (call) => {
    const id = await findBankApplicationId(call.actor, call.params.number);
    if (!id) throw new ApiError("not_found");
    return reply(await applicationView(call, id));
  },
});

const transitionBody = z
  .object({
    action: z.enum(DECISION_INTENTS),
    version: z.number().int().min(0).openapi({ description: "the application's version as last read" }),
    amount: money.optional().openapi({ description: "approve, disburse: whole 元" }),
    rateBp: rateBp.optional().openapi({ description: "approve, disburse" }),
    termMonths: z.number().int().min(1).max(360).optional().openapi({ description: "approve" }),
    reasonCode: z.enum(REJECT_REASONS).optional().openapi({ description: "reject, cancel" }),
    reasonText: z
      .string()
      .max(500)
      .optional()
      .openapi({ description: "reject, cancel: required with OTHER" }),
    disbursedOn: day.optional().openapi({ description: "disburse: between the approval day and today" }),
    repaymentMethod: z
      .enum(REPAYMENT_METHODS)
      .optional()
      .openapi({ description: "disburse: how the loan is repaid" }),
  })
  .strict()
  .openapi("Transition");

/** The API's field names for the decision form's. */
const DECISION_FIELDS = {
  amount: "amount",
  rate: "rateBp",
  term: "termMonths",
  reason: "reasonCode",
  reasonText: "reasonText",
  date: "disbursedOn",
  repaymentMethod: "repaymentMethod",
  _form: "action",
};

export const transition = defineEndpoint({
  method: "POST",
  path: "/applications/{number}/transitions",
  operationId: "transitionApplication",
  tag: "applications",
  summary: "Move an application through the state machine",
  description:
    "accept; approve (amount, rateBp, termMonths); reject (reasonCode, reasonText for OTHER); disburse (amount ≤ approved, rateBp, disbursedOn, repaymentMethod); cancel (reasonCode). `version` must be the application's current version: a change since answers 409 version_conflict; an action the state does not allow answers 409 invalid_transition. The rules are the decision page's.",
  params: numberParams,
  body: transitionBody,
  response: applicationSchema,
  errors: [400, 404, 409, 422],
  examples: [
    {
      summary: "accept",
      params: { number: "XYD-20261206-0042" },
      body: { action: "accept", version: 0 },
      response: {
        ...exampleApplication,
        state: "ACCEPTED",
        version: 1,
        acceptedAt: "2026-12-06T10:00:00.000+08:00",
      },
    },
    {
      summary: "approve",
      params: { number: "XYD-20261206-0042" },
      body: { action: "approve", version: 1, amount: "1500000.00", rateBp: 385, termMonths: 12 },
      response: {
        ...exampleApplication,
        state: "APPROVED",
        version: 2,
        acceptedAt: "2026-12-06T10:00:00.000+08:00",
        decidedAt: "2026-12-07T10:00:00.000+08:00",
        approved: { amount: "1500000.00", rateBp: 385, termMonths: 12 },
      },
    },
  ],
  handle: async (call) => {
    const { actor, body, now } = call;
    const id = await findBankApplicationId(actor, call.params.number);
    if (!id) throw new ApiError("not_found");
    // the state and version come with the decision page's context: one read before the model's
    const found = await getDecisionContext({ id, actor, now });
    if (!found) throw new ApiError("not_found");
    if (found.version !== body.version) throw new ApiError("version_conflict");
    if (!allowedActions(found.state as ApplicationState, "BANK").includes(body.action))
      throw new ApiError("invalid_transition");
    const values: Record<string, string> = { intent: body.action, version: String(body.version) };
    if (body.amount !== undefined) values.amount = yuanToWanText(wholeYuanField(body.amount, "amount"));
    if (body.rateBp !== undefined) values.rate = bpToPercentText(body.rateBp);
    if (body.termMonths !== undefined) values.term = String(body.termMonths);
    if (body.reasonCode !== undefined) values.reason = body.reasonCode;
    if (body.reasonText !== undefined) values.reasonText = body.reasonText;
    if (body.disbursedOn !== undefined) values.date = body.disbursedOn;
    if (body.repaymentMethod !== undefined) values.repaymentMethod = body.repaymentMethod;
    const parsed = parseDecisionForm(values, found.context);
    if (!parsed.ok)
      throw new ApiError("validation_failed", { fields: renameFields(parsed.errors, DECISION_FIELDS) });
    const result = await transitionApplication({
      applicationId: id,
      actor,
      input: parsed.input,
      expectedVersion: body.version,
      now,
    });
    if (!result.ok) {
      if (result.error === "NOT_FOUND") throw new ApiError("not_found");
      if (result.error === "FORBIDDEN") throw new ApiError("forbidden");
      if (result.error === "INVALID_REASON")
        throw new ApiError("validation_failed", {
          fields: { reasonCode: { key: "bank.errors.invalidReason" } },
        });
      if (result.error === "RENEWAL_REFUSED")
        throw new ApiError("validation_failed", {
          fields: { repaymentMethod: { key: "alerts.errors.renewalRefused" } },
        });
      throw new ApiError("version_conflict");
    }
    return reply(await applicationView(call, id));
  },
});
