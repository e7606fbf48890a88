/**
 * 接口凭证: the bureau issues, rotates and revokes a bank system's API credentials; the API
 * pipeline finds the client of a request and the secrets that may have signed it.
 *
 * A client acts as a BANK user of its own (username "api:<keyId>", no password and disabled, so
 * it can neither sign in nor receive notifications): the model functions that the screens use take
 * it as their actor unchanged, and events, access-log rows and audit rows name it. The admin
 * screens of accounts leave these users out.
 *
 * Secrets are shown once, at issue and at rotation, and kept only sealed (app/utils/secret-box.server.ts,
 * under SECRETS_KEY): the portal recomputes each request's HMAC, so it needs the secret itself and
 * a one-way hash cannot do. The seal's purpose names the key id and the secret's generation, so
 * a sealed secret copied to another client or generation does not open.
 */
import { randomBytes } from "node:crypto";

import { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { DEFAULT_GRACE_HOURS, type GraceHours } from "~/domain/api-credentials";
import { KEY_ID_PATTERN } from "~/domain/api-signature";
import { openSecret, sealSecret } from "~/utils/secret-box.server";

import type { AuditedActor, BankActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";

const MAX_LABEL = 60;
/** lastUsedAt is written at most this often (it is for the admin page, not an audit). */
const LAST_USED_RESOLUTION_MS = 60_000;

const apiUsername = (keyId: string) => `api:${keyId}`;
const purposeOf = (keyId: string, generation: number) => `api-client:${keyId}:${generation}`;

/** A new client secret: 32 random bytes, base64url. */
function generateSecret(): string {
  return `xyd_${randomBytes(32).toString("base64url")}`;
}

/** A key id for a new client: the bank's code and random letters, e.g. "zzbank-k3f9q2ab". */
function newKeyId(bankCode: string): string {
  const stem =
    bankCode
      .toLowerCase()
      .replace(/[^a-z0-9]/g, "")
      .slice(0, 20) || "bank";
  return `${stem}-${randomBytes(6)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;
}

export type IssuedClient = { id: string; keyId: string; secret: string };
export type IssueResult = { ok: true; client: IssuedClient } | { ok: false; error: "BANK" | "KEY_TAKEN" };

/**
 * Creates a client and its user for an active bank. `keyId` and `secret` are for the seed's demo
 * client; the bureau's page always lets them be generated.
 */
export async function issueApiClient(
  /** null for the seed's demo client: no request, no address */
  actor: AuditedActor<BureauActor> | null,
  {
    bankId,
    label = "",
    keyId,
    secret = generateSecret(),
    now = new Date(),
  }: { bankId: string; label?: string; keyId?: string; secret?: string; now?: Date },
): Promise<IssueResult> {
  const bank = await db.bank.findFirst({ where: { id: bankId, active: true }, select: { code: true } });
  if (!bank) return { ok: false, error: "BANK" };
  const id = keyId ?? newKeyId(bank.code);
  if (!KEY_ID_PATTERN.test(id)) throw new Error(`not a key id: ${id}`);
  try {
    const client = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          username: apiUsername(id),
          displayName: `接口 ${id}`,
          role: "BANK",
          bankId,
          disabledAt: now,
          createdAt: now,
          passwordChangedAt: now,
        },
        select: { id: true },
      });
      const created = await tx.apiClient.create({
        data: {
          keyId: id,
          bankId,
          userId: user.id,
          label: label.slice(0, MAX_LABEL),
          secretSealed: sealSecret(secret, purposeOf(id, 1)),
          secretHint: secret.slice(-4),
          issuedById: actor?.id ?? null,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(
        {
          actorId: actor?.id ?? null,
          action: "apiClient.issue",
          targetType: "ApiClient",
          targetId: created.id,
          ip: actor?.ip ?? null,
          detail: { keyId: id, bankId },
        },
        tx,
      );
      return created;
    });
    return { ok: true, client: { id: client.id, keyId: id, secret } };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, error: "KEY_TAKEN" };
    throw error;
  }
}

export type ClientChange =
  { ok: true; secret?: string } | { ok: false; error: "NOT_FOUND" | "REVOKED" | "CHANGED" };

/**
 * A new secret; the current one stays valid for `graceHours` so the bank can deploy the new one
 * without an outage. A rotation during a grace period ends the older secret at once (two at most).
 */
export async function rotateApiClientSecret(
  actor: AuditedActor<BureauActor>,
  id: string,
  { graceHours = DEFAULT_GRACE_HOURS, now = new Date() }: { graceHours?: GraceHours; now?: Date } = {},
): Promise<ClientChange> {
  const client = await db.apiClient.findUnique({
    where: { id },
    select: { keyId: true, generation: true, secretSealed: true, revokedAt: true },
  });
  if (!client) return { ok: false, error: "NOT_FOUND" };
  if (client.revokedAt) return { ok: false, error: "REVOKED" };
  const secret = generateSecret();
  const generation = client.generation + 1;
  const changed = await db.$transaction(async (tx) => {
    // conditional on the generation read: two rotations at once cannot both keep "their" previous
    const updated = await tx.apiClient.updateMany({
      where: { id, generation: client.generation, revokedAt: null },
      data: {
        generation,
        secretSealed: sealSecret(secret, purposeOf(client.keyId, generation)),
        secretHint: secret.slice(-4),
        previousSealed: client.secretSealed,
        previousValidUntil: new Date(now.getTime() + graceHours * 3_600_000),
        rotatedAt: now,
      },
    });
    if (updated.count !== 1) return false;
    await recordAudit(
      {
        actorId: actor.id,
        action: "apiClient.rotate",
        targetType: "ApiClient",
        targetId: id,
        ip: actor.ip,
        detail: { keyId: client.keyId, generation, graceHours },
      },
      tx,
    );
    return true;
  });
  return changed ? { ok: true, secret } : { ok: false, error: "CHANGED" };
}

/** Ends a client at once: every secret of it stops working with the next request. */
export async function revokeApiClient(
  actor: AuditedActor<BureauActor>,
  id: string,
  now = new Date(),
): Promise<ClientChange> {
  const client = await db.apiClient.findUnique({ where: { id }, select: { keyId: true, revokedAt: true } });
  if (!client) return { ok: false, error: "NOT_FOUND" };
  if (client.revokedAt) return { ok: false, error: "REVOKED" };
  await db.$transaction(async (tx) => {
    await tx.apiClient.updateMany({
      where: { id, revokedAt: null },
      data: { revokedAt: now, previousSealed: null, previousValidUntil: null },
    });
    await recordAudit(
      {
        actorId: actor.id,
        action: "apiClient.revoke",
        targetType: "ApiClient",
        targetId: id,
        ip: actor.ip,
        detail: { keyId: client.keyId },
      },
      tx,
    );
  });
  return { ok: true };
}

/** Every client, for the bureau's page (no secret, sealed or not, leaves this function). */
export async function listApiClients(_actor: BureauActor) {
  return db.apiClient.findMany({
    select: {
      id: true,
      keyId: true,
      label: true,
      secretHint: true,
      generation: true,
      createdAt: true,
      rotatedAt: true,
      previousValidUntil: true,
      revokedAt: true,
      lastUsedAt: true,
      bank: { select: { id: true, name: true, nameEn: true } },
      issuedBy: { select: { displayName: true } },
    },
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }, { id: "asc" }],
  });
}

type RequestClientRow = {
  id: string;
  keyId: string;
  generation: number;
  secretSealed: string;
  previousSealed: string | null;
  previousValidUntil: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  bankId: string;
  bankName: string;
  bankNameEn: string;
  bankActive: boolean;
  userId: string;
  username: string;
  displayName: string;
  role: string;
  userBankId: string | null;
};

export type RequestClient = {
  id: string;
  keyId: string;
  /** the secrets that may have signed a request now: the current one, and the previous in its grace period */
  secrets: string[];
  lastUsedAt: Date | null;
  actor: BankActor;
};

/**
 * The client of a request's key id with the secrets valid now, or null when the key is unknown,
 * revoked, or its bank or user is no longer active — all of which the caller answers alike (401).
 */
export async function findRequestClient(keyId: string, now = new Date()): Promise<RequestClient | null> {
  // One statement (the API's hot path: Prisma would load the bank and the user separately).
  const [client] = await db.$queryRaw<RequestClientRow[]>`
    SELECT c."id", c."keyId", c."generation", c."secretSealed", c."previousSealed",
           c."previousValidUntil", c."revokedAt", c."lastUsedAt",
           b."id" AS "bankId", b."name" AS "bankName", b."nameEn" AS "bankNameEn", b."active" AS "bankActive",
           u."id" AS "userId", u."username", u."displayName", u."role", u."bankId" AS "userBankId"
    FROM "ApiClient" c
    JOIN "Bank" b ON b."id" = c."bankId"
    JOIN "User" u ON u."id" = c."userId"
    WHERE c."keyId" = ${keyId}`;
  if (!client || client.revokedAt || !client.bankActive) return null;
  if (client.role !== "BANK" || client.userBankId !== client.bankId) return null;
  const secrets: string[] = [];
  const current = openSecret(client.secretSealed, purposeOf(client.keyId, client.generation));
  if (current === null)
    console.error(`api client ${client.keyId}: the secret does not open (server key changed?)`);
  else secrets.push(current);
  if (client.previousSealed && client.previousValidUntil && client.previousValidUntil > now) {
    const previous = openSecret(client.previousSealed, purposeOf(client.keyId, client.generation - 1));
    if (previous !== null) secrets.push(previous);
  }
  if (secrets.length === 0) return null;
  return {
    id: client.id,
    keyId: client.keyId,
    secrets,
    lastUsedAt: client.lastUsedAt,
    actor: {
      id: client.userId,
      username: client.username,
      displayName: client.displayName,
      role: "BANK",
      bankId: client.bankId,
      enterpriseId: null,
      subDistrictId: null,
      organization: { zh: client.bankName, en: client.bankNameEn },
      apiClient: { id: client.id, keyId: client.keyId },
    },
  };
}

/** Notes the client's use for the admin page, at most once a minute (one conditional update). */
export async function touchApiClient(id: string, now = new Date()) {
  await db.apiClient.updateMany({
    where: {
      id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }],
    },
    data: { lastUsedAt: now },
  });
}
