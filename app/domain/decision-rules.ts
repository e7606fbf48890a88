/**
 * The bank's inputs, validated before anything is written: loan-product terms, offers on a
 * demand and the decisions of the application state machine. Pure (no I/O): the routes parse
 * the form here, the models write only what passed.
 *
 * Amounts are typed in 万元 and become whole 元; rates are typed in % and become basis
 * points; dates are Shanghai days "YYYY-MM-DD". Every error is a catalogue key.
 */

import { REJECT_REASONS, type RejectReason } from "./application-machine";
import { hasControlCharacters } from "./control-characters";
import { parsePercentToBp, parseWanToYuan } from "./money";
import { GUARANTEE_TYPES, PRODUCT_TYPES } from "./product-terms";
import { SECTION_CODES } from "./industry-sections";
import { isIsoDay, startOfShanghaiDay } from "./shanghai-time";
import { TAX_GRADES } from "./credit-grades";
import { DECISION_INTENTS, PRODUCT_SIZES, type AccessPurpose, type DecisionIntent } from "./bank-choices";
import { parseId } from "./list-query";
import { BULLET_MAX_TERM_MONTHS, REPAYMENT_METHODS, type RepaymentMethod } from "./loan-codes";

export type FieldError = { key: string; params?: Record<string, string | number> };
export type FieldErrors = Record<string, FieldError>;
export type Values = Record<string, string | string[]>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Values };

export const MAX_TERM_MONTHS = 360;
export const MAX_NAME_LENGTH = 100;
export const MAX_DESCRIPTION_LENGTH = 2000;
export const MAX_NOTE_LENGTH = 500;

/** The ranges of a product that offers and decisions must stay inside. */
export interface ProductRanges {
  minAmountYuan: number;
  maxAmountYuan: number;
  minTermMonths: number;
  maxTermMonths: number;
  minRateBp: number;
  maxRateBp: number;
}

function one(values: Values, name: string): string {
  const value = values[name];
  return (Array.isArray(value) ? (value[0] ?? "") : (value ?? "")).trim();
}

