import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { notify } from "./notification.server";
import { classifyEnterprise, type EnterpriseSize } from "~/domain/enterprise-size";
import { sizeRuleSetFor, type SectionCode } from "~/domain/industry";
import { startOfShanghaiDay } from "~/domain/shanghai-time";
import { normalizeUscc, usccProblem } from "~/domain/uscc";
import {
  creditPlatformFromEnv,
  isCreditPlatformError,
  type CreditPlatformClient,
  type CreditRecord,
  type RegistrationRecord,
} from "~/services/credit-platform.server";

import { storeCreditRecord } from "./credit-profile.server";
import { claimInvitation } from "./invitation.server";
import { getSettings } from "./settings.server";
import { hashPassword } from "./user.server";

export type LookupError =
  "INVALID_USCC" | "NOT_FOUND" | "INACTIVE" | "ALREADY_REGISTERED" | "PLATFORM_UNAVAILABLE";

export type LookupResult =
  | { ok: true; registry: RegistrationRecord }
  | { ok: false; error: LookupError; problem?: string; status?: string };

/**
 * Step 1 of registration: the code's check character, then the registry. Only an active
 * (存续) firm without an account may go on. Nothing is stored.
 */
export async function lookupRegistry(
  input: string,
  client: CreditPlatformClient = creditPlatformFromEnv(),
): Promise<LookupResult> {
  const uscc = normalizeUscc(input);
  const problem = usccProblem(uscc);
  if (problem) return { ok: false, error: "INVALID_USCC", problem };
  const existing = await db.enterprise.findUnique({ where: { uscc }, select: { id: true } });
  if (existing) return { ok: false, error: "ALREADY_REGISTERED" };
  let registry: RegistrationRecord | null;
  try {
    registry = await client.getRegistration(uscc);
  } catch (error) {
    if (isCreditPlatformError(error)) return { ok: false, error: "PLATFORM_UNAVAILABLE" };
    throw error;
  }
  if (!registry) return { ok: false, error: "NOT_FOUND" };
  if (registry.status !== "存续") return { ok: false, error: "INACTIVE", status: registry.status };
  return { ok: true, registry };
}

export type RegistrationInput = {
  uscc: string;
  contactName: string;
  contactMobile: string;
  sectionCode: SectionCode;
  divisionCode: string | null;
  subDistrictId: string;
  employees: number;
  revenueWan: number;
  totalAssetsWan: number;
  hadBankLoan: boolean;
  username: string;
  password: string;
  /** the code of the invitation link the firm came through, if any */
  invitationCode?: string | null;
};

/** Size by the 企业划型 rules; null when the section needs a division that is missing. */
export function deriveSize(input: {
  sectionCode: SectionCode;
  divisionCode: string | null;
  employees: number;
  revenueWan: number;
  totalAssetsWan: number;
}): EnterpriseSize | null {
  const ruleSet = sizeRuleSetFor(input.sectionCode, input.divisionCode);
  if (!ruleSet) return null;
  return classifyEnterprise({
    ruleSet,
    employees: input.employees,
    revenueWan: input.revenueWan,
    assetsWan: input.totalAssetsWan,
  });
}

export type RegisterResult =
  | { ok: true; userId: string; enterpriseId: string; creditFetched: boolean }
  | {
      ok: false;
      error: LookupError | "USERNAME_TAKEN" | "NEEDS_DIVISION" | "UNKNOWN_SUB_DISTRICT";
      status?: string;
    };

export function listActiveSubDistricts() {
  return db.subDistrict.findMany({
    where: { active: true },
    select: { id: true, name: true, nameEn: true },
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
  });
}

/**
 * Registers a firm: re-checks the registry (never trusts what step 1 showed), derives the size
 * on the server, writes the firm, its first user, the signed commitment and — when the platform
 * answers — its credit profile, all in one transaction; the sub-district office sees the firm at once
 * (visibleEnterprisesWhere scopes offices by the firm's subDistrictId).
 * Two registrations of one code racing each other: the unique USCC lets one win; the other
 * gets ALREADY_REGISTERED.
 */
export async function registerEnterprise(
  input: RegistrationInput,
  { now = new Date(), client }: { now?: Date; client?: CreditPlatformClient } = {},
): Promise<RegisterResult> {
  const platform = client ?? creditPlatformFromEnv();
  const lookup = await lookupRegistry(input.uscc, platform);
  if (!lookup.ok) return { ok: false, error: lookup.error, status: lookup.status };
  const { registry } = lookup;

  const size = deriveSize(input);
  if (!size) return { ok: false, error: "NEEDS_DIVISION" };
  const subDistrict = await db.subDistrict.findFirst({
    where: { id: input.subDistrictId, active: true },
    select: { id: true },
  });
  if (!subDistrict) return { ok: false, error: "UNKNOWN_SUB_DISTRICT" };
  const taken = await db.user.findUnique({ where: { username: input.username }, select: { id: true } });
  if (taken) return { ok: false, error: "USERNAME_TAKEN" };

  let credit: CreditRecord | null = null;
  let creditError: string | null = null;
  try {
    credit = await platform.getCredit(registry.uscc);
  } catch (error) {
    if (!isCreditPlatformError(error)) throw error;
    creditError = error.kind;
  }
  const [settings, passwordHash] = await Promise.all([getSettings(), hashPassword(input.password)]);

  try {
    const result = await db.$transaction(async (tx) => {
      const enterprise = await tx.enterprise.create({
        data: {
          uscc: registry.uscc,
          name: registry.name,
          legalRepresentative: registry.legalRepresentative,
          address: registry.address,
          establishedOn: startOfShanghaiDay(registry.establishedOn),
          registeredCapitalWan: String(registry.registeredCapital),
          contactName: input.contactName,
          contactMobile: input.contactMobile,
          sectionCode: input.sectionCode,
          divisionCode: input.divisionCode,
          subDistrictId: subDistrict.id,
          employees: input.employees,
          revenueWan: input.revenueWan,
          totalAssetsWan: input.totalAssetsWan,
          size,
          hadBankLoan: input.hadBankLoan,
          verifiedAt: now,
          creditAttemptedAt: now,
          creditRefreshError: creditError,
          createdAt: now,
        },
        select: { id: true, name: true },
      });
      const user = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.contactName,
          role: "ENTERPRISE",
          mobile: input.contactMobile,
          enterpriseId: enterprise.id,
          passwordChangedAt: now,
          createdAt: now,
          password: { create: { hash: passwordHash } },
        },
        select: { id: true },
      });
      await tx.commitment.create({
        data: {
          enterpriseId: enterprise.id,
          userId: user.id,
          version: settings["commitment.version"],
          signedAt: now,
        },
      });
      if (credit) await storeCreditRecord(tx, enterprise.id, credit, now);
      await claimInvitation(tx, {
        code: input.invitationCode ?? null,
        uscc: registry.uscc,
        enterpriseId: enterprise.id,
        now,
      });
      await notify.office(tx, subDistrict.id, {
        kind: "enterprise.REGISTERED",
        params: { enterprise: enterprise.name },
        link: `/gov/firms/${enterprise.id}`,
      });
      return { userId: user.id, enterpriseId: enterprise.id };
    });
    return { ok: true, ...result, creditFetched: credit !== null };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const firm = await db.enterprise.findUnique({ where: { uscc: registry.uscc }, select: { id: true } });
      return { ok: false, error: firm ? "ALREADY_REGISTERED" : "USERNAME_TAKEN" };
    }
    throw error;
  }
}
