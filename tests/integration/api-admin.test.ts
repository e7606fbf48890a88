import { beforeAll, describe, expect, it } from "vitest";

import { action, loader } from "~/routes/gov.admin.api-clients/route";

import { bankOfficerOf, bureauUser, createReferenceData } from "../../prisma/factories";
import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";

let bureau: string;
let officer: string;
let bankId: string;

beforeAll(async () => {
  const { banks } = await createReferenceData(db);
  bankId = banks[0].id;
  bureau = await sessionCookieFor((await bureauUser(db)).id);
  officer = await sessionCookieFor((await bankOfficerOf(db, bankId)).id);
});

type Result = { shown: { keyId: string; secret: string } | null; errors: Record<string, { key: string }> };

describe("the bureau's API clients page", () => {
  it("issues a client, shows its secret once and keeps it only sealed; rotates and revokes with an audit row each", async () => {
    const issued = await jsonOf<Result>(
      await call(
        action,
        postRequest(
          "/gov/admin/api-clients",
          { intent: "issue", bankId, label: "信贷系统" },
          { cookie: bureau },
        ),
      ),
    );
    expect(issued.shown?.keyId).toMatch(/^[a-z0-9]+-[a-z0-9]{8}$/);
    expect(issued.shown?.secret).toMatch(/^xyd_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiClient.findUniqueOrThrow({ where: { keyId: issued.shown!.keyId } });
    expect(JSON.stringify(row)).not.toContain(issued.shown!.secret);
    expect(row.secretHint).toBe(issued.shown!.secret.slice(-4));

    // the list shows no secret
    const page = await call(loader, getRequest("/gov/admin/api-clients", { cookie: bureau }));
    const text = await (page as Response).text();
    expect(text).toContain(issued.shown!.keyId);
    expect(text).not.toContain(issued.shown!.secret);

    const rotated = await jsonOf<Result>(
      await call(
        action,
        postRequest(
          "/gov/admin/api-clients",
          { intent: "rotate", id: row.id, graceHours: "1" },
          { cookie: bureau },
        ),
      ),
    );
    expect(rotated.shown?.keyId).toBe(row.keyId);
    expect(rotated.shown?.secret).not.toBe(issued.shown!.secret);
    const afterRotation = await db.apiClient.findUniqueOrThrow({ where: { id: row.id } });
    expect(afterRotation.generation).toBe(2);
    const graceMs = afterRotation.previousValidUntil!.getTime() - afterRotation.rotatedAt!.getTime();
    expect(graceMs).toBe(3_600_000);

    const revoked = await call(
      action,
      postRequest("/gov/admin/api-clients", { intent: "revoke", id: row.id }, { cookie: bureau }),
    );
    expect(statusOf(revoked)).toBe(302);
    expect((await db.apiClient.findUniqueOrThrow({ where: { id: row.id } })).revokedAt).not.toBeNull();
    const audit = await db.auditLog.findMany({ where: { targetId: row.id }, orderBy: { at: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["apiClient.issue", "apiClient.rotate", "apiClient.revoke"]);

    // a revoked client cannot be rotated
    const again = await jsonOf<Result>(
      await call(
        action,
        postRequest(
          "/gov/admin/api-clients",
          { intent: "rotate", id: row.id, graceHours: "24" },
          { cookie: bureau },
        ),
      ),
    );
    expect(again.errors._form.key).toBe("api.admin.errors.revoked");
  });

  it("refuses a grace period that is not offered and a bank that does not exist, writing nothing", async () => {
    const before = await db.apiClient.count();
    const bad = await call(
      action,
      postRequest("/gov/admin/api-clients", { intent: "issue", bankId: "nope" }, { cookie: bureau }),
    );
    expect(statusOf(bad)).toBe(400);
    const grace = await call(
      action,
      postRequest(
        "/gov/admin/api-clients",
        { intent: "rotate", id: "x", graceHours: "5" },
        { cookie: bureau },
      ),
    );
    expect(statusOf(grace)).toBe(400);
    expect(await db.apiClient.count()).toBe(before);
  });

  it("is the bureau's only: a bank officer gets 404 for the page and 403 for an action", async () => {
    expect(statusOf(await call(loader, getRequest("/gov/admin/api-clients", { cookie: officer })))).toBe(404);
    expect(
      statusOf(
        await call(
          action,
          postRequest("/gov/admin/api-clients", { intent: "issue", bankId }, { cookie: officer }),
        ),
      ),
    ).toBe(403);
  });

  it("keeps the clients' own users out of the accounts page", async () => {
    const { listAccounts } = await import("~/models/admin.server");
    const bureauActor = {
      id: "x",
      username: "b",
      displayName: "b",
      role: "GOV_BUREAU" as const,
      enterpriseId: null,
      bankId: null,
      subDistrictId: null,
      organization: null,
    };
    const { accounts } = await listAccounts(bureauActor, { role: "BANK", q: null, page: 1, pageSize: 100 });
    expect(accounts.some((a) => a.username.startsWith("api:"))).toBe(false);
    expect(await db.user.count({ where: { username: { startsWith: "api:" } } })).toBeGreaterThan(0);
  });
});