function many(values: Values, name: string): string[] {
  const value = values[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map((v) => v.trim()).filter(Boolean);
}

function toValues(input: FormData | Values): Values {
  if (!(input instanceof FormData)) return input;
  // No prototype: a field named "constructor" must not find Object's constructor already there.
  const out: Values = Object.create(null);
  for (const [name, value] of input.entries()) {
    if (typeof value !== "string") continue;
    const existing = out[name];
    out[name] =
      existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** The user's input as echoed back with errors (capped, so a huge post is not sent back). */
function echo(values: Values): Values {
  const out: Values = Object.create(null);
  for (const [name, value] of Object.entries(values)) {
    out[name] = Array.isArray(value) ? value.slice(0, 50).map((v) => v.slice(0, 2000)) : value.slice(0, 2000);
  }
  return out;
}

const REQUIRED: FieldError = { key: "common.validation.required" };

/** A required field read by `parse`; null and an error when it is missing or `parse` refuses it. */
function parsedField<T>(
  values: Values,
  name: string,
  errors: FieldErrors,
  parse: (text: string) => T | null,
  invalid: FieldError,
): T | null {
  const text = one(values, name);
  if (!text) {
    errors[name] = REQUIRED;
    return null;
  }
  const value = parse(text);
  if (value === null) errors[name] = invalid;
  return value;
}

/** A 万元 amount > 0. */
function amountField(values: Values, name: string, errors: FieldErrors): number | null {
  const parse = (text: string) => {
    const yuan = parseWanToYuan(text);
    return yuan !== null && yuan > 0 ? yuan : null;
  };
  return parsedField(values, name, errors, parse, { key: "bank.errors.amount" });
}

function monthsField(values: Values, name: string, errors: FieldErrors): number | null {
  const parse = (text: string) => {
    const months = /^\d{1,3}$/.test(text) ? Number(text) : NaN;
    return months >= 1 && months <= MAX_TERM_MONTHS ? months : null;
  };
  const invalid = { key: "bank.errors.term", params: { max: MAX_TERM_MONTHS } };
  return parsedField(values, name, errors, parse, invalid);
}

/** An annual rate in %, 0–36. */
function rateField(values: Values, name: string, errors: FieldErrors): number | null {
  return parsedField(values, name, errors, parsePercentToBp, { key: "bank.errors.rate" });
}

function textField(
  values: Values,
  name: string,
  max: number,
  errors: FieldErrors,
  required: boolean,
): string | null {
  const text = one(values, name);
  if (!text) {
    if (required) errors[name] = REQUIRED;
    return required ? null : "";
  }
  if (text.length > max) {
    errors[name] = { key: "common.validation.tooLong", params: { max } };
    return null;
  }
  if (hasControlCharacters(text)) {
    errors[name] = { key: "common.validation.controlCharacters" };
    return null;
  }
  return text;
}

function choiceField<T extends string>(
  values: Values,
  name: string,
  list: readonly T[],
  errors: FieldErrors,
): T | null {
  const parse = (text: string) => ((list as readonly string[]).includes(text) ? (text as T) : null);
  return parsedField(values, name, errors, parse, { key: "common.validation.invalidChoice" });
}

const wan = (yuan: number) => {
  const whole = Math.floor(yuan / 10_000);
  const fraction = String(yuan % 10_000)
    .padStart(4, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
};
const pct = (bp: number) => `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}`;

// ---------------------------------------------------------------------------------------
// Products

export interface ProductInput extends ProductRanges {
  name: string;
  type: (typeof PRODUCT_TYPES)[number];
  guaranteeType: (typeof GUARANTEE_TYPES)[number];
  eligibleSizes: string[];
  eligibleSections: string[];
  minTaxGrade: string | null;
  whitelistOnly: boolean;
  description: string;
  /** proposed on the disbursement form; null = the officer picks each time */
  defaultRepaymentMethod: RepaymentMethod | null;
}

/** The product form: every field of the SPEC, each range min ≤ max, amounts > 0, rates 0–36%. */
export function parseProductForm(input: FormData | Values): Parsed<ProductInput> {
  const values = toValues(input);
  const errors: FieldErrors = {};
  const name = textField(values, "name", MAX_NAME_LENGTH, errors, true);
  const type = choiceField(values, "type", PRODUCT_TYPES, errors);
  const guaranteeType = choiceField(values, "guaranteeType", GUARANTEE_TYPES, errors);
  const minAmountYuan = amountField(values, "minAmount", errors);
  const maxAmountYuan = amountField(values, "maxAmount", errors);
  const minTermMonths = monthsField(values, "minTerm", errors);
  const maxTermMonths = monthsField(values, "maxTerm", errors);
  const minRateBp = rateField(values, "minRate", errors);
  const maxRateBp = rateField(values, "maxRate", errors);
  if (minAmountYuan !== null && maxAmountYuan !== null && minAmountYuan > maxAmountYuan) {
    errors.maxAmount = { key: "bank.errors.rangeReversed" };
  }
  if (minTermMonths !== null && maxTermMonths !== null && minTermMonths > maxTermMonths) {
    errors.maxTerm = { key: "bank.errors.rangeReversed" };
  }
  if (minRateBp !== null && maxRateBp !== null && minRateBp > maxRateBp) {
    errors.maxRate = { key: "bank.errors.rangeReversed" };
  }

  const sizes = many(values, "eligibleSizes");
  if (sizes.length === 0) errors.eligibleSizes = { key: "bank.errors.sizesRequired" };
  else if (!sizes.every((s) => (PRODUCT_SIZES as readonly string[]).includes(s)) || sizes.length > 3) {
    errors.eligibleSizes = { key: "common.validation.invalidChoice" };
  }
  const sections = many(values, "eligibleSections");
  if (
    sections.length > SECTION_CODES.length ||
    !sections.every((s) => (SECTION_CODES as readonly string[]).includes(s))
  ) {
    errors.eligibleSections = { key: "common.validation.invalidChoice" };
  }
  const grade = one(values, "minTaxGrade");
  if (grade && !(TAX_GRADES as readonly string[]).includes(grade)) {
    errors.minTaxGrade = { key: "common.validation.invalidChoice" };
  }
  const whitelist = one(values, "whitelistOnly");
  if (whitelist && whitelist !== "on" && whitelist !== "true")
    errors.whitelistOnly = { key: "common.validation.invalid" };
  const description = textField(values, "description", MAX_DESCRIPTION_LENGTH, errors, false);
  const method = one(values, "defaultRepaymentMethod");
  if (method && !(REPAYMENT_METHODS as readonly string[]).includes(method))
    errors.defaultRepaymentMethod = { key: "common.validation.invalidChoice" };

  if (Object.keys(errors).length > 0) return { ok: false, errors, values: echo(values) };
  // Keep the canonical order so equal selections compare equal.
  const orderedSizes = PRODUCT_SIZES.filter((s) => sizes.includes(s));
  const orderedSections = SECTION_CODES.filter((s) => sections.includes(s));
  return {
    ok: true,
    data: {
      name: name!,
      type: type!,
      guaranteeType: guaranteeType!,
      minAmountYuan: minAmountYuan!,
      maxAmountYuan: maxAmountYuan!,
      minTermMonths: minTermMonths!,
      maxTermMonths: maxTermMonths!,
      minRateBp: minRateBp!,
      maxRateBp: maxRateBp!,
      eligibleSizes: orderedSizes,
      eligibleSections: orderedSections,
      minTaxGrade: grade || null,
      whitelistOnly: Boolean(whitelist),
      description: description ?? "",
      defaultRepaymentMethod: (method || null) as RepaymentMethod | null,
    },
  };
}

/** A product's terms as stored (the lists comma-separated). */
type StoredTerms = ProductRanges & {
  eligibleSizes: string;
  eligibleSections: string;
  minTaxGrade: string | null;
  whitelistOnly: boolean;
  type: string;
  guaranteeType: string;
};

/** Whether two versions of a product differ in what an applicant was promised (its terms). */
export function termsDiffer(a: StoredTerms, b: StoredTerms): boolean {
  const keys = [
    "type",
    "guaranteeType",
    "minAmountYuan",
    "maxAmountYuan",
    "minTermMonths",
    "maxTermMonths",
    "minRateBp",
    "maxRateBp",
    "eligibleSizes",
    "eligibleSections",
    "minTaxGrade",
    "whitelistOnly",
  ] as const;
  return keys.some((key) => a[key] !== b[key]);
}

// ---------------------------------------------------------------------------------------
// Range checks shared by offers and decisions

function amountInRange(yuan: number, min: number, max: number, name: string, errors: FieldErrors) {
  if (yuan < min || yuan > max)
    errors[name] = { key: "bank.errors.amountOutside", params: { min: wan(min), max: wan(max) } };
}

function termInRange(months: number, product: ProductRanges, name: string, errors: FieldErrors) {
  if (months < product.minTermMonths || months > product.maxTermMonths) {
    errors[name] = {
      key: "bank.errors.termOutside",
      params: { min: product.minTermMonths, max: product.maxTermMonths },
    };
  }
}

function rateInRange(bp: number, product: ProductRanges, name: string, errors: FieldErrors) {
  if (bp < product.minRateBp || bp > product.maxRateBp) {
    errors[name] = {
      key: "bank.errors.rateOutside",
      params: { min: pct(product.minRateBp), max: pct(product.maxRateBp) },
    };
  }
}

// ---------------------------------------------------------------------------------------
// Offers

export interface OfferInput {
  productId: string;
  amountYuan: number;
  termMonths: number;
  rateBp: number;
  note: string;
}

/** The chosen product's id from an offer form (checked before the product is looked up). */
export function offerProductId(input: FormData | Values): string | null {
  return parseId(one(toValues(input), "productId")) ?? null;
}

/** An offer on a demand: amount, term and rate inside the chosen product's ranges. */
export function parseOfferForm(
  input: FormData | Values,
  product: (ProductRanges & { id: string }) | null,
): Parsed<OfferInput> {
  const values = toValues(input);
  const errors: FieldErrors = {};
  if (!product)
    errors.productId = one(values, "productId") ? { key: "common.validation.invalidChoice" } : REQUIRED;
  const amountYuan = amountField(values, "amount", errors);
  const termMonths = monthsField(values, "term", errors);
  const rateBp = rateField(values, "rate", errors);
  const note = textField(values, "note", MAX_NOTE_LENGTH, errors, false);
  if (product) {
    if (amountYuan !== null)
      amountInRange(amountYuan, product.minAmountYuan, product.maxAmountYuan, "amount", errors);
    if (termMonths !== null) termInRange(termMonths, product, "term", errors);
    if (rateBp !== null) rateInRange(rateBp, product, "rate", errors);
  }
  if (Object.keys(errors).length > 0 || !product) return { ok: false, errors, values: echo(values) };
  return {
    ok: true,
    data: {
      productId: product.id,
      amountYuan: amountYuan!,
      termMonths: termMonths!,
      rateBp: rateBp!,
      note: note ?? "",
    },
  };
}

// ---------------------------------------------------------------------------------------
// Decisions on an application

/** What the decision rules need to know about the application. */
export interface DecisionContext {
  product: ProductRanges;
  /** the amount the firm asked for */
  amountYuan: number;
  approvedAmountYuan: number | null;
  /** the approved term: the loan's term at disbursement (BULLET only up to 12 months) */
  approvedTermMonths: number | null;
  /** when it was approved (the earliest day a disbursement may carry) */
  decidedAt: Date | null;
  /** the Shanghai day of `now` */
  today: string;
  now: Date;
  /** 续贷: the loan a renewal request asks to renew, and the kind the firm asked for */
  renewal?: { loanId: string; requestedKind: string } | null;
}

/** How the bank answers a renewal request when it disburses: ordinary renewal or 无还本续贷. */
export const RENEWAL_ANSWERS = ["STANDARD", "WITHOUT_PRINCIPAL_REPAYMENT"] as const;
export type RenewalAnswer = (typeof RENEWAL_ANSWERS)[number];

export type DecisionInput =
  | { action: "accept" }
  | { action: "approve"; amountYuan: number; rateBp: number; termMonths: number }
  | { action: "reject"; reason: RejectReason; text?: string }
  | {
      action: "disburse";
      amountYuan: number;
      rateBp: number;
      disbursedAt: Date;
      repaymentMethod: RepaymentMethod;
      /** 续贷: the loan the new one settles, and how (the bank's answer) */
      renewal?: { loanId: string; kind: RenewalAnswer };
    }
  | { action: "cancel"; reason: RejectReason; text?: string };

export type ParsedDecision =
  | { ok: true; input: DecisionInput; expectedVersion: number }
  | { ok: false; errors: FieldErrors; values: Values };

function shanghaiDayOf(instant: Date): string {
  return new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The moment a disbursement dated `day` is recorded at: now when it is today, otherwise noon
 * of that day — but never before the approval.
 */
export function disbursementInstant(
  day: string,
  context: Pick<DecisionContext, "today" | "now" | "decidedAt">,
): Date {
  if (day === context.today) return context.now;
  const noon = new Date(startOfShanghaiDay(day).getTime() + 12 * 3_600_000);
  if (context.decidedAt && noon < context.decidedAt) return new Date(context.decidedAt.getTime() + 60_000);
  return noon;
}

function reasonFields(values: Values, errors: FieldErrors): { reason: RejectReason; text?: string } | null {
  const reason = choiceField(values, "reason", REJECT_REASONS, errors);
  const text = textField(values, "reasonText", MAX_NOTE_LENGTH, errors, reason === "OTHER");
  if (!reason || text === null) return null;
  return text ? { reason, text } : { reason };
}

/**
 * One decision form (the `intent` button pressed) → the transition to apply, or field errors.
 * approve: amount within [product min, min(requested, product max)], rate and term within the
 * product's ranges. reject/cancel: a reason code, with text for OTHER. disburse: amount ≤
 * approved, rate within the product's range, a day between the approval day and today, a
 * repayment method (BULLET only for terms of 12 months or less).
 */
export function parseDecisionForm(input: FormData | Values, context: DecisionContext): ParsedDecision {
  const values = toValues(input);
  const errors: FieldErrors = {};
  const intent = one(values, "intent");
  const versionText = one(values, "version");
  const expectedVersion = /^\d{1,9}$/.test(versionText) ? Number(versionText) : null;
  if (expectedVersion === null) errors._form = { key: "bank.errors.stale" };
  if (!(DECISION_INTENTS as readonly string[]).includes(intent)) {
    errors._form = { key: "common.validation.invalidChoice" };
    return { ok: false, errors, values: echo(values) };
  }
  let decision: DecisionInput | null = null;
  switch (intent as DecisionIntent) {
    case "accept":
      decision = { action: "accept" };
      break;
    case "approve": {
      const amountYuan = amountField(values, "amount", errors);
      const rateBp = rateField(values, "rate", errors);
      const termMonths = monthsField(values, "term", errors);
      const ceiling = Math.min(context.amountYuan, context.product.maxAmountYuan);
      if (amountYuan !== null)
        amountInRange(amountYuan, context.product.minAmountYuan, ceiling, "amount", errors);
      if (rateBp !== null) rateInRange(rateBp, context.product, "rate", errors);
      if (termMonths !== null) termInRange(termMonths, context.product, "term", errors);
      if (amountYuan !== null && rateBp !== null && termMonths !== null)
        decision = { action: "approve", amountYuan, rateBp, termMonths };
      break;
    }
    case "reject":
    case "cancel": {
      const reason = reasonFields(values, errors);
      if (reason) decision = { action: intent as "reject" | "cancel", ...reason };
      break;
    }
    case "disburse": {
      const amountYuan = amountField(values, "amount", errors);
      const rateBp = rateField(values, "rate", errors);
      const day = one(values, "date");
      if (amountYuan !== null) {
        const approved = context.approvedAmountYuan ?? 0;
        if (amountYuan > approved)
          errors.amount = { key: "bank.errors.aboveApproved", params: { max: wan(approved) } };
      }
      if (rateBp !== null) rateInRange(rateBp, context.product, "rate", errors);
      const repaymentMethod = choiceField(values, "repaymentMethod", REPAYMENT_METHODS, errors);
      if (repaymentMethod === "BULLET" && (context.approvedTermMonths ?? 0) > BULLET_MAX_TERM_MONTHS)
        errors.repaymentMethod = { key: "loans.errors.bulletTerm", params: { max: BULLET_MAX_TERM_MONTHS } };
      // a renewal request: the bank's answer, the firm's wish when the form does not say (the API)
      let renewal: { loanId: string; kind: RenewalAnswer } | undefined;
      if (context.renewal) {
        const sent = one(values, "renewalKind");
        const kind = sent
          ? choiceField(values, "renewalKind", RENEWAL_ANSWERS, errors)
          : (RENEWAL_ANSWERS as readonly string[]).includes(context.renewal.requestedKind)
            ? (context.renewal.requestedKind as RenewalAnswer)
            : null;
        if (kind) renewal = { loanId: context.renewal.loanId, kind };
        else if (!errors.renewalKind) errors.renewalKind = REQUIRED;
      }
      let disbursedAt: Date | null = null;
      if (!day) errors.date = REQUIRED;
      else if (!isIsoDay(day)) errors.date = { key: "bank.errors.date" };
      else {
        const earliest = context.decidedAt ? shanghaiDayOf(context.decidedAt) : context.today;
        if (day > context.today) errors.date = { key: "bank.errors.dateFuture" };
        else if (day < earliest)
          errors.date = { key: "bank.errors.dateBeforeApproval", params: { day: earliest } };
        else disbursedAt = disbursementInstant(day, context);
      }
      if (
        amountYuan !== null &&
        rateBp !== null &&
        disbursedAt &&
        repaymentMethod &&
        !errors.amount &&
        !errors.rate &&
        !errors.repaymentMethod
      ) {
        decision = {
          action: "disburse",
          amountYuan,
          rateBp,
          disbursedAt,
          repaymentMethod,
          ...(renewal ? { renewal } : {}),
        };
      }
      break;
    }
  }
  if (Object.keys(errors).length > 0 || !decision || expectedVersion === null) {
    return { ok: false, errors, values: echo(values) };
  }
  return { ok: true, input: decision, expectedVersion };
}

// ---------------------------------------------------------------------------------------
// Query strings of the bank's lists (a bad value is ignored, never an error page)

/** The purpose under which the decision page shows an applicant's credit data. */
export function purposeForState(state: string): AccessPurpose {
  if (state === "APPROVED") return "IN_LOAN";
  if (state === "DISBURSED") return "POST_LOAN";
  return "PRE_LOAN";
}

// ---------------------------------------------------------------------------------------
// List shapes shared by the bank's loaders and pages (browser-safe: no .server import)
