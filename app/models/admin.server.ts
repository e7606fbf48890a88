/**
 * The bureau's administration: bank and government accounts, sub-districts and banks, the
 * LPR table, the working-day calendar and the settings. Every account change writes an
 * AuditLog row; disabling an account or resetting its password ends its sessions.
 */
import { randomInt } from "node:crypto";

import { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import type { AuditAction } from "~/domain/audit-actions";
import { passwordProblem } from "~/domain/password-policy";
import { startOfShanghaiDay } from "~/domain/shanghai-time";
import { destroyUserSessions } from "~/session.server";

import type { AuditedActor, BureauActor } from "./actor";
import { recordAudit } from "./audit.server";
import { MANAGED_ROLES, SETTING_KEYS, type ManagedRole } from "./gov-codes";
import { refreshQueueDeadlines } from "./gov-queues.server";
import { refreshIndicatorDays } from "./indicator-days.server";
import type { SettingKey } from "./settings.server";
import { hashPassword } from "./user.server";

type Tx = Prisma.TransactionClient;

function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The bureau's changes are audited with the address they came from. */
type Bureau = AuditedActor<BureauActor>;

async function audit(
  client: Tx | typeof db,
  actor: Bureau,
  action: AuditAction,
  targetType: string,
  targetId: string,
  detail: Record<string, unknown> = {},
) {
  await recordAudit({ actorId: actor.id, action, targetType, targetId, ip: actor.ip, detail }, client);
}

// ---------------------------------------------------------------- accounts

export async function listAccounts(
  _actor: BureauActor,
  {
    role,
    q,
    page,
    pageSize,
  }: { role?: ManagedRole | null; q?: string | null; page: number; pageSize: number },
) {
  const where: Prisma.UserWhereInput = {
    role: role ?? { in: [...MANAGED_ROLES] },
    // a bank system's API client acts as a user of its own: managed at /gov/admin/api-clients
    apiClient: { is: null },
    ...(q ? { OR: [{ username: sqlDialect().contains(q) }, { displayName: sqlDialect().contains(q) }] } : {}),
  };
  const [total, accounts] = await Promise.all([
    db.user.count({ where }),
    db.user.findMany({
      where,
      select: {
        id: true,
        username: true,
        displayName: true,
        role: true,
        disabledAt: true,
        lockedUntil: true,
        lastLoginAt: true,
        bank: { select: { name: true, nameEn: true } },
        subDistrict: { select: { name: true, nameEn: true } },
      },
      orderBy: [{ role: "asc" }, { username: "asc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, accounts };
}

export async function getAccount(_actor: BureauActor, id: string) {
  return db.user.findFirst({
    where: { id, role: { in: [...MANAGED_ROLES] }, apiClient: { is: null } },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      mobile: true,
      disabledAt: true,
      lockedUntil: true,
      failedLoginCount: true,
      lastLoginAt: true,
      passwordChangedAt: true,
      createdAt: true,
      bank: { select: { name: true, nameEn: true } },
      subDistrict: { select: { name: true, nameEn: true } },
      _count: { select: { sessions: true } },
    },
  });
}

/** A password that passes the policy: 14 characters from four classes, no look-alikes. */
export function generatePassword(): string {
  const sets = ["abcdefghjkmnpqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "@#%&*+=?"];
  const all = sets.join("");
  const chars = sets.map((set) => set[randomInt(set.length)]);
  while (chars.length < 14) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join("");
}

export type AccountInput = {
  username: string;
  displayName: string;
  role: ManagedRole;
  bankId: string | null;
  subDistrictId: string | null;
  mobile: string | null;
  password: string;
};

export type AccountResult =
  { ok: true; id: string; password: string | null } | { ok: false; field: string; key: string };

/** Creates an account; a blank password means "generate one" and it is returned to be shown once. */
export async function createAccount(actor: Bureau, input: AccountInput): Promise<AccountResult> {
  if (input.role === "BANK") {
    const bank = input.bankId
      ? await db.bank.findFirst({ where: { id: input.bankId, active: true }, select: { id: true } })
      : null;
    if (!bank) return { ok: false, field: "bankId", key: "gov.admin.errors.bankRequired" };
  }
  if (input.role === "GOV_OFFICE") {
    const office = input.subDistrictId
      ? await db.subDistrict.findFirst({
          where: { id: input.subDistrictId, active: true },
          select: { id: true },
        })
      : null;
    if (!office) return { ok: false, field: "subDistrictId", key: "gov.admin.errors.subDistrictRequired" };
  }
  const generated = input.password ? null : generatePassword();
  const password = input.password || (generated as string);
  const problem = passwordProblem(password, input.username);
  if (problem) return { ok: false, field: "password", key: `gov.admin.passwordProblem.${problem}` };
  const hash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: {
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          mobile: input.mobile,
          bankId: input.role === "BANK" ? input.bankId : null,
          subDistrictId: input.role === "GOV_OFFICE" ? input.subDistrictId : null,
          password: { create: { hash } },
        },
        select: { id: true },
      });
      await audit(tx, actor, "account.create", "User", created.id, {
        username: input.username,
        role: input.role,
      });
      return created;
    });
    return { ok: true, id: user.id, password: generated };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: "username", key: "gov.admin.errors.usernameTaken" };
    throw error;
  }
}

export type AccountChange =
  | { ok: true; password?: string | null }
  | { ok: false; error: "NOT_FOUND" | "SELF" }
  | { ok: false; field: string; key: string };

async function managedAccount(id: string) {
  return db.user.findFirst({
    where: { id, role: { in: [...MANAGED_ROLES] }, apiClient: { is: null } },
    select: { id: true, username: true },
  });
}

/** Disables an account and ends its sessions at once (never the bureau user's own). */
export async function disableAccount(actor: Bureau, id: string, now = new Date()): Promise<AccountChange> {
  if (id === actor.id) return { ok: false, error: "SELF" };
  const account = await managedAccount(id);
  if (!account) return { ok: false, error: "NOT_FOUND" };
  await db.$transaction(async (tx) => {
    await tx.user.updateMany({ where: { id, disabledAt: null }, data: { disabledAt: now } });
    await audit(tx, actor, "account.disable", "User", id, { username: account.username });
  });
  await destroyUserSessions(id);
  return { ok: true };
}

export async function enableAccount(actor: Bureau, id: string): Promise<AccountChange> {
  const account = await managedAccount(id);
  if (!account) return { ok: false, error: "NOT_FOUND" };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { disabledAt: null } });
    await audit(tx, actor, "account.enable", "User", id, { username: account.username });
  });
  return { ok: true };
}

