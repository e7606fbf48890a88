/**
 * The bank API's per-request records: nonces (replay), the request counters (rate limit) and
 * idempotency keys. All of it lives in the database so that every app server sees the same
 * state (docs/decisions/016-bank-api.md). The nonce and counter statements are written by hand
 * because they must be single atomic upserts, and they are the same SQL on SQLite and
 * PostgreSQL (times as Unix milliseconds and minutes, not DateTime).
 */
import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { NONCE_TTL_MS } from "~/domain/api-signature";
import { MINUTE_MS } from "~/domain/rate-limit";

import { recordAudit, type AuditEntry } from "./audit.server";

/** Idempotency keys are kept at least this long (SPEC: at least 24 hours). */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** A PENDING key older than this belongs to a request that died: a retry may take it over. */
export const IDEMPOTENCY_STALE_MS = 60_000;

export type Admission = { nonceFresh: boolean; previous: number; current: number; msIntoMinute: number };

export type IdempotencyClaim = { key: string; requestHash: string };

export type AdmitOptions = {
  /** whether the request gets in once counted (under the rate limit); the key is claimed only then */
  admits?: (admission: Admission) => boolean;
  /** a write's Idempotency-Key, claimed in the same transaction as the nonce and the counter */
  idempotency?: IdempotencyClaim | null;
  /** note the client's use (the admin page's "last used"), in the same transaction */
  touch?: boolean;
};

export type AdmitResult = Admission & { idempotency: IdempotencyStart | null };

/**
 * Records the request's nonce and counts it — and, for a write that gets in, claims its
 * Idempotency-Key — in ONE transaction (one commit per request before the handler instead of
 * two): the nonce is fresh when no request of this client used it in the last 10 minutes (an
 * older use is overwritten); the counts are this minute's (with this request) and the previous
 * minute's. The key is not claimed for a replayed nonce or a request over the limit.
 */
export async function admitRequest(
  clientId: string,
  nonce: string,
  now = new Date(),
  options: AdmitOptions = {},
): Promise<AdmitResult> {
  const nowMs = now.getTime();
  const minute = Math.floor(nowMs / MINUTE_MS);
  const staleBefore = BigInt(nowMs - NONCE_TTL_MS);
  try {
    return await db.$transaction(async (tx) => {
      const nonceRows =
        await tx.$executeRaw`INSERT INTO "ApiNonce" ("clientId", "nonce", "usedAtMs") VALUES (${clientId}, ${nonce}, ${BigInt(nowMs)})
        ON CONFLICT ("clientId", "nonce") DO UPDATE SET "usedAtMs" = excluded."usedAtMs"
        WHERE "ApiNonce"."usedAtMs" < ${staleBefore}`;
      // this minute's count (with this request) and, in the same statement, the previous minute's
      const [counts] = await tx.$queryRaw<
        { count: number | bigint; previous: number | bigint | null }[]
      >`INSERT INTO "ApiRateWindow" ("clientId", "minute", "count") VALUES (${clientId}, ${minute}, 1)
        ON CONFLICT ("clientId", "minute") DO UPDATE SET "count" = "ApiRateWindow"."count" + 1
        RETURNING "count", (SELECT p."count" FROM "ApiRateWindow" p WHERE p."clientId" = ${clientId} AND p."minute" = ${minute - 1}) AS "previous"`;
      const admission: Admission = {
        nonceFresh: nonceRows === 1,
        current: Number(counts?.count ?? 1),
        previous: Number(counts?.previous ?? 0),
        msIntoMinute: nowMs - minute * MINUTE_MS,
      };
      const admitted = admission.nonceFresh && (options.admits?.(admission) ?? true);
      if (admitted && options.touch) await touchClient(tx, clientId, now);
      const idempotency =
        admitted && options.idempotency ? await claimKey(tx, clientId, options.idempotency, now) : null;
      return { ...admission, idempotency };
    });
  } catch (error) {
    // PostgreSQL: another server inserted the same key between our read and our insert, which
    // aborted this transaction (nothing of it stays). Done again in two steps, the key's claim
    // then finds the other server's row.
    if (!isUniqueViolation(error) || !options.idempotency) throw error;
    const admission = await admitRequest(clientId, nonce, now, { ...options, idempotency: null });
    const admitted = admission.nonceFresh && (options.admits?.(admission) ?? true);
    return {
      ...admission,
      idempotency: admitted
        ? await beginIdempotentRequest(
            clientId,
            options.idempotency.key,
            options.idempotency.requestHash,
            now,
          )
        : null,
    };
  }
}

type Tx = Prisma.TransactionClient;

/** The client's "last used", at most once a minute (the caller decides when). */
async function touchClient(tx: Tx, clientId: string, now: Date) {
  await tx.apiClient.updateMany({
    where: {
      id: clientId,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - 60_000) } }],
    },
    data: { lastUsedAt: now },
  });
}

const EXISTING_KEY_SELECT = {
  id: true,
  requestHash: true,
  state: true,
  status: true,
  contentType: true,
  body: true,
  createdAt: true,
} as const;

