import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import {
  CREDIT_SOURCES,
  creditPlatformFromEnv,
  isCreditPlatformError,
  type CreditPlatformClient,
  type CreditRecord,
  type CreditSource,
} from "~/services/credit-platform.server";

import type { EnterpriseActor } from "./actor";
import { getSettings } from "./settings.server";
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

/**
 * Stores a platform answer: one CreditProfile row per source (with its own asOf), the summary
 * columns, and — 联合惩戒 — the whitelist suspension when the firm is now on a dishonesty list.
 * Runs inside the caller's transaction.
 */
export async function storeCreditRecord(tx: Tx, enterpriseId: string, record: CreditRecord, now: Date) {
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
  return summary;
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
  const summary = await db.$transaction((tx) => storeCreditRecord(tx, actor.enterpriseId, record, now));
  return { ok: true, suspended: summary.onDishonestyList };
}

/** One record of a source, as an objection refers to it: its key and a readable summary. */
export type CreditRecordRef = { source: CreditSource; recordKey: string; recordSummary: string };

/** The records of the firm's cached profile that an objection can be filed against. */
export function objectableRecords(sources: { source: string; data: unknown }[]): CreditRecordRef[] {
  const refs: CreditRecordRef[] = [];
  for (const { source, data } of sources) {
    const d = data as Record<string, unknown>;
    switch (source) {
      case "penalties":
        for (const p of (d.items as {
          decisionNo: string;
          authority: string;
          decidedOn: string;
          reason: string;
          amount: number;
        }[]) ?? [])
          refs.push({
            source,
            recordKey: p.decisionNo,
            recordSummary: `${p.decisionNo} ${p.decidedOn} ${p.authority}：${p.reason}，罚款${p.amount}元`,
          });
        break;
      case "dishonestyList":
      case "redList":
        for (const e of (d.items as {
          listName: string;
          authority: string;
          listedOn: string;
          reason: string;
        }[]) ?? [])
          refs.push({
            source,
            recordKey: `${e.listName}:${e.listedOn}`,
            recordSummary: `${e.listedOn} ${e.authority}：${e.listName}（${e.reason}）`,
          });
        break;
      case "licenses":
        for (const l of (d.items as {
          name: string;
          licenseNo: string;
          authority: string;
          validTo: string;
        }[]) ?? [])
          refs.push({
            source,
            recordKey: l.licenseNo,
            recordSummary: `${l.name} ${l.licenseNo}（${l.authority}，至${l.validTo}）`,
          });
        break;
      case "tax":
        refs.push({
          source,
          recordKey: `tax:${String(d.year)}`,
          recordSummary: `${String(d.year)} 纳税信用等级 ${String(d.grade)}`,
        });
        break;
      case "publicRating":
        refs.push({
          source,
          recordKey: "publicRating",
          recordSummary: `公共信用综合评价 ${String(d.grade)}`,
        });
        break;
      case "socialInsurance":
        refs.push({
          source,
          recordKey: "socialInsurance",
          recordSummary: `参保 ${String(d.insuredEmployees)} 人，欠缴 ${String(d.arrearsMonths)} 个月`,
        });
        break;
      case "utilities":
        refs.push({
          source,
          recordKey: "utilities",
          recordSummary: `欠费：水 ${String(d.waterArrears)} 元，电 ${String(d.powerArrears)} 元，气 ${String(d.gasArrears)} 元`,
        });
        break;
      case "judicial":
        refs.push({
          source,
          recordKey: "judicial",
          recordSummary: `被执行案件 ${String(d.enforcementCases)} 件`,
        });
        break;
      default:
        break;
    }
  }
  return refs;
}
