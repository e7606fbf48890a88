/**
 * The API's writes for the hostile-body suite (tests/integration/api-hostile.test.ts): each case
 * is one endpoint with a fresh target of its own, the valid body, the kind of each field, and
 * what the valid body answers (its status and the table it writes). The hostile payloads are
 * made from the kinds, so a case only says what its fields are.
 */
import { createProduct as createProductEndpoint } from "~/api/endpoints/products.server";
import { addDays } from "~/domain/shanghai-time";
import { fileLoan } from "~/models/pool-filing.server";

import {
  createApplication,
  createAuthorization,
  createDemand,
  createProduct,
} from "../../../prisma/factories";
import { db } from "../helpers";

import { TODAY, createLoan, daysAfterDisbursement, type PoolWorld } from "./pool-world";

const LONG = "长".repeat(100_000);
const CONTROLS = ["\u0000", "\u0007", "\u001b[31m", "\u007f", "\u202e", "\u0085"];
const WRONG_TYPES: unknown[] = [null, 42, true, [], {}, ["a"]];

type Kind =
  | "money"
  | "day"
  | "text"
  | "note"
  | "reference"
  | "id"
  | "url"
  | "enum"
  | "list"
  | "enumList"
  | "int"
  | "rate"
  | "bool";

/** Values no field of the kind accepts (the wrong JSON types are added below). */
const INVALID: Record<Kind, unknown[]> = {
  money: [
    "NaN",
    "1e308",
    "Infinity",
    "-0",
    "-1.00",
    "0.00",
    "1.5",
    "1.234",
    "abc",
    "0x10",
    "99999999999999999999.00",
    "",
    " 1.00",
    1000,
  ],
  day: ["2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-1-1", "tomorrow", "", 20260101],
  text: ["", "   ", LONG],
  /** text that may be blank */
  note: [LONG],
  reference: ["", "has space", "<script>", '\'; DROP TABLE "Repayment"; --', "x".repeat(65), LONG],
  /** a row's id (at most 40 characters) */
  id: ["", "cm0nothing0000000000000000", "<script>", "' OR '1'='1", "x".repeat(41), LONG],
  /** a webhook URL (private addresses are allowed under MOCKS, as in the tests: not among these) */
  url: [
    "",
    "   ",
    LONG,
    "not a url",
    "https://",
    "//1.1.1.1/hook",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://1.1.1.1/hook",
    "https://user:secret@1.1.1.1/hook",
  ],
  enum: ["BOGUS", "__proto__", "constructor", "<img src=x onerror=alert(1)>"],
  list: ["not a list", [], [LONG], Array.from({ length: 200 }, (_, i) => `材料${i}`)],
  /** a list of choices that may be empty */
  enumList: ["not a list", ["BOGUS"], [LONG], Array.from({ length: 200 }, (_, i) => `X${i}`)],
  /** months, a version: 2^53 and 1e308 are integers to JSON */
  int: [1.5, -1, 99_999, 2 ** 53, 1e308, "12", ""],
  /** basis points, 0–3600 */
  rate: [-1, 3601, 4.35, 1e308, "435", ""],
  bool: ["true", "on", 1, 0],
};

/** The JSON type of each kind: the WRONG_TYPES of another type are sent to it. */
const TYPE_OF: Record<Kind, "string" | "number" | "boolean" | "array"> = {
  money: "string",
  day: "string",
  text: "string",
  reference: "string",
  id: "string",
  url: "string",
  enum: "string",
  list: "array",
  enumList: "array",
  int: "number",
  rate: "number",
  note: "string",
  bool: "boolean",
};
const TEXT_KINDS: Kind[] = ["text", "note", "reference"];

/** A field: its kind; `optional` when the body is valid without it, `nullable` when null is. */
type Field = { kind: Kind; optional?: boolean; nullable?: boolean };
const optional = (kind: Kind, options: { nullable?: boolean } = {}): Field => ({
  kind,
  optional: true,
  ...options,
});

export type Case = {
  name: string;
  method: "POST" | "PUT";
  path: string;
  /** the valid body; undefined for an endpoint that takes none */
  body?: Record<string, unknown>;
  /** dotted paths into the body */
  fields: Record<string, Field>;
  /** what the valid body answers, and the table it writes */
  status: number;
  table: string;
};

/**
 * A case from its request line ("POST /api/v1/…"), its success ("201 Repayment"), and for an
 * endpoint with a body the valid body and its fields (a kind, or `optional(kind)`).
 */
