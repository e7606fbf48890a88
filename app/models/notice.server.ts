/**
 * 政策与通知: the bureau writes notices (Markdown), publishes and withdraws them; readers see the
 * published ones of their audience. Every save keeps a NoticeVersion; every bureau action is
 * audited in the same transaction as the change.
 */
import type { Prisma } from "@prisma/client";

import { sqlDialect } from "~/db/dialect.server";
import { db } from "~/db.server";
import { pageWindow } from "~/domain/list-query";
import {
  audiencesFor,
  parseNoticeLinks,
  type NoticeAudience,
  type NoticeLink,
  type NoticeStatus,
} from "~/domain/outreach";
import { startOfShanghaiDay } from "~/domain/shanghai-time";
import { renderMarkdown } from "~/utils/markdown.server";

import type { Actor, AuditedActor, BureauActor } from "./actor";
import { countsByStatus } from "./status-counts.server";
import { recordAudit } from "./audit.server";
import { createOnce } from "./form-key.server";

type Tx = Prisma.TransactionClient;

export type NoticeInput = {
  title: string;
  summary: string;
  body: string;
  /** YYYY-MM-DD */
  effectiveOn: string;
  audience: NoticeAudience;
  links: NoticeLink[];
};

function columnsOf(input: NoticeInput) {
  return {
    title: input.title,
    summary: input.summary,
    body: input.body,
    effectiveOn: startOfShanghaiDay(input.effectiveOn),
    audience: input.audience,
    links: JSON.stringify(input.links),
  };
}

/** A new notice, a draft until it is published. */
export async function createNotice(
  actor: AuditedActor<BureauActor>,
  input: NoticeInput,
  formKey: string | null = null,
) {
  const select = { id: true } as const;
  return createOnce(
    formKey,
    () =>
      db.$transaction(async (tx) => {
        const notice = await tx.notice.create({
          data: { ...columnsOf(input), createdById: actor.id, formKey },
          select,
        });
        await tx.noticeVersion.create({
          data: { noticeId: notice.id, version: 1, ...columnsOf(input), editedById: actor.id },
        });
        await audit(tx, actor, "notice.create", notice.id, { title: input.title, audience: input.audience });
        return notice;
      }),
    (key) => db.notice.findFirst({ where: { formKey: key, createdById: actor.id }, select }),
  );
}

export type NoticeChange = { ok: true } | { ok: false; error: "NOT_FOUND" | "CHANGED" };

/**
 * Saves a new text as the next version. Conditional on the version the editor loaded, so two
 * editors cannot silently overwrite each other: the second gets CHANGED.
 */
export async function updateNotice(
  actor: AuditedActor<BureauActor>,
  id: string,
  expectedVersion: number,
  input: NoticeInput,
): Promise<NoticeChange> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notice.updateMany({
      where: { id, version: expectedVersion },
      data: { ...columnsOf(input), version: { increment: 1 } },
    });
    if (count === 0) return changeFailure(tx, id);
    await tx.noticeVersion.create({
      data: { noticeId: id, version: expectedVersion + 1, ...columnsOf(input), editedById: actor.id },
    });
    await audit(tx, actor, "notice.update", id, { version: expectedVersion + 1 });
    return { ok: true };
  });
}

/**
 * Publishes a draft (or a withdrawn notice again). A notice for a role lands in the notifications
 * of every active user of that role — in one INSERT … SELECT, inside the transaction: at city
 * scale that is tens of thousands of rows, which one statement writes in well under a second,
 * where a row per round trip would take minutes and a half-finished loop would leave some users
 * told and others not.
 */
export async function publishNotice(
  actor: AuditedActor<BureauActor>,
  id: string,
  now = new Date(),
): Promise<NoticeChange & { notified?: number }> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notice.updateMany({
      where: { id, status: { in: ["DRAFT", "WITHDRAWN"] } },
      data: { status: "PUBLISHED", publishedAt: now, withdrawnAt: null },
    });
    if (count === 0) return changeFailure(tx, id);
    const notice = await tx.notice.findUniqueOrThrow({
      where: { id },
      select: { title: true, audience: true },
    });
    const notified =
      notice.audience === "PUBLIC" ? 0 : await notifyRole(tx, notice.audience, id, notice.title, now);
    await audit(tx, actor, "notice.publish", id, { audience: notice.audience, notified });
    return { ok: true, notified };
  });
}

