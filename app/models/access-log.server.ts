import { db } from "~/db.server";
import type { AccessPurpose } from "~/domain/bank-choices";
import { CREDIT_SOURCES, creditSchema, type CreditRecord } from "~/services/credit-platform.server";

import type { AuditedActor, BankActor } from "./actor";
import { recordAudit } from "./audit.server";
import { openDemandWhere } from "./candidate.server";
import { enterpriseBasicSelect } from "./enterprise.server";
import { demandTermsSelect } from "./selects.server";

/**
 * A bank officer's view of a firm (查询记录). The view and its AccessLog row are one unit:
 * the row is written first, and the firm's data is read and returned only after that write
 * succeeded — if the log cannot be written, the caller gets the error and shows nothing.
 *
 * Scope follows the firm's live authorisations for this bank (or all banks): FULL shows the
 * credit profile, BASIC only the basic information. No live authorisation → null, exactly
 * like a firm that does not exist.
 */

export type ProfileScope = "BASIC" | "FULL";

type SourceData = { [K in keyof CreditRecord["sources"]]?: CreditRecord["sources"][K] };

/**
 * The scope this bank holds on the firm, or null: FULL while it has an outstanding loan to the firm
 * (a lender keeps FULL access until the loan is settled, SPEC "Early warning"), else the widest of
 * its live authorisations.
 */
export async function liveScopeFor(
  actor: BankActor,
  enterpriseId: string,
  now = new Date(),
): Promise<ProfileScope | null> {
  const [grants, lending] = await Promise.all([
    db.authorization.findMany({
      where: {
        enterpriseId,
        revokedAt: null,
        expiresAt: { gt: now },
        OR: [{ bankId: actor.bankId }, { bankId: null }],
      },
      select: { scope: true },
    }),
    db.loan.count({ where: { enterpriseId, bankId: actor.bankId, status: "ACTIVE" } }),
  ]);
  if (lending > 0) return "FULL";
  if (grants.length === 0) return null;
  return grants.some((g) => g.scope === "FULL") ? "FULL" : "BASIC";
}

/** Basic information of a visible firm, without logging (the candidate list shows the same). */
export async function getCandidateBasics(actor: BankActor, enterpriseId: string, now = new Date()) {
  const scope = await liveScopeFor(actor, enterpriseId, now);
  if (!scope) return null;
  const firm = await db.enterprise.findUnique({
    where: { id: enterpriseId },
    select: { id: true, name: true },
  });
  return firm ? { ...firm, scope } : null;
}

function parseSources(rows: { source: string; data: string; asOf: Date }[]) {
  const sources: SourceData = {};
  const asOf: Record<string, Date> = {};
  const shapes = creditSchema.shape.sources.shape;
  for (const row of rows) {
    if (!(CREDIT_SOURCES as readonly string[]).includes(row.source)) continue;
    const key = row.source as keyof typeof shapes;
    let json: unknown;
    try {
      json = JSON.parse(row.data);
    } catch {
      continue;
    }
    const parsed = shapes[key].safeParse(json);
    if (!parsed.success) continue;
    (sources as Record<string, unknown>)[key] = parsed.data;
    asOf[key] = row.asOf;
  }
  return { sources, asOf };
}

/**
 * Opens a firm's profile for a bank officer with a stated purpose. Returns null when the bank
 * may not see the firm (no live authorisation, or no such firm). Throws when the access log
 * cannot be written — the profile is then not read at all.
 */
export async function openEnterpriseProfile({
  actor,
  enterpriseId,
  purpose,
  now = new Date(),
}: {
  /** with the address the view is audited from */
  actor: AuditedActor<BankActor>;
  enterpriseId: string;
  purpose: AccessPurpose;
  now?: Date;
}) {
  const scope = await liveScopeFor(actor, enterpriseId, now);
  if (!scope) return null;
  // A bank system's view through /api/v1 is logged like a screen's, with its channel and key.
  const channel = actor.apiClient ? "API" : "SCREEN";
  const log = await db.accessLog.create({
    data: { enterpriseId, bankId: actor.bankId, userId: actor.id, scope, purpose, channel, at: now },
    select: { id: true, at: true },
  });
  await recordAudit({
    actorId: actor.id,
    action: "credit.view",
    targetType: "Enterprise",
    targetId: enterpriseId,
    ip: actor.ip,
    detail: {
      scope,
      purpose,
      accessLogId: log.id,
      ...(actor.apiClient ? { channel, apiClient: actor.apiClient.keyId } : {}),
    },
  });

  const basics = await db.enterprise.findUnique({
    where: { id: enterpriseId },
    select: enterpriseBasicSelect,
  });
  if (!basics) return null;
  const demands = await db.demand.findMany({
    where: { enterpriseId, ...openDemandWhere(now) },
    select: {
      id: true,
      ...demandTermsSelect,
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 10,
  });
  const firm = { ...basics, whitelisted: basics.whitelistedUntil !== null && basics.whitelistedUntil > now };
  if (scope === "BASIC") return { scope, log, firm, demands, full: null };

  const [details, rows] = await Promise.all([
    db.enterprise.findUnique({
      where: { id: enterpriseId },
      select: {
        legalRepresentative: true,
        address: true,
        establishedOn: true,
        registeredCapitalWan: true,
        employees: true,
        taxGrade: true,
        publicRating: true,
        onDishonestyList: true,
        onRedList: true,
        creditRefreshedAt: true,
      },
    }),
    db.creditProfile.findMany({ where: { enterpriseId }, select: { source: true, data: true, asOf: true } }),
  ]);
  if (!details) return null;
  return { scope, log, firm, demands, full: { ...details, ...parseSources(rows) } };
}

export type EnterpriseProfileView = NonNullable<Awaited<ReturnType<typeof openEnterpriseProfile>>>;

/** The bank's own recent views (SPEC: a bank sees its own access log). */
export async function listOwnAccessLog(actor: BankActor, take = 20) {
  return db.accessLog.findMany({
    where: { bankId: actor.bankId },
    select: {
      id: true,
      at: true,
      scope: true,
      purpose: true,
      enterprise: { select: { id: true, name: true } },
      user: { select: { displayName: true } },
    },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take,
  });
}