type ExistingKey = Prisma.ApiIdempotencyKeyGetPayload<{ select: typeof EXISTING_KEY_SELECT }>;

/** What a key already on record means for this request: another body, a replay, running, or dead. */
async function judgeExisting(
  client: Tx | typeof db,
  existing: ExistingKey,
  requestHash: string,
  now: Date,
): Promise<IdempotencyStart> {
  if (existing.requestHash !== requestHash) return { kind: "mismatch" };
  if (existing.state === "DONE" && existing.status !== null) {
    return {
      kind: "replay",
      response: {
        status: existing.status,
        contentType: existing.contentType ?? "",
        body: existing.body ?? "",
      },
    };
  }
  if (now.getTime() - existing.createdAt.getTime() < IDEMPOTENCY_STALE_MS) return { kind: "in_progress" };
  // the first request died without an answer: take the claim over (conditional, once)
  const taken = await client.apiIdempotencyKey.updateMany({
    where: { id: existing.id, state: "PENDING", createdAt: existing.createdAt },
    data: { createdAt: now },
  });
  return taken.count === 1 ? { kind: "new", id: existing.id } : { kind: "in_progress" };
}

/** The claim inside the admission's transaction: the key's row if it exists, else a new PENDING one. */
async function claimKey(tx: Tx, clientId: string, claim: IdempotencyClaim, now: Date) {
  const existing = await tx.apiIdempotencyKey.findUnique({
    where: { clientId_key: { clientId, key: claim.key } },
    select: EXISTING_KEY_SELECT,
  });
  if (existing) return judgeExisting(tx, existing, claim.requestHash, now);
  const row = await tx.apiIdempotencyKey.create({
    data: { clientId, key: claim.key, requestHash: claim.requestHash, createdAt: now },
    select: { id: true },
  });
  return { kind: "new", id: row.id } as const;
}

export type StoredResponse = { status: number; contentType: string; body: string };
export type IdempotencyStart =
  | { kind: "new"; id: string }
  | { kind: "replay"; response: StoredResponse }
  | { kind: "mismatch" }
  | { kind: "in_progress" };

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Claims an Idempotency-Key for a request (`requestHash`: method, path and body). The unique
 * (client, key) row is the claim, so two servers receiving the same retry at once cannot both
 * run it: the second finds the first PENDING.
 */
export async function beginIdempotentRequest(
  clientId: string,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<IdempotencyStart> {
  try {
    const row = await db.apiIdempotencyKey.create({
      data: { clientId, key, requestHash, createdAt: now },
      select: { id: true },
    });
    return { kind: "new", id: row.id };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  const existing = await db.apiIdempotencyKey.findUnique({
    where: { clientId_key: { clientId, key } },
    select: EXISTING_KEY_SELECT,
  });
  // pruned between the two statements: the key is free again
  if (!existing) return beginIdempotentRequest(clientId, key, requestHash, now);
  return judgeExisting(db, existing, requestHash, now);
}

/** Stores the answer for the key and, in the same commit, the write's audit row. */
export async function completeIdempotentRequest(
  id: string,
  response: StoredResponse,
  { now = new Date(), audit }: { now?: Date; audit?: AuditEntry } = {},
) {
  await db.$transaction(async (tx) => {
    await tx.apiIdempotencyKey.updateMany({
      where: { id, state: "PENDING" },
      data: { state: "DONE", ...response, completedAt: now },
    });
    if (audit) await recordAudit(audit, tx);
  });
}

/** The request failed on the server's side (5xx): the key is released so that a retry runs again. */
export async function releaseIdempotentRequest(id: string) {
  await db.apiIdempotencyKey.deleteMany({ where: { id, state: "PENDING" } });
}

/**
 * Housekeeping for the scheduled jobs: idempotency keys older than 24 hours. Idempotent (a second
 * run deletes nothing more); returns how many rows went.
 */
export async function pruneIdempotencyKeys(now = new Date()): Promise<{ idempotencyKeys: number }> {
  const { count } = await db.apiIdempotencyKey.deleteMany({
    where: { createdAt: { lt: new Date(now.getTime() - IDEMPOTENCY_TTL_MS) } },
  });
  return { idempotencyKeys: count };
}

/**
 * Housekeeping for the scheduled jobs: nonces past their 10 minutes and request counters older
 * than the previous minute. Idempotent; returns how many rows went.
 */
export async function pruneApiRequestRecords(
  now = new Date(),
): Promise<{ nonces: number; rateWindows: number }> {
  const nowMs = now.getTime();
  const [nonces, rateWindows] = await db.$transaction([
    db.apiNonce.deleteMany({ where: { usedAtMs: { lt: BigInt(nowMs - NONCE_TTL_MS) } } }),
    db.apiRateWindow.deleteMany({ where: { minute: { lt: Math.floor(nowMs / MINUTE_MS) - 1 } } }),
  ]);
  return { nonces: nonces.count, rateWindows: rateWindows.count };
}