async function notifyRole(tx: Tx, role: string, noticeId: string, title: string, now: Date) {
  const dialect = sqlDialect();
  const params = JSON.stringify({ title });
  return tx.$executeRaw`
    INSERT INTO "Notification" ("id", "userId", "kind", "params", "link", "createdAt")
    SELECT ${dialect.randomId}, u."id", 'notice.PUBLISHED', ${params}, ${`/notices/${noticeId}`},
           ${dialect.instant(now)}
      FROM "User" u
     WHERE u."role" = ${role} AND u."disabledAt" IS NULL`;
}

/** Takes a published notice off the pages and the feed (it can be published again). */
export async function withdrawNotice(
  actor: AuditedActor<BureauActor>,
  id: string,
  now = new Date(),
): Promise<NoticeChange> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.notice.updateMany({
      where: { id, status: "PUBLISHED" },
      data: { status: "WITHDRAWN", withdrawnAt: now },
    });
    if (count === 0) return changeFailure(tx, id);
    await audit(tx, actor, "notice.withdraw", id);
    return { ok: true };
  });
}

async function changeFailure(tx: Tx, id: string): Promise<NoticeChange> {
  const exists = await tx.notice.findUnique({ where: { id }, select: { id: true } });
  return { ok: false, error: exists ? "CHANGED" : "NOT_FOUND" };
}

function audit(
  tx: Tx,
  actor: AuditedActor<BureauActor>,
  action: "notice.create" | "notice.update" | "notice.publish" | "notice.withdraw",
  id: string,
  detail: Record<string, unknown> = {},
) {
  return recordAudit(
    { actorId: actor.id, action, targetType: "Notice", targetId: id, ip: actor.ip, detail },
    tx,
  );
}

// ---------------------------------------------------------------- reading

const listSelect = {
  id: true,
  title: true,
  summary: true,
  effectiveOn: true,
  audience: true,
  publishedAt: true,
} as const;

/** What a reader may see: published, and public or for the reader's role. */
function visibleWhere(viewer: Actor | null): Prisma.NoticeWhereInput {
  return { status: "PUBLISHED", audience: { in: audiencesFor(viewer?.role ?? null) } };
}

export async function listPublishedNotices(
  viewer: Actor | null,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const where = visibleWhere(viewer);
  const [total, notices] = await Promise.all([
    db.notice.count({ where }),
    db.notice.findMany({
      where,
      select: listSelect,
      orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
  ]);
  return { total, notices };
}

/** The latest public notices, for the programme page and the feed. */
export function latestPublicNotices(take: number) {
  return db.notice.findMany({
    where: visibleWhere(null),
    select: { ...listSelect, body: true, updatedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
  });
}

/** One published notice the viewer may read, with its body rendered; null otherwise (404). */
export async function getPublishedNotice(viewer: Actor | null, id: string) {
  const notice = await db.notice.findFirst({
    where: { AND: [{ id }, visibleWhere(viewer)] },
    select: { ...listSelect, body: true, links: true, version: true, updatedAt: true },
  });
  if (!notice) return null;
  const { body, links, ...rest } = notice;
  return { ...rest, html: renderMarkdown(body), links: parseNoticeLinks(links) };
}

export async function listNoticesForBureau(
  _actor: BureauActor,
  { status, page, pageSize }: { status?: NoticeStatus | null; page: number; pageSize: number },
) {
  const where: Prisma.NoticeWhereInput = status ? { status } : {};
  const [total, notices, counts] = await Promise.all([
    db.notice.count({ where }),
    db.notice.findMany({
      where,
      select: { ...listSelect, status: true, version: true, updatedAt: true },
      orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
      ...pageWindow(page, pageSize),
    }),
    db.notice.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  return {
    total,
    notices,
    counts: countsByStatus<NoticeStatus>(counts),
  };
}

/** A notice with its versions (newest first) and a rendered preview, for the bureau. */
export async function getNoticeForBureau(_actor: BureauActor, id: string) {
  const notice = await db.notice.findUnique({
    where: { id },
    select: {
      id: true,
      title: true,
      summary: true,
      body: true,
      effectiveOn: true,
      audience: true,
      links: true,
      status: true,
      version: true,
      publishedAt: true,
      withdrawnAt: true,
      createdAt: true,
      updatedAt: true,
      createdBy: { select: { displayName: true } },
      versions: {
        select: {
          version: true,
          title: true,
          createdAt: true,
          editedBy: { select: { displayName: true } },
        },
        orderBy: { version: "desc" },
      },
    },
  });
  if (!notice) return null;
  return { ...notice, links: parseNoticeLinks(notice.links), html: renderMarkdown(notice.body) };
}
