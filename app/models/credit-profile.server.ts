import type { Prisma } from "@prisma/client";

import { lockRow } from "~/db/row-lock.server";
import { db } from "~/db.server";
import { creditSnapshotOf, diffCreditProfiles } from "~/domain/credit-changes";
export { objectableRecords, type CreditRecordRef } from "~/domain/credit-records";
import {
  CREDIT_SOURCES,
  creditPlatformFromEnv,
  isCreditPlatformError,
  type CreditPlatformClient,
  type CreditRecord,
  type CreditSource,
  type RegistrationRecord,
} from "~/services/credit-platform.server";

import type { EnterpriseActor } from "./actor";
import { raiseCreditAlerts } from "./credit-alert.server";
import { getCalendar, getSettings } from "./settings.server";
import { suspendWhitelistForDishonesty } from "./whitelist-sanctions.server";

type Tx = Prisma.TransactionClient;

/** The summary columns of Enterprise that lists filter on, from one platform answer. */
export function creditSummaryOf(record: CreditRecord) {
  const s = record.sources;
  return {
    taxGrade: s.tax.grade,
    publicRating: s.publicRating.grade,
    onDishonestyList: s.dishonestyList.items.length > 0,
    onRedList: s.redList.items.length > 0,
  };
}

/** The CreditProfile row that keeps the registry record (its status), next to the credit sources. */
export const REGISTRY_SOURCE = "registry";

export type StoreOptions = {
  /** the registry record fetched with the credit record (the nightly refresh): its status is compared too */
  registry?: RegistrationRecord | null;
  /**
   * The acknowledgement deadline of alerts this refresh raises (computed before the transaction:
   * the calendar is not read inside it). Required whenever a profile existed before.
   */
  alertDueAt?: Date;
};

/**
 * Stores a platform answer: one CreditProfile row per source (with its own asOf), the summary
 * columns, and — 联合惩戒 — the whitelist suspension when the firm is now on a dishonesty list.
 * What changed for the worse since the stored profile raises credit alerts (贷后预警) to the
 * banks entitled to them. Runs inside the caller's transaction.
 */
export async function storeCreditRecord(
  tx: Tx,
  enterpriseId: string,
  record: CreditRecord,
  now: Date,
  { registry = null, alertDueAt }: StoreOptions = {},
) {
  // Two refreshes of one firm at once (the nightly job, the firm's button): the second waits
  // here and then compares with what the first stored, so a change is found once.
  await lockRow(tx, "Enterprise", enterpriseId);
  const before = await tx.creditProfile.findMany({
    where: { enterpriseId },
    select: { source: true, data: true },
  });
  for (const source of CREDIT_SOURCES) {
    const data = record.sources[source];
    // an optional source the platform did not send: the cached row (if any) stays
    if (!data) continue;
    const row = { data: JSON.stringify(data), asOf: new Date(data.updatedAt), fetchedAt: now };
    await tx.creditProfile.upsert({
      where: { enterpriseId_source: { enterpriseId, source } },
      update: row,
      create: { enterpriseId, source, ...row },
    });
  }
  if (registry) {
    const row = { data: JSON.stringify(registry), asOf: now, fetchedAt: now };
    await tx.creditProfile.upsert({
      where: { enterpriseId_source: { enterpriseId, source: REGISTRY_SOURCE } },
      update: row,
      create: { enterpriseId, source: REGISTRY_SOURCE, ...row },
    });
  }
  const summary = creditSummaryOf(record);
  await tx.enterprise.update({
    where: { id: enterpriseId },
    data: { ...summary, creditRefreshedAt: now, creditAttemptedAt: now, creditRefreshError: null },
  });
  if (summary.onDishonestyList) {
    const listing = record.sources.dishonestyList.items[0];
    await suspendWhitelistForDishonesty(tx, {
      enterpriseId,
      reason: `${listing.listName}（${listing.authority}）`,
      now,
    });
  }
  const changes = diffCreditProfiles(
    before.length ? snapshotOfRows(before) : null,
    creditSnapshotOf(record.sources, registry?.status ?? null),
  );
  let alerts = 0;
  if (changes.length) {
    if (!alertDueAt) throw new Error("storeCreditRecord: a refresh that can raise alerts needs alertDueAt");
    alerts = await raiseCreditAlerts(tx, { enterpriseId, changes, now, dueAt: alertDueAt });
  }
  return { ...summary, changes: changes.length, alerts };
}

function snapshotOfRows(rows: { source: string; data: string }[]) {
  const sources: Record<string, unknown> = {};
  for (const row of rows) {
    try {
      sources[row.source] = JSON.parse(row.data) as unknown;
    } catch {
      // an unreadable cached row is an unknown source
    }
  }
  const registry = sources[REGISTRY_SOURCE] as { status?: unknown } | undefined;
  return creditSnapshotOf(sources, typeof registry?.status === "string" ? registry.status : null);
}

/** When alerts raised now must be acknowledged: the end of the N-th working day (setting). */
export async function alertDueAt(now: Date) {
  const [settings, calendar] = await Promise.all([getSettings(), getCalendar()]);
  return calendar.addWorkingDays(now, settings["alert.acknowledgeWorkingDays"]);
}

export type CreditSourceView = { source: CreditSource; asOf: string; fetchedAt: string; data: unknown };

