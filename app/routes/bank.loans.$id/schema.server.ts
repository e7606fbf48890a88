import { z } from "zod";

import { RISK_CLASSES } from "~/domain/loan-servicing";
import { parseYuanToFen } from "~/domain/money-fen";
import { isIsoDay } from "~/domain/shanghai-time";

/** A bank's own reference of a repayment: 1–64 letters, digits or - _ . / */
const REFERENCE = /^[A-Za-z0-9._/-]{1,64}$/;

function paidOn() {
  return z
    .string({ required_error: "loans.errors.paidOnInvalid" })
    .trim()
    .refine((value) => isIsoDay(value), "loans.errors.paidOnInvalid");
}

function reference() {
  return z
    .string({ required_error: "common.validation.required" })
    .trim()
    .min(1, "common.validation.required")
    .refine((value) => REFERENCE.test(value), "loans.errors.referenceInvalid");
}

/** An amount in 元 with at most two decimals → 分 (bigint), more than 0. */
function amountFen() {
  return z.string({ required_error: "common.validation.required" }).transform((value, ctx) => {
    if (!value.trim()) {
      ctx.addIssue({ code: "custom", message: "common.validation.required" });
      return z.NEVER;
    }
    const fen = parseYuanToFen(value);
    if (fen === null && /^\s*[-－−]\s*[\d０-９]/.test(value)) {
      ctx.addIssue({ code: "custom", message: "loans.errors.amountNotPositive" });
      return z.NEVER;
    }
    if (fen === null) {
      ctx.addIssue({ code: "custom", message: "loans.errors.amountInvalid" });
      return z.NEVER;
    }
    if (fen <= 0n) {
      ctx.addIssue({ code: "custom", message: "loans.errors.amountNotPositive" });
      return z.NEVER;
    }
    return fen;
  });
}

export const repaySchema = () => z.object({ paidOn: paidOn(), amount: amountFen(), reference: reference() });

export const settleSchema = () =>
  z.object({
    paidOn: paidOn(),
    reference: reference(),
    version: z.coerce.number().int().min(0).max(1_000_000_000),
  });

export const classSchema = () =>
  z.object({
    riskClass: z.enum(RISK_CLASSES, { errorMap: () => ({ message: "common.validation.invalidChoice" }) }),
  });
