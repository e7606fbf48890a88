/**
 * The risk pool's form schemas (the bureau's and the banks'). Server-only like every form schema
 * (decision record 013): the pages show the server's messages, and zod never ships to the browser.
 * Amounts: deposits and rule caps in 万元 (to whole 元), claim and recovery amounts in 元 with 分.
 */
import { z } from "zod";

import { CLAIM_REJECT_REASONS, POOL_SIZES, RECOVERY_ACTION_KINDS } from "~/domain/risk-pool-codes";
import { parsePercentToBp, parseWanToYuan } from "~/domain/money";
import { MAX_FEN, parseYuanToFen } from "~/domain/money-fen";
import { GUARANTEE_TYPES } from "~/domain/product-terms";
import { shanghaiDate } from "~/domain/shanghai-time";
import { day, optionalText, text } from "~/utils/form-schema";

const E = "pool.errors";

/** The shape of the ids we issue. */
export function idField() {
  return z.string().regex(/^[a-z0-9]{8,40}$/, "common.validation.invalid");
}

/** A claim's optimistic-lock counter, echoed from the page. */
export function versionField() {
  return z
    .string()
    .regex(/^\d{1,9}$/, "common.validation.invalid")
    .transform(Number);
}

/** An amount in 万元 (at most four decimals) → 分; more than 0. */
function wanToFen(max = 2_000_000_000) {
  return z
    .string({ required_error: "common.validation.required" })
    .max(64)
    .transform((value, ctx) => {
      const yuan = parseWanToYuan(value, { max });
      if (yuan === null || yuan <= 0) {
        ctx.addIssue({ code: "custom", message: `${E}.amountWan` });
        return z.NEVER;
      }
      return BigInt(yuan) * 100n;
    });
}

/** An amount in 万元 → whole 元 (rule caps); more than 0. */
function wanToYuan(max = 2_000_000_000) {
  return wanToFen(max).transform((fen) => Number(fen / 100n));
}

/** An amount in 元 with at most two decimals → 分; more than 0. */
export function yuanToFen() {
  return z
    .string({ required_error: "common.validation.required" })
    .max(64)
    .transform((value, ctx) => {
      const fen = parseYuanToFen(value, { max: MAX_FEN });
      if (fen === null) {
        ctx.addIssue({ code: "custom", message: `${E}.amount` });
        return z.NEVER;
      }
      if (fen <= 0n) {
        ctx.addIssue({ code: "custom", message: `${E}.amountNotPositive` });
        return z.NEVER;
      }
      return fen;
    });
}

/** A percentage from `min` to 100 with two decimals → basis points. */
function percent(min: number) {
  return z
    .string({ required_error: "common.validation.required" })
    .max(64)
    .transform((value, ctx) => {
      const bp = parsePercentToBp(value, { maxBp: 10_000 });
      if (bp === null || bp < min) {
        ctx.addIssue({ code: "custom", message: `${E}.percent` });
        return z.NEVER;
      }
      return bp;
    });
}

/** A whole number from min to max. */
function wholeNumber(min: number, max: number) {
  return z
    .string({ required_error: "common.validation.required" })
    .trim()
    .max(12)
    .transform((value, ctx) => {
      const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: "custom", message: `${E}.days`, params: { min, max } });
        return z.NEVER;
      }
      return n;
    });
}

/** Repeated checkbox values of a fixed list, at least one. */
function choices<T extends string>(list: readonly [T, ...T[]]) {
  return z
    .preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.string(), { invalid_type_error: "common.validation.invalid" }),
    )
    .superRefine((values, ctx) => {
      if (values.length === 0) ctx.addIssue({ code: "custom", message: `${E}.pickOne` });
      else if (values.length > list.length || values.some((v) => !(list as readonly string[]).includes(v)))
        ctx.addIssue({ code: "custom", message: "common.validation.invalidChoice" });
    })
    .transform((values) => [...new Set(values)] as T[]);
}

/** A checkbox: "on" or absent. */
function flag() {
  return z
    .enum(["on"], { errorMap: () => ({ message: "common.validation.invalid" }) })
    .optional()
    .transform((value) => value === "on");
}