/** The firm's own profile (free self-query: nothing is written to the access log). */
export async function getOwnCreditProfile(actor: EnterpriseActor) {
  const [enterprise, rows, objections, settings] = await Promise.all([
    db.enterprise.findUnique({
      where: { id: actor.enterpriseId },
      select: {
        uscc: true,
        name: true,
        taxGrade: true,
        publicRating: true,
        onDishonestyList: true,
        onRedList: true,
        creditRefreshedAt: true,
        creditAttemptedAt: true,
        creditRefreshError: true,
      },
    }),
    db.creditProfile.findMany({
      where: { enterpriseId: actor.enterpriseId },
      select: { source: true, data: true, asOf: true, fetchedAt: true },
    }),
    db.objection.findMany({
      where: { enterpriseId: actor.enterpriseId },
      select: {
        id: true,
        source: true,
        recordKey: true,
        recordSummary: true,
        reason: true,
        attachmentNote: true,
        status: true,
        resolution: true,
        responseText: true,
        handledAt: true,
        dueAt: true,
        createdAt: true,
      },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: 50,
    }),
    getSettings(),
  ]);
  if (!enterprise) return null;
  const bySource = new Map(rows.map((row) => [row.source, row]));
  const sources = CREDIT_SOURCES.flatMap((source) => {
    const row = bySource.get(source);
    if (!row) return [];
    return [{ source, asOf: row.asOf, fetchedAt: row.fetchedAt, data: JSON.parse(row.data) as unknown }];
  });
  const intervalMs = settings["credit.refreshMinIntervalMinutes"] * 60_000;
  const nextRefreshAt = enterprise.creditAttemptedAt
    ? new Date(enterprise.creditAttemptedAt.getTime() + intervalMs)
    : null;
  return {
    enterprise,
    sources,
    objections,
    nextRefreshAt,
    refreshMinutes: settings["credit.refreshMinIntervalMinutes"],
  };
}

export type RefreshResult =
  | { ok: true; suspended: boolean }
  | { ok: false; error: "TOO_SOON"; nextAt: Date }
  | { ok: false; error: "PLATFORM"; kind: string };

/**
 * Pulls the firm's credit record again, at most once per `credit.refreshMinIntervalMinutes`
 * (successful or not). A failure keeps the cached rows and records the error for the notice.
 */
export async function refreshOwnCreditProfile(
  actor: EnterpriseActor,
  { now = new Date(), client }: { now?: Date; client?: CreditPlatformClient } = {},
): Promise<RefreshResult> {
  const settings = await getSettings();
  const intervalMs = settings["credit.refreshMinIntervalMinutes"] * 60_000;
  const since = new Date(now.getTime() - intervalMs);
  // Claim the attempt with a conditional update, so two clicks cannot both call the platform.
  const claimed = await db.enterprise.updateMany({
    where: {
      id: actor.enterpriseId,
      OR: [{ creditAttemptedAt: null }, { creditAttemptedAt: { lte: since } }],
    },
    data: { creditAttemptedAt: now },
  });
  if (claimed.count !== 1) {
    const firm = await db.enterprise.findUnique({
      where: { id: actor.enterpriseId },
      select: { creditAttemptedAt: true },
    });
    const last = firm?.creditAttemptedAt ?? now;
    return { ok: false, error: "TOO_SOON", nextAt: new Date(last.getTime() + intervalMs) };
  }
  const firm = await db.enterprise.findUniqueOrThrow({
    where: { id: actor.enterpriseId },
    select: { uscc: true, onDishonestyList: true },
  });
  let record: CreditRecord;
  try {
    record = await (client ?? creditPlatformFromEnv()).getCredit(firm.uscc);
  } catch (error) {
    if (!isCreditPlatformError(error)) throw error;
    await db.enterprise.update({
      where: { id: actor.enterpriseId },
      data: { creditRefreshError: error.kind },
    });
    return { ok: false, error: "PLATFORM", kind: error.kind };
  }
  const dueAt = await alertDueAt(now);
  const summary = await db.$transaction((tx) =>
    storeCreditRecord(tx, actor.enterpriseId, record, now, { alertDueAt: dueAt }),
  );
  return { ok: true, suspended: summary.onDishonestyList };
}

/** The firms the nightly refresh covers: an outstanding loan, or a live authorisation of any bank. */
export function nightlyRefreshWhere(now: Date): Prisma.EnterpriseWhereInput {
  return {
    OR: [
      { loans: { some: { status: "ACTIVE" } } },
      { authorizations: { some: { revokedAt: null, expiresAt: { gt: now } } } },
    ],
  };
}

/** One page of the nightly refresh's firms after `afterId`, in id order (the resumable cursor). */
export async function listFirmsToRefresh({
  afterId,
  take,
  now,
}: {
  afterId: string | null;
  take: number;
  now: Date;
}) {
  return db.enterprise.findMany({
    where: { AND: [nightlyRefreshWhere(now), afterId ? { id: { gt: afterId } } : {}] },
    select: { id: true, uscc: true, creditRefreshedAt: true },
    orderBy: { id: "asc" },
    take,
  });
}

/**
 * The nightly refresh of one firm (no rate limit of the firm's own button applies): its registry
 * record and credit record, each after `throttle()`, stored with the alerts they raise. A platform
 * failure keeps the cached profile, records the error on the firm and is thrown to the caller.
 */
export async function refreshFirmCredit(
  firm: { id: string; uscc: string },
  {
    client,
    now,
    alertDueAt: dueAt,
    throttle = async () => {},
  }: { client: CreditPlatformClient; now: Date; alertDueAt: Date; throttle?: () => Promise<void> },
) {
  let registry: RegistrationRecord | null;
  let record: CreditRecord;
  try {
    await throttle();
    registry = await client.getRegistration(firm.uscc);
    await throttle();
    record = await client.getCredit(firm.uscc);
  } catch (error) {
    if (isCreditPlatformError(error)) {
      await db.enterprise.update({
        where: { id: firm.id },
        data: { creditAttemptedAt: now, creditRefreshError: error.kind },
      });
    }
    throw error;
  }
  return db.$transaction((tx) =>
    storeCreditRecord(tx, firm.id, record, now, { registry, alertDueAt: dueAt }),
  );
}
