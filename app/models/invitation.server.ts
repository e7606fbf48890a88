/**
 * 企业引导: an office invites a firm it visited (or will visit) to register. The invitation is a
 * link with an unguessable code (and its QR code); opening it prefills /register with the
 * office's sub-district and, when the office knew it, the USCC — nothing else about the firm
 * or the office reaches whoever holds the link. Registering through it (or with its USCC) ties
 * the firm to the invitation, which is where the funnel starts.
 */
import { randomBytes } from "node:crypto";

import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import { stepOf, type FunnelStep } from "~/domain/funnel";
import type { InvitationChannel } from "~/domain/outreach";

import type { GovActor, OfficeActor } from "./actor";
import { createOnce } from "./form-key.server";
import { getSettings } from "./settings.server";

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

/** 16 random bytes as base64url: 22 characters, 128 bits — not guessable, not enumerable. */
export function newInvitationCode(): string {
  return randomBytes(16).toString("base64url");
}

const CODE = /^[A-Za-z0-9_-]{22}$/;

export function isInvitationCode(value: unknown): value is string {
  return typeof value === "string" && CODE.test(value);
}

export type InvitationInput = {
  firmName: string;
  uscc: string | null;
  contactName: string;
  contactMobile: string;
  channel: InvitationChannel;
  note: string;
};

export type InvitationCreated =
  { ok: true; row: { id: string } } | { ok: false; error: "KEY_TAKEN" | "ALREADY_REGISTERED" };

/** A new invitation of the office, valid for the bureau's setting (default 90 days). */
export async function createInvitation(
  actor: OfficeActor,
  input: InvitationInput,
  formKey: string | null = null,
  now = new Date(),
): Promise<InvitationCreated> {
  if (input.uscc) {
    const registered = await db.enterprise.findUnique({ where: { uscc: input.uscc }, select: { id: true } });
    if (registered) return { ok: false, error: "ALREADY_REGISTERED" };
  }
  const settings = await getSettings();
  const select = { id: true } as const;
  return createOnce(
    formKey,
    () =>
      db.invitation.create({
        data: {
          ...input,
          code: newInvitationCode(),
          subDistrictId: actor.subDistrictId,
          createdById: actor.id,
          expiresAt: new Date(now.getTime() + settings["invitation.validDays"] * DAY_MS),
          formKey,
          createdAt: now,
        },
        select,
      }),
    (key) => db.invitation.findFirst({ where: { formKey: key, createdById: actor.id }, select }),
  );
}

/** The invitations the actor may see: an office its own sub-district's, the bureau all. */
function visibleWhere(actor: GovActor): Prisma.InvitationWhereInput {
  return actor.role === "GOV_OFFICE" ? { subDistrictId: actor.subDistrictId } : {};
}

const firstSteps = {
  id: true,
  name: true,
  subDistrictId: true,
  authorizations: { select: { grantedAt: true }, orderBy: { grantedAt: "asc" }, take: 1 },
  applications: { select: { submittedAt: true }, orderBy: { submittedAt: "asc" }, take: 1 },
} as const;

type FirmSteps = {
  id: string;
  name: string;
  subDistrictId: string;
  authorizations: { grantedAt: Date }[];
  applications: { submittedAt: Date }[];
};

async function firstDisbursements(enterpriseIds: string[]) {
  if (enterpriseIds.length === 0) return new Map<string, Date>();
  const rows = await db.application.groupBy({
    by: ["enterpriseId"],
    where: { enterpriseId: { in: enterpriseIds }, disbursedAt: { not: null } },
    _min: { disbursedAt: true },
  });
  return new Map(
    rows.flatMap((row) => (row._min.disbursedAt ? [[row.enterpriseId, row._min.disbursedAt]] : [])),
  );
}

function stepsOf(
  invitation: { createdAt: Date; registeredAt: Date | null },
  firm: FirmSteps | null,
  disbursed: Map<string, Date>,
) {
  return {
    invitedAt: invitation.createdAt,
    registeredAt: firm ? invitation.registeredAt : null,
    authorisedAt: firm?.authorizations[0]?.grantedAt ?? null,
    appliedAt: firm?.applications[0]?.submittedAt ?? null,
    disbursedAt: firm ? (disbursed.get(firm.id) ?? null) : null,
  };
}

/**
 * The registered firm as the actor may see it: a firm that chose another sub-district when it
 * registered still counts in the inviting office's funnel, but its name is that office's no more.
 */
function firmShown(actor: GovActor, firm: FirmSteps | null) {
  if (!firm) return null;
  if (actor.role === "GOV_OFFICE" && firm.subDistrictId !== actor.subDistrictId) return null;
  return { id: firm.id, name: firm.name };
}

