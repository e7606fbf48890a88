import { z } from "zod";

import { SECTION_CODES, sizeRuleSetFor } from "~/domain/industry";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "~/domain/password-policy";
import { normalizeUscc } from "~/domain/uscc";
import type { LookupError } from "~/models/registration.server";

export const E = "enterprise.register.errors";

export const LOOKUP_ERROR_KEYS: Record<LookupError, string> = {
  INVALID_USCC: `${E}.invalidUscc`,
  NOT_FOUND: `${E}.notFound`,
  INACTIVE: `${E}.inactive`,
  ALREADY_REGISTERED: `${E}.alreadyRegistered`,
  PLATFORM_UNAVAILABLE: `${E}.platformUnavailable`,
};

export const USCC_PROBLEM_KEYS: Record<string, string> = {
  length: `${E}.usccLength`,
  characters: `${E}.usccCharacters`,
  check: `${E}.usccCheck`,
};

const PASSWORD_KEYS = {
  tooShort: `${E}.passwordTooShort`,
  tooLong: `${E}.passwordTooLong`,
  classes: `${E}.passwordClasses`,
  containsUsername: `${E}.passwordContainsUsername`,
  characters: `${E}.passwordCharacters`,
  common: `${E}.passwordCommon`,
} as const;

function wholeNumber() {
  return z
    .string()
    .trim()
    .regex(/^\d{1,9}$/, `${E}.wholeNumber`)
    .transform(Number)
    .refine((n) => n <= 100_000_000, `${E}.tooLarge`);
}

/** The registration form (built per call: zod stays on the server, decision record 013). */
export function registrationSchema() {
  return z
    .object({
      uscc: z.string().max(64).transform(normalizeUscc),
      contactName: z.string().trim().min(1).max(40),
      contactMobile: z
        .string()
        .trim()
        .regex(/^1[3-9]\d{9}$/, `${E}.mobile`),
      sectionCode: z.enum(SECTION_CODES),
      divisionCode: z
        .string()
        .max(8)
        .optional()
        .transform((v) => v?.trim() || null),
      subDistrictId: z.string().trim().min(1, `${E}.subDistrict`).max(40),
      employees: wholeNumber(),
      revenueWan: wholeNumber(),
      totalAssetsWan: wholeNumber(),
      hadBankLoan: z
        .string()
        .optional()
        .transform((v) => v === "on"),
      username: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{3,32}$/, `${E}.username`),
      password: z.string().min(1).max(PASSWORD_MAX_LENGTH, PASSWORD_KEYS.tooLong),
      confirmPassword: z.string().max(PASSWORD_MAX_LENGTH, PASSWORD_KEYS.tooLong),
      commitment: z.literal("on", { errorMap: () => ({ message: `${E}.commitment` }) }),
      invitationCode: z.string().max(64).optional(),
    })
    .superRefine((data, ctx) => {
      if (!sizeRuleSetFor(data.sectionCode, data.divisionCode)) {
        ctx.addIssue({ code: "custom", path: ["divisionCode"], message: `${E}.divisionRequired` });
      }
      const problem = passwordProblem(data.password, data.username);
      if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: PASSWORD_KEYS[problem] });
      else if (data.password !== data.confirmPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: `${E}.passwordMismatch` });
      }
    });
}