export async function unlockAccount(actor: Bureau, id: string): Promise<AccountChange> {
  const account = await managedAccount(id);
  if (!account) return { ok: false, error: "NOT_FOUND" };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { lockedUntil: null, failedLoginCount: 0 } });
    await audit(tx, actor, "account.unlock", "User", id, { username: account.username });
  });
  return { ok: true };
}

/** Sets a new password (typed, or generated and returned once) and ends the account's sessions. */
export async function resetPassword(
  actor: Bureau,
  id: string,
  typed: string,
  now = new Date(),
): Promise<AccountChange> {
  const account = await managedAccount(id);
  if (!account) return { ok: false, error: "NOT_FOUND" };
  const generated = typed ? null : generatePassword();
  const password = typed || (generated as string);
  const problem = passwordProblem(password, account.username);
  if (problem) return { ok: false, field: "password", key: `gov.admin.passwordProblem.${problem}` };
  const hash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    await tx.password.upsert({ where: { userId: id }, update: { hash }, create: { userId: id, hash } });
    await tx.user.update({
      where: { id },
      data: { passwordChangedAt: now, failedLoginCount: 0, lockedUntil: null },
    });
    await audit(tx, actor, "account.resetPassword", "User", id, {
      username: account.username,
      generated: generated !== null,
    });
  });
  await destroyUserSessions(id);
  return { ok: true, password: generated };
}

export async function listAccountAudit(_actor: BureauActor, id: string) {
  return db.auditLog.findMany({
    where: { targetType: "User", targetId: id, action: { startsWith: "account." } },
    select: { id: true, at: true, action: true, actor: { select: { displayName: true } } },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: 20,
  });
}

// ---------------------------------------------------------------- organisations

export async function listOrganisations(_actor: BureauActor) {
  const [subDistricts, banks] = await Promise.all([
    db.subDistrict.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        nameEn: true,
        kind: true,
        active: true,
        _count: { select: { enterprises: true, users: true } },
      },
      orderBy: [{ sortOrder: "asc" }, { name: "asc" }, { id: "asc" }],
    }),
    db.bank.findMany({
      select: {
        id: true,
        code: true,
        name: true,
        nameEn: true,
        active: true,
        _count: { select: { users: true, products: true } },
      },
      orderBy: [{ code: "asc" }, { id: "asc" }],
    }),
  ]);
  return { subDistricts, banks };
}

/** Active sub-districts and banks, for account forms. */
export async function listActiveOrganisations() {
  const [subDistricts, banks] = await Promise.all([
    db.subDistrict.findMany({
      where: { active: true },
      select: { id: true, name: true, nameEn: true },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
    }),
    db.bank.findMany({
      where: { active: true },
      select: { id: true, name: true, nameEn: true },
      orderBy: [{ code: "asc" }, { id: "asc" }],
    }),
  ]);
  return { subDistricts, banks };
}

export type OrgResult =
  { ok: true } | { ok: false; field: string; key: string } | { ok: false; error: "NOT_FOUND" };