export type InvitationState = "OPEN" | "EXPIRED" | FunnelStep;

function stateOf(facts: ReturnType<typeof stepsOf>, expiresAt: Date, now: Date): InvitationState {
  const step = stepOf(facts);
  if (step !== "invited") return step;
  return expiresAt.getTime() <= now.getTime() ? "EXPIRED" : "OPEN";
}

/** An invitation as the list shows it, with what its firm has done since (the page adds the rest). */
const invitationRowSelect = {
  id: true,
  firmName: true,
  uscc: true,
  channel: true,
  createdAt: true,
  expiresAt: true,
  registeredAt: true,
  subDistrict: { select: { name: true, nameEn: true } },
  createdBy: { select: { displayName: true } },
  enterprise: { select: firstSteps },
} satisfies Prisma.InvitationSelect;

export async function listInvitations(
  actor: GovActor,
  { page, pageSize, now = new Date() }: { page: number; pageSize: number; now?: Date },
) {
  const where = visibleWhere(actor);
  const [total, rows] = await Promise.all([
    db.invitation.count({ where }),
    db.invitation.findMany({
      where,
      select: invitationRowSelect,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  const disbursed = await firstDisbursements(
    rows.flatMap((row) => (row.enterprise ? [row.enterprise.id] : [])),
  );
  return {
    total,
    invitations: rows.map(({ enterprise, ...row }) => ({
      ...row,
      enterprise: firmShown(actor, enterprise),
      state: stateOf(stepsOf(row, enterprise, disbursed), row.expiresAt, now),
    })),
  };
}

/** One invitation the actor may see (null otherwise: 404), with its code for the link and QR. */
export async function getInvitation(actor: GovActor, id: string, now = new Date()) {
  const row = await db.invitation.findFirst({
    where: { AND: [{ id }, visibleWhere(actor)] },
    select: {
      ...invitationRowSelect,
      code: true,
      contactName: true,
      contactMobile: true,
      note: true,
    },
  });
  if (!row) return null;
  const { enterprise, ...rest } = row;
  const disbursed = await firstDisbursements(enterprise ? [enterprise.id] : []);
  const facts = stepsOf(row, enterprise, disbursed);
  return {
    ...rest,
    enterprise: firmShown(actor, enterprise),
    facts,
    state: stateOf(facts, row.expiresAt, now),
  };
}

/**
 * What an invitation link prefills on /register: the sub-district and the USCC if the office
 * gave one. Null for an unknown code, an expired invitation or one already used — the page says
 * the same in each case, so the link tells nothing about the firm either way.
 */
export async function invitationPrefill(code: string | null, now = new Date()) {
  if (!isInvitationCode(code)) return null;
  const row = await db.invitation.findUnique({
    where: { code },
    select: {
      code: true,
      uscc: true,
      expiresAt: true,
      enterpriseId: true,
      subDistrict: { select: { id: true, active: true } },
    },
  });
  if (!row || row.enterpriseId || row.expiresAt.getTime() <= now.getTime() || !row.subDistrict.active)
    return null;
  return { code: row.code, subDistrictId: row.subDistrict.id, uscc: row.uscc };
}

/**
 * Ties a firm registering now to its invitation, inside the registration's transaction: the
 * invitation of the link (when its USCC, if any, is the firm's), else the newest open invitation
 * that named the firm's USCC. Expired or used invitations are left alone.
 */
export async function claimInvitation(
  tx: Tx,
  { code, uscc, enterpriseId, now }: { code: string | null; uscc: string; enterpriseId: string; now: Date },
) {
  const open = { enterpriseId: null, expiresAt: { gt: now } } as const;
  const invitation =
    (isInvitationCode(code)
      ? await tx.invitation.findFirst({
          where: { code, ...open, OR: [{ uscc: null }, { uscc }] },
          select: { id: true },
        })
      : null) ??
    (await tx.invitation.findFirst({
      where: { uscc, ...open },
      select: { id: true },
      orderBy: { createdAt: "desc" },
    }));
  if (!invitation) return null;
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, enterpriseId: null },
    data: { enterpriseId, registeredAt: now },
  });
  return count === 1 ? invitation.id : null;
}

/** The invitation a firm registered through, for its visits and its page (null when none or not visible). */
export function invitationOfFirm(actor: GovActor, enterpriseId: string) {
  return db.invitation.findFirst({
    where: { AND: [{ enterpriseId }, visibleWhere(actor)] },
    select: { id: true, createdAt: true, channel: true },
  });
}