/** A day between 2000-01-01 and today (Shanghai). */
function pastDay(now: Date) {
  return day({ notAfter: shanghaiDate(now) });
}

export const MATERIALS_MAX = 30;
export const MATERIAL_LENGTH = 100;

/** The material list: one item per line, blank lines dropped, 1–30 items of at most 100 characters. */
function materials({ required }: { required: boolean }) {
  return text(MATERIALS_MAX * (MATERIAL_LENGTH + 2), { required: false }).transform((value, ctx) => {
    const items = value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean);
    if (items.length > MATERIALS_MAX || items.some((item) => item.length > MATERIAL_LENGTH)) {
      ctx.addIssue({
        code: "custom",
        message: `${E}.materials`,
        params: { max: MATERIALS_MAX, length: MATERIAL_LENGTH },
      });
      return z.NEVER;
    }
    if (required && items.length === 0) {
      ctx.addIssue({ code: "custom", message: "common.validation.required" });
      return z.NEVER;
    }
    return items;
  });
}

// ------------------------------------------------------------------- the bureau

export function depositSchema() {
  return z.object({
    amount: wanToFen(),
    reference: text(100),
    note: optionalText(200),
  });
}

/** A new rule version: the form's names, parsed to the domain's terms (range checks in the domain). */
export function ruleSchema() {
  return z.object({
    effectiveOn: day(),
    coverage: percent(1),
    bonus: percent(0),
    cap: wanToYuan(1_000_000_000),
    maxPrincipal: wanToYuan(),
    guaranteeTypes: choices(GUARANTEE_TYPES),
    sizes: choices(POOL_SIZES),
    whitelistOnly: flag(),
    filingWindow: wholeNumber(1, 365),
    claimThreshold: wholeNumber(1, 720),
    suspension: percent(1),
    note: optionalText(200),
  });
}

/** The rule form's field of each term (for the domain's problems). */
export const RULE_FIELD_OF = {
  effectiveOn: "effectiveOn",
  coverageBp: "coverage",
  firstLoanBonusBp: "bonus",
  capYuan: "cap",
  maxPrincipalYuan: "maxPrincipal",
  guaranteeTypes: "guaranteeTypes",
  sizes: "sizes",
  whitelistOnly: "whitelistOnly",
  filingWindowDays: "filingWindow",
  claimThresholdDpd: "claimThreshold",
  suspensionThresholdBp: "suspension",
} as const;

export function approveSchema() {
  return z.object({ amount: yuanToFen(), version: versionField() });
}

export function returnSchema() {
  return z.object({ note: text(500), version: versionField() });
}

export function rejectSchema() {
  return z
    .object({
      reason: z.enum(CLAIM_REJECT_REASONS, {
        errorMap: () => ({ message: "common.validation.invalidChoice" }),
      }),
      text: optionalText(500),
      version: versionField(),
    })
    .superRefine((value, ctx) => {
      if (value.reason === "OTHER" && !value.text)
        ctx.addIssue({ code: "custom", path: ["text"], message: `${E}.textRequired` });
    });
}

export function idSchema() {
  return z.object({ id: idField() });
}

export function liftSchema() {
  return z.object({ id: idField(), reason: text(200) });
}

// ------------------------------------------------------------------- the bank

export function recoveryActionSchema(now = new Date()) {
  return z.object({
    takenOn: pastDay(now),
    kind: z.enum(RECOVERY_ACTION_KINDS, { errorMap: () => ({ message: "common.validation.invalidChoice" }) }),
    description: text(500),
  });
}

export function claimSchema() {
  return z.object({ statement: text(2000), materials: materials({ required: true }) });
}

export function refileSchema() {
  return z.object({
    statement: text(2000),
    materials: materials({ required: true }),
    version: versionField(),
  });
}

export function recoverySchema(now = new Date()) {
  return z.object({
    recoveredOn: pastDay(now),
    amount: yuanToFen(),
    reference: text(50).refine(
      (value) => /^[\p{L}\p{N}\-_/#.()（）〔〕[\] ]+$/u.test(value),
      "common.validation.invalid",
    ),
    note: optionalText(200),
  });
}