export async function createSubDistrict(
  actor: Bureau,
  input: { code: string; name: string; nameEn: string; kind: string },
): Promise<OrgResult> {
  try {
    await db.$transaction(async (tx) => {
      const max = await tx.subDistrict.aggregate({ _max: { sortOrder: true } });
      const row = await tx.subDistrict.create({
        data: { ...input, sortOrder: (max._max.sortOrder ?? 0) + 1 },
        select: { id: true },
      });
      await audit(tx, actor, "subDistrict.create", "SubDistrict", row.id, input);
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "code", key: "gov.admin.errors.codeTaken" };
    throw error;
  }
}

export async function updateSubDistrict(
  actor: Bureau,
  id: string,
  data: { name?: string; nameEn?: string; active?: boolean },
): Promise<OrgResult> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.subDistrict.updateMany({ where: { id }, data });
    if (count !== 1) return { ok: false as const, error: "NOT_FOUND" as const };
    await audit(tx, actor, "subDistrict.update", "SubDistrict", id, data);
    return { ok: true as const };
  });
}

export async function createBank(
  actor: Bureau,
  input: { code: string; name: string; nameEn: string },
): Promise<OrgResult> {
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.bank.create({ data: input, select: { id: true } });
      await audit(tx, actor, "bank.create", "Bank", row.id, input);
    });
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "code", key: "gov.admin.errors.codeTaken" };
    throw error;
  }
}

export async function updateBank(
  actor: Bureau,
  id: string,
  data: { name?: string; nameEn?: string; active?: boolean },
): Promise<OrgResult> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.bank.updateMany({ where: { id }, data });
    if (count !== 1) return { ok: false as const, error: "NOT_FOUND" as const };
    await audit(tx, actor, "bank.update", "Bank", id, data);
    return { ok: true as const };
  });
}

// ---------------------------------------------------------------- LPR

export async function listLprRates() {
  return db.lprRate.findMany({
    select: { id: true, effectiveOn: true, rateBp: true },
    orderBy: [{ effectiveOn: "desc" }],
  });
}

export async function addLprRate(
  actor: Bureau,
  input: { effectiveOn: string; rateBp: number },
): Promise<OrgResult> {
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.lprRate.create({
        data: { effectiveOn: startOfShanghaiDay(input.effectiveOn), rateBp: input.rateBp },
        select: { id: true },
      });
      await audit(tx, actor, "lpr.create", "LprRate", row.id, input);
    });
    await refreshIndicatorDays();
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, field: "effectiveOn", key: "gov.admin.errors.lprDateTaken" };
    throw error;
  }
}

export async function correctLprRate(actor: Bureau, id: string, rateBp: number): Promise<OrgResult> {
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.lprRate.updateMany({ where: { id }, data: { rateBp } });
    if (count !== 1) return { ok: false as const, error: "NOT_FOUND" as const };
    await audit(tx, actor, "lpr.correct", "LprRate", id, { rateBp });
    return { ok: true as const };
  });
  if (result.ok) await refreshIndicatorDays();
  return result;
}

// ---------------------------------------------------------------- calendar

/**
 * After a calendar or SLA edit has committed: what is derived from them follows — the stored
 * deadlines of the government queues and the indicators' day table.
 */
async function refreshCalendarFollowers() {
  await refreshQueueDeadlines();
  await refreshIndicatorDays();
}

export async function listCalendarOverrides() {
  return db.calendarOverride.findMany({
    select: { id: true, date: true, kind: true, note: true },
    orderBy: [{ date: "desc" }],
  });
}

export async function addCalendarOverride(
  actor: Bureau,
  input: { date: string; kind: "HOLIDAY" | "WORKDAY"; note: string },
): Promise<OrgResult> {
  try {
    await db.$transaction(async (tx) => {
      const row = await tx.calendarOverride.create({ data: input, select: { id: true } });
      await audit(tx, actor, "calendar.add", "CalendarOverride", row.id, input);
    });
    await refreshCalendarFollowers();
    return { ok: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, field: "date", key: "gov.admin.errors.dateTaken" };
    throw error;
  }
}

export async function removeCalendarOverride(actor: Bureau, id: string): Promise<OrgResult> {
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.calendarOverride.deleteMany({ where: { id } });
    if (count !== 1) return { ok: false as const, error: "NOT_FOUND" as const };
    await audit(tx, actor, "calendar.remove", "CalendarOverride", id);
    return { ok: true as const };
  });
  if (result.ok) await refreshCalendarFollowers();
  return result;
}

// ---------------------------------------------------------------- settings

export async function saveSettings(actor: Bureau, values: Record<SettingKey, number>) {
  await db.$transaction(async (tx) => {
    for (const key of SETTING_KEYS) {
      await tx.setting.upsert({
        where: { key },
        update: { value: String(values[key]) },
        create: { key, value: String(values[key]) },
      });
    }
    await audit(tx, actor, "settings.update", "Setting", "*", values);
  });
  await refreshCalendarFollowers();
}