function hostileCase(
  name: string,
  request: string,
  success: string,
  body?: Record<string, unknown>,
  fields: Record<string, Kind | Field> = {},
): Case {
  const [method, path] = request.split(" ") as ["POST" | "PUT", string];
  const [status, table] = success.split(" ");
  return {
    name,
    method,
    path,
    body,
    fields: Object.fromEntries(
      Object.entries(fields).map(([at, field]) => [at, typeof field === "string" ? { kind: field } : field]),
    ),
    status: Number(status),
    table,
  };
}

/** The cases, each with fresh rows of its own so that its valid body succeeds last. */
export async function createHostileCases(w: PoolWorld): Promise<Case[]> {
  const firm = { enterpriseId: w.firm.id, productId: w.products.credit.id };
  const loanOf = (options: { dpd?: number; disbursedOn?: string } = {}) =>
    createLoan({ ...firm, subDistrictId: w.subDistrict.id, ...options });

  const repaid = await createApplication(db, {
    ...firm,
    state: "DISBURSED",
    amountYuan: 600_000,
    termMonths: 12,
    grantAuthorization: false,
  });
  const repaidLoan = await db.loan.findUniqueOrThrow({ where: { applicationId: repaid.id } });

  const claimable = await loanOf({ dpd: 120 });
  if (!(await fileLoan(w.actors.officer, claimable.id, daysAfterDisbursement(claimable, 5))).ok)
    throw new Error("could not file the claimable loan");

  // the transitions: one application for each action with a body of its own
  const application = (state: "ACCEPTED" | "APPROVED") =>
    createApplication(db, { ...firm, state, amountYuan: 500_000, termMonths: 12 });
  const toApprove = await application("ACCEPTED");
  const toReject = await application("ACCEPTED");
  const toDisburse = await application("APPROVED");
  const transition = (number: string) => `POST /api/v1/applications/${number}/transitions`;

  // an open demand of a firm that authorises the bank, answered with a product of the bank's
  const demand = await createDemand(db, { enterpriseId: w.firm.id });
  await createAuthorization(db, { enterpriseId: w.firm.id, bankId: w.bank.id, scope: "FULL" });
  const offered = await createProduct(db, { bankId: w.bank.id });

  // the writes without a body: any body at all is refused
  const draft = await createProduct(db, { bankId: w.bank.id, status: "DRAFT" });
  const published = await createProduct(db, { bankId: w.bank.id });
  const fileable = await loanOf({ disbursedOn: addDays(TODAY, -3) });

  return [
    hostileCase(
      "approve",
      transition(toApprove.number),
      "200 Application",
      { action: "approve", version: toApprove.version, amount: "500000.00", rateBp: 435, termMonths: 12 },
      { action: "enum", version: "int", amount: "money", rateBp: "rate", termMonths: "int" },
    ),
    hostileCase(
      "reject",
      transition(toReject.number),
      "200 Application",
      { action: "reject", version: toReject.version, reasonCode: "OTHER", reasonText: "经营信息不足" },
      { action: "enum", version: "int", reasonCode: "enum", reasonText: "text" },
    ),
    hostileCase(
      "disburse",
      transition(toDisburse.number),
      "200 Loan",
      {
        action: "disburse",
        version: toDisburse.version,
        amount: "500000.00",
        rateBp: 435,
        disbursedOn: TODAY,
        repaymentMethod: "EQUAL_INSTALMENT",
      },
      {
        action: "enum",
        version: "int",
        amount: "money",
        rateBp: "rate",
        disbursedOn: "day",
        repaymentMethod: "enum",
      },
    ),
    hostileCase(
      "product",
      "POST /api/v1/products",
      "201 Product",
      // the documented example (api-openapi.test.ts holds it valid) with the optional fields too
      {
        ...(createProductEndpoint.examples[0].body as Record<string, unknown>),
        eligibleSections: ["I", "C"],
        whitelistOnly: false,
      },
      {
        name: "text",
        type: "enum",
        guaranteeType: "enum",
        minAmount: "money",
        maxAmount: "money",
        minTermMonths: "int",
        maxTermMonths: "int",
        minRateBp: "rate",
        maxRateBp: "rate",
        eligibleSizes: "list",
        "eligibleSizes.0": "enum",
        eligibleSections: optional("enumList"),
        minTaxGrade: optional("enum", { nullable: true }),
        whitelistOnly: optional("bool"),
        description: optional("note"),
      },
    ),
    hostileCase(
      "offer",
      `POST /api/v1/demands/${demand.id}/offers`,
      "201 Offer",
      { productId: offered.id, amount: "1000000.00", termMonths: 12, rateBp: 420, note: "三个工作日内放款" },
      { productId: "id", amount: "money", termMonths: "int", rateBp: "rate", note: optional("note") },
    ),
    hostileCase(
      "webhook endpoint",
      "PUT /api/v1/webhook-endpoint",
      "200 WebhookEndpoint",
      { url: "https://1.1.1.1/xyd/webhooks", events: ["application.submitted", "claim.decided"] },
      { url: "url", events: "enumList", "events.0": "enum" },
    ),
    hostileCase("publish", `POST /api/v1/products/${draft.id}/publish`, "200 Product"),
    // `{}` carries nothing and passes (a client that always sends an object)
    hostileCase("archive", `POST /api/v1/products/${published.id}/archive`, "200 Product", {}),
    hostileCase("filing", `POST /api/v1/loans/${fileable.id}/filing`, "201 Filing"),
    hostileCase(
      "repayment",
      `POST /api/v1/loans/${repaidLoan.id}/repayments`,
      "201 Repayment",
      { paidOn: TODAY, amount: "1000.00", reference: "HOSTILE-REPAYMENT-1" },
      { paidOn: "day", amount: "money", reference: "reference" },
    ),
    hostileCase(
      "claim",
      `POST /api/v1/loans/${claimable.id}/claims`,
      "201 Claim",
      {
        statement: "借款人停止经营",
        materials: ["借款合同", "催收记录"],
        recoveryActions: [{ takenOn: addDays(TODAY, -10), kind: "REMINDER", description: "电话催收" }],
      },
      {
        statement: "text",
        materials: "list",
        "materials.0": "text",
        recoveryActions: optional("list"),
        "recoveryActions.0.takenOn": "day",
        "recoveryActions.0.kind": "enum",
        "recoveryActions.0.description": "text",
      },
    ),
  ];
}

