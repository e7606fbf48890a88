/**
 * 补偿规则: the versions of the pool's rules. A version governs the loans disbursed from its
 * effective day until the next one begins; a filing keeps the version it was made under, so a new
 * version never changes what an earlier filing was promised.
 */
import { Prisma, type PoolRule } from "@prisma/client";

import { db } from "~/db.server";
import {
  ruleForDay,
  ruleTermsProblems,
  type PoolRuleTerms,
  type RuleField,
  type RuleProblem,
} from "~/domain/risk-pool";
import { shanghaiDate } from "~/domain/shanghai-time";

import type { AuditedActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";

type Client = Prisma.TransactionClient | typeof db;

function splitList(value: string): string[] {
  return value ? value.split(",") : [];
}

export function termsOf(rule: PoolRule): PoolRuleTerms & { id: string } {
  return {
    id: rule.id,
    effectiveOn: rule.effectiveOn,
    coverageBp: rule.coverageBp,
    firstLoanBonusBp: rule.firstLoanBonusBp,
    capYuan: rule.capYuan,
    guaranteeTypes: splitList(rule.guaranteeTypes),
    maxPrincipalYuan: rule.maxPrincipalYuan,
    sizes: splitList(rule.sizes),
    whitelistOnly: rule.whitelistOnly,
    filingWindowDays: rule.filingWindowDays,
    claimThresholdDpd: rule.claimThresholdDpd,
    suspensionThresholdBp: rule.suspensionThresholdBp,
  };
}

/** Every version, oldest first (a handful: the bureau adds one when the policy changes). */
export async function listRuleTerms(client: Client = db) {
  const rules = await client.poolRule.findMany({ orderBy: { effectiveOn: "asc" } });
  return rules.map(termsOf);
}

/** The versions for the bureau's page, newest first, with the one in force today marked. */
export async function listRuleVersions(_actor: BureauActor, now = new Date()) {
  const rules = await db.poolRule.findMany({ orderBy: { effectiveOn: "desc" } });
  const current = ruleForDay(rules, shanghaiDate(now));
  return rules.map((rule) => ({
    ...termsOf(rule),
    note: rule.note,
    createdAt: rule.createdAt,
    inForce: rule.id === current?.id,
  }));
}

/** The version in force on `day` (the suspension threshold of today). */
export async function ruleInForce(client: Client, day: string) {
  return ruleForDay(await listRuleTerms(client), day);
}

export type RuleVersionResult =
  { ok: true; id: string } | { ok: false; problems: Partial<Record<RuleField, RuleProblem>> };

/** A new version from the bureau: checked field by field; two versions never start on the same day. */
export async function createRuleVersion(
  actor: AuditedActor<BureauActor>,
  terms: PoolRuleTerms,
  note: string,
  now = new Date(),
): Promise<RuleVersionResult> {
  const existing = await db.poolRule.findMany({ select: { effectiveOn: true } });
  const problems = ruleTermsProblems(terms, {
    today: shanghaiDate(now),
    existingDays: existing.map((rule) => rule.effectiveOn),
  });
  if (Object.keys(problems).length) return { ok: false, problems };
  try {
    return await db.$transaction(async (tx) => {
      const rule = await tx.poolRule.create({
        data: {
          ...terms,
          guaranteeTypes: terms.guaranteeTypes.join(","),
          sizes: terms.sizes.join(","),
          note,
          createdById: actor.id,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor.id,
          ip: actor.ip,
          action: "pool.rule.create",
          targetType: "PoolRule",
          targetId: rule.id,
          detail: { ...terms, guaranteeTypes: terms.guaranteeTypes.join(","), sizes: terms.sizes.join(",") },
        },
        tx,
      );
      return { ok: true as const, id: rule.id };
    });
  } catch (error) {
    // another version for the same day was created between the check and the insert
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, problems: { effectiveOn: "DATE_TAKEN" } };
    throw error;
  }
}