// ---------------------------------------------------------------- the payloads

function edit(
  body: Record<string, unknown>,
  path: string,
  change: (at: Record<string, unknown>, key: string) => void,
) {
  const copy = structuredClone(body);
  const parts = path.split(".");
  let at: Record<string, unknown> = copy;
  for (const part of parts.slice(0, -1)) at = at[part] as Record<string, unknown>;
  change(at, parts.at(-1)!);
  return copy;
}

export type Payload = { label: string; raw?: string; contentType?: string; body?: unknown };

/** Every hostile payload of a case; none of them is a valid body. */
export function payloadsOf(c: Case): Payload[] {
  const valid = c.body ?? {};
  const out: Payload[] = [];
  for (const [path, { kind, optional: canMiss, nullable }] of Object.entries(c.fields)) {
    if (!canMiss)
      out.push({ label: `missing ${path}`, body: edit(valid, path, (at, key) => delete at[key]) });
    const wrongTypes = WRONG_TYPES.filter(
      (v) => (Array.isArray(v) ? "array" : typeof v) !== TYPE_OF[kind] && !(v === null && nullable),
    );
    for (const value of [...INVALID[kind], ...wrongTypes])
      out.push({
        label: `${path}=${JSON.stringify(value)?.slice(0, 30)}`,
        body: edit(valid, path, (at, key) => (at[key] = value)),
      });
    if (TEXT_KINDS.includes(kind))
      for (const control of CONTROLS)
        out.push({
          label: `${path} with ${JSON.stringify(control)}`,
          body: edit(valid, path, (at, key) => (at[key] = `收据${control}x`)),
        });
  }
  // keys the body does not take (a key it takes would be overridden by the valid one after it),
  // written as raw JSON: "__proto__" as an object key would set the prototype instead
  const rest = JSON.stringify(valid).slice(1);
  for (const name of ["__proto__", "constructor", "status", "bankId", "version", "id"])
    if (!Object.hasOwn(valid, name))
      out.push({ label: `extra ${name}`, raw: `{"${name}":"<b>x</b>"${rest === "}" ? "" : ","}${rest}` });
  for (const body of [null, 1, "text", [], [valid]])
    out.push({ label: `body ${JSON.stringify(body)}`, body });
  out.push({ label: "not JSON", raw: "paidOn=2026-01-01&amount=1" });
  out.push({ label: "truncated JSON", raw: JSON.stringify(valid).slice(0, -1) });
  out.push({ label: "form encoded", raw: "a=1", contentType: "application/x-www-form-urlencoded" });
  out.push({ label: "invalid UTF-8", raw: "\udc00" });
  return out;
}
