import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { loader as aboutLoader } from "~/routes/about/route";
import { action as noticeAction, loader as noticeEditLoader } from "~/routes/gov.notices.$id/route";
import { action as newNoticeAction } from "~/routes/gov.notices.new";
import { loader as funnelExportLoader } from "~/routes/gov.invitations.export";
import { loader as invitationLoader } from "~/routes/gov.invitations.$id";
import {
  action as invitationsAction,
  loader as invitationsLoader,
} from "~/routes/gov.invitations._index/route";
import { action as trainingAction } from "~/routes/gov.training/route";
import { loader as govIndicatorsLoader } from "~/routes/gov.indicators";
import { action as helpAction } from "~/routes/help._index";
import { loader as feedLoader } from "~/routes/notices.feed[.]xml";
import { loader as noticeLoader } from "~/routes/notices.$id";
import { loader as noticesLoader } from "~/routes/notices._index";
import { action as registerAction, loader as registerLoader } from "~/routes/register/route";
import { translate } from "~/i18n/translate";
import { getInvitationFunnel } from "~/models/invitation-funnel.server";
import { tourPending } from "~/models/tour.server";
import { getActorById } from "~/models/user.server";

import {
  createApplication,
  createAuthorization,
  createBank,
  createEnterprise,
  createProduct,
  createSubDistrict,
  createUser,
} from "../../prisma/factories";
import { server } from "../../mocks/server";

import { call, db, getRequest, jsonOf, postRequest, sessionCookieFor, statusOf } from "./helpers";
import { alertsOf, renderedPage } from "./support/rendered-page";

let ruyi: { id: string };
let baisha: { id: string };
let bank: { id: string };
let bureauId: string;
let officeId: string;
let cookies: Record<"office" | "otherOffice" | "bureau" | "bank" | "enterprise", string>;
let bankUsers: string[];

beforeAll(async () => {
  server.listen({ onUnhandledRequest: "error" });
  ruyi = await createSubDistrict(db, { name: "如意湖街道" });
  baisha = await createSubDistrict(db, { name: "白沙镇" });
  bank = await createBank(db);
  const office = await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id });
  officeId = office.id;
  const bureau = await createUser(db, { role: "GOV_BUREAU" });
  bureauId = bureau.id;
  // three active bank officers and one disabled: a notice for banks reaches the three
  bankUsers = [];
  for (let i = 0; i < 3; i++) bankUsers.push((await createUser(db, { role: "BANK", bankId: bank.id })).id);
  const disabled = await createUser(db, { role: "BANK", bankId: bank.id });
  await db.user.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
  const ownFirm = await createEnterprise(db, { subDistrictId: ruyi.id });
  const firmUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: ownFirm.id });
  cookies = {
    office: await sessionCookieFor(office.id),
    otherOffice: await sessionCookieFor(
      (await createUser(db, { role: "GOV_OFFICE", subDistrictId: baisha.id })).id,
    ),
    bureau: await sessionCookieFor(bureau.id),
    bank: await sessionCookieFor(bankUsers[0]),
    enterprise: await sessionCookieFor(firmUser.id),
  };
});

afterAll(() => server.close());

const noticeForm = (over: Record<string, string | string[]> = {}) => ({
  title: "关于开展2026年信易贷专项行动的通知",
  summary: "首贷户贴息，白名单企业优先放款",
  body: "## 支持对象\n\n1. 首贷户\n2. 白名单企业\n\n详见[申请指南](/help/apply)。",
  effectiveOn: "2026-04-01",
  audience: "PUBLIC",
  linkLabel: ["政策原文", ""],
  linkUrl: ["https://www.zhengzhou.gov.cn/xyd.html", ""],
  ...over,
});

async function createNoticeAs(cookie: string, over: Record<string, string | string[]> = {}) {
  const response = await call(newNoticeAction, postRequest("/gov/notices/new", noticeForm(over), { cookie }));
  expect(statusOf(response)).toBe(302);
  const id = (response as Response).headers.get("Location")!.split("/").pop()!;
  return id;
}
const noticePost = (id: string, form: Record<string, string | string[]>, cookie = cookies.bureau) =>
  call(noticeAction, postRequest(`/gov/notices/${id}`, form, { cookie }), { id });

describe("policy notices", () => {
  it("keeps a draft off the public pages until it is published, then shows it rendered", async () => {
    const id = await createNoticeAs(cookies.bureau);
    const draft = await db.notice.findUniqueOrThrow({ where: { id }, include: { versions: true } });
    expect(draft).toMatchObject({ status: "DRAFT", version: 1, audience: "PUBLIC" });
    expect(JSON.parse(draft.links)).toEqual([
      { label: "政策原文", url: "https://www.zhengzhou.gov.cn/xyd.html" },
    ]);
    expect(draft.versions).toHaveLength(1);
    expect(statusOf(await call(noticeLoader, getRequest(`/notices/${id}`), { id }))).toBe(404);

    expect(statusOf(await noticePost(id, { intent: "publish" }))).toBe(302);
    const page = await jsonOf<{ notice: { html: string; links: unknown[] } }>(
      await call(noticeLoader, getRequest(`/notices/${id}`), { id }),
    );
    expect(page.notice.html).toContain("<h2>支持对象</h2>");
    expect(page.notice.html).toContain(
      '<a href="/help/apply" rel="noopener noreferrer nofollow">申请指南</a>',
    );
    const index = await jsonOf<{ notices: { id: string }[] }>(
      await call(noticesLoader, getRequest("/notices")),
    );
    expect(index.notices.map((notice) => notice.id)).toContain(id);
    // public: nobody is notified
    expect(await db.notification.count({ where: { kind: "notice.PUBLISHED" } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { targetId: id }, orderBy: { at: "asc" } });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([
      ["notice.create", bureauId],
      ["notice.publish", bureauId],
    ]);
  });

  it("keeps every version, refuses a save on a stale version, and withdraws", async () => {
    const id = await createNoticeAs(cookies.bureau);
    const save = (version: string, title: string) =>
      noticePost(id, { intent: "save", version, ...noticeForm({ title }) });
    expect(statusOf(await save("1", "第二稿"))).toBe(302);
    // a second editor who loaded version 1 does not overwrite version 2
    expect(statusOf(await save("1", "过时的修改"))).toBe(409);
    const versions = await db.noticeVersion.findMany({
      where: { noticeId: id },
      orderBy: { version: "asc" },
    });
    expect(versions.map((v) => [v.version, v.title])).toEqual([
      [1, "关于开展2026年信易贷专项行动的通知"],
      [2, "第二稿"],
    ]);
    expect((await db.notice.findUniqueOrThrow({ where: { id } })).title).toBe("第二稿");

    expect(statusOf(await noticePost(id, { intent: "publish" }))).toBe(302);
    expect(statusOf(await noticePost(id, { intent: "publish" }))).toBe(409);
    expect(statusOf(await noticePost(id, { intent: "withdraw" }))).toBe(302);
    expect(statusOf(await call(noticeLoader, getRequest(`/notices/${id}`), { id }))).toBe(404);
    const editor = await jsonOf<{ notice: { status: string; versions: unknown[] } }>(
      await call(noticeEditLoader, getRequest(`/gov/notices/${id}`, { cookie: cookies.bureau }), { id }),
    );
    expect(editor.notice.status).toBe("WITHDRAWN");
    expect(editor.notice.versions).toHaveLength(2);
  });

  it("sends a notice for banks to every active bank user, in one statement, and shows it only to banks", async () => {
    const id = await createNoticeAs(cookies.bureau, { audience: "BANK", title: "银行专项通知" });
    const before = await db.notification.count();
    const response = await noticePost(id, { intent: "publish" });
    expect(statusOf(response)).toBe(302);
    const sent = await db.notification.findMany({
      where: { kind: "notice.PUBLISHED", link: `/notices/${id}` },
    });
    expect(sent.map((n) => n.userId).sort()).toEqual([...bankUsers].sort());
    expect(await db.notification.count()).toBe(before + 3);
    expect(JSON.parse(sent[0].params)).toEqual({ title: "银行专项通知" });
    expect(new Set(sent.map((n) => n.id)).size).toBe(3);
    expect(sent.every((n) => /^[a-z0-9]{32}$/.test(n.id))).toBe(true);
    const publish = await db.auditLog.findFirstOrThrow({ where: { targetId: id, action: "notice.publish" } });
    expect(JSON.parse(publish.detail)).toEqual({ audience: "BANK", notified: 3 });

    const asBank = await call(noticeLoader, getRequest(`/notices/${id}`, { cookie: cookies.bank }), { id });
    expect(statusOf(asBank)).toBe(200);
    for (const cookie of [undefined, cookies.enterprise, cookies.office])
      expect(statusOf(await call(noticeLoader, getRequest(`/notices/${id}`, { cookie }), { id }))).toBe(404);
    const feed = await ((await call(feedLoader, getRequest("/notices/feed.xml"))) as Response).text();
    expect(feed).not.toContain("银行专项通知");
  });

  it.each([
    ["a script block", "<script>alert(1)</script>", "outreach.notices.errors.html"],
    ["an HTML block", '<div onclick="alert(1)">\n点我\n</div>', "outreach.notices.errors.html"],
    ["a javascript: link", "[点此](javascript:alert(document.cookie))", "outreach.notices.errors.unsafeLink"],
    ["a data: URI", "![x](data:image/svg+xml;base64,PHN2Zz4=)", "outreach.notices.errors.unsafeLink"],
  ])("refuses a body with %s, with the field's message and the input kept", async (_label, body, key) => {
    const before = await db.notice.count();
    const response = await call(
      newNoticeAction,
      postRequest("/gov/notices/new", noticeForm({ body }), { cookie: cookies.bureau }),
    );
    expect(statusOf(response)).toBe(400);
    const data = await jsonOf<{ errors: Record<string, { key: string }>; values: Record<string, string> }>(
      response,
    );
    expect(data.errors.body).toEqual({ key });
    expect(data.values.body).toBe(body);
    expect(await db.notice.count()).toBe(before);
  });

  it("refuses a related link that is not http(s) or lacks a name", async () => {
    for (const [label, url, key] of [
      ["链接", "javascript:alert(1)", "outreach.notices.errors.linkUrl"],
      ["", "https://example.cn", "outreach.notices.errors.linkIncomplete"],
    ]) {
      const response = await call(
        newNoticeAction,
        postRequest("/gov/notices/new", noticeForm({ linkLabel: label, linkUrl: url }), {
          cookie: cookies.bureau,
        }),
      );
      expect(statusOf(response)).toBe(400);
      expect((await jsonOf<{ errors: Record<string, { key: string }> }>(response)).errors.links).toEqual({
        key,
      });
    }
  });

  it("lets only the bureau write: 403 for an office, a bank and a firm", async () => {
    const before = await db.notice.count();
    for (const cookie of [cookies.office, cookies.bank, cookies.enterprise])
      expect(
        statusOf(await call(newNoticeAction, postRequest("/gov/notices/new", noticeForm(), { cookie }))),
      ).toBe(403);
    expect(await db.notice.count()).toBe(before);
  });

  it("lists public notices in an Atom feed with the body escaped", async () => {
    const id = await createNoticeAs(cookies.bureau, { title: "Feed <&> 测试" });
    await noticePost(id, { intent: "publish" });
    const response = (await call(feedLoader, getRequest("/notices/feed.xml"))) as Response;
    expect(response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await response.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/,
    );
    expect(xml).toContain("<title>Feed &lt;&amp;&gt; 测试</title>");
    expect(xml).toContain(`<id>http://localhost:3000/notices/${id}</id>`);
    expect(xml).toContain("&lt;h2&gt;支持对象&lt;/h2&gt;");
    expect(xml).not.toContain("<h2>");
  });
});

const invitationForm = (over: Record<string, string> = {}) => ({
  firmName: "郑州邀请测试科技有限公司",
  uscc: "91410100MAXYD1001T",
  contactName: "王经理",
  contactMobile: "13800001234",
  channel: "VISIT",
  note: "",
  ...over,
});

async function invite(over: Record<string, string> = {}) {
  const response = await call(
    invitationsAction,
    postRequest("/gov/invitations", invitationForm(over), { cookie: cookies.office }),
  );
  expect(statusOf(response)).toBe(302);
  const id = (response as Response).headers.get("Location")!.split("/").pop()!;
  return db.invitation.findUniqueOrThrow({ where: { id } });
}

const registration = (uscc: string, extra: Record<string, string> = {}) => ({
  uscc,
  contactName: "王经理",
  contactMobile: "13800001234",
  sectionCode: "L",
  divisionCode: "",
  subDistrictId: ruyi.id,
  employees: "20",
  revenueWan: "500",
  totalAssetsWan: "800",
  username: `firm${Math.random().toString(36).slice(2, 10)}`,
  password: "Ruyi#Invite2026",
  confirmPassword: "Ruyi#Invite2026",
  commitment: "on",
  ...extra,
});

describe("invitations", () => {
  it("makes an unguessable code valid for the setting's days, and a link with a QR code", async () => {
    await db.setting.upsert({
      where: { key: "invitation.validDays" },
      create: { key: "invitation.validDays", value: "30" },
      update: { value: "30" },
    });
    const row = await invite({ uscc: "" });
    await db.setting.delete({ where: { key: "invitation.validDays" } });
    expect(row.code).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(row).toMatchObject({ subDistrictId: ruyi.id, createdById: officeId, uscc: null });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 86_400_000);
    const page = await jsonOf<{ link: string; qr: string; invitation: Record<string, unknown> }>(
      await call(invitationLoader, getRequest(`/gov/invitations/${row.id}`, { cookie: cookies.office }), {
        id: row.id,
      }),
    );
    expect(page.link).toBe(`http://localhost:3000/register?invite=${row.code}`);
    expect(page.qr).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(page.invitation.code).toBeUndefined();
    // another office's invitation is a 404; only offices create
    expect(
      statusOf(
        await call(
          invitationLoader,
          getRequest(`/gov/invitations/${row.id}`, { cookie: cookies.otherOffice }),
          {
            id: row.id,
          },
        ),
      ),
    ).toBe(404);
    expect(
      statusOf(
        await call(
          invitationsAction,
          postRequest("/gov/invitations", invitationForm(), { cookie: cookies.bureau }),
        ),
      ),
    ).toBe(403);
  });

  it("tells an office that an invitation form whose key another office used was already submitted", async () => {
    const form = invitationForm({ firmName: "郑州表单键邀请有限公司", formKey: randomUUID() });
    expect(
      statusOf(
        await call(invitationsAction, postRequest("/gov/invitations", form, { cookie: cookies.office })),
      ),
    ).toBe(302);
    const page = await renderedPage(postRequest("/gov/invitations", form, { cookie: cookies.otherOffice }));
    expect(page.status).toBe(409);
    expect(alertsOf(page.html)).toContain(translate("zh-CN", "common.errors.formReused"));
    expect(await db.invitation.count({ where: { firmName: "郑州表单键邀请有限公司" } })).toBe(1);
  });

  it("refuses a bad USCC or mobile with field messages and writes nothing", async () => {
    const before = await db.invitation.count();
    const response = await call(
      invitationsAction,
      postRequest(
        "/gov/invitations",
        invitationForm({ uscc: "91410100MAXYD1001A", contactMobile: "12345" }),
        {
          cookie: cookies.office,
        },
      ),
    );
    expect(statusOf(response)).toBe(400);
    const { errors, values } = await jsonOf<{
      errors: Record<string, { key: string }>;
      values: Record<string, string>;
    }>(response);
    expect(errors.uscc).toEqual({ key: "outreach.invitations.errors.uscc" });
    expect(errors.contactMobile).toEqual({ key: "outreach.invitations.errors.mobile" });
    expect(values.firmName).toBe("郑州邀请测试科技有限公司");
    expect(await db.invitation.count()).toBe(before);
  });

  it("prefills /register with the sub-district and USCC only, and ties the firm to the invitation", async () => {
    const row = await invite({ uscc: "91410100MAXYD1007D" });
    const page = await jsonOf<Record<string, unknown>>(
      await call(registerLoader, getRequest(`/register?invite=${row.code}`)),
    );
    expect(page.invite).toEqual({ code: row.code, subDistrictId: ruyi.id });
    expect(page.uscc).toBe("91410100MAXYD1007D");
    expect((page.registry as { uscc: string }).uscc).toBe("91410100MAXYD1007D");
    // what the link holder learns: nothing the office typed about the firm
    const body = JSON.stringify(page);
    for (const secret of [row.firmName, row.contactName, row.contactMobile])
      expect(body).not.toContain(secret);

    const response = await call(
      registerAction,
      postRequest(
        `/register?uscc=91410100MAXYD1007D&invite=${row.code}`,
        registration("91410100MAXYD1007D", { invitationCode: row.code }),
      ),
    );
    expect(statusOf(response)).toBe(302);
    const claimed = await db.invitation.findUniqueOrThrow({ where: { id: row.id } });
    const firm = await db.enterprise.findUniqueOrThrow({ where: { uscc: "91410100MAXYD1007D" } });
    expect(claimed.enterpriseId).toBe(firm.id);
    expect(claimed.registeredAt).not.toBeNull();
    // used: the link prefills nothing any more
    const again = await jsonOf<Record<string, unknown>>(
      await call(registerLoader, getRequest(`/register?invite=${row.code}`)),
    );
    expect(again.invite).toBeNull();
    expect(again.inviteInvalid).toBe(true);
  });

  it("treats an expired, unknown or malformed code alike: no prefill, a plain note", async () => {
    const row = await invite({ uscc: "" });
    await db.invitation.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    for (const code of [row.code, "AAAAAAAAAAAAAAAAAAAAAA", "<script>"]) {
      const page = await jsonOf<Record<string, unknown>>(
        await call(registerLoader, getRequest(`/register?${new URLSearchParams({ invite: code })}`)),
      );
      expect([page.invite, page.inviteInvalid, page.uscc]).toEqual([null, true, ""]);
    }
  });

  it("ties a firm that registers without the link to the open invitation with its USCC", async () => {
    const row = await invite({ uscc: "91410100MAXYD10031" });
    const response = await call(
      registerAction,
      postRequest("/register?uscc=91410100MAXYD10031", registration("91410100MAXYD10031")),
    );
    expect(statusOf(response)).toBe(302);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: row.id } })).enterpriseId).not.toBeNull();
  });

  it("refuses to invite a firm that is already registered", async () => {
    const response = await call(
      invitationsAction,
      postRequest("/gov/invitations", invitationForm({ uscc: "91410100MAXYD1007D" }), {
        cookie: cookies.office,
      }),
    );
    expect(statusOf(response)).toBe(400);
    expect((await jsonOf<{ errors: Record<string, { key: string }> }>(response)).errors.uscc).toEqual({
      key: "outreach.invitations.errors.registered",
    });
  });
});

describe("the invitation funnel", () => {
  it("counts each step per office with median days, by hand", async () => {
    const sd = await createSubDistrict(db, { name: "漏斗街道" });
    const other = await createSubDistrict(db, { name: "对照镇" });
    const officeUser = await createUser(db, { role: "GOV_OFFICE", subDistrictId: sd.id });
    const product = await createProduct(db, { bankId: bank.id });
    const day = (d: string) => new Date(`${d}T02:00:00Z`); // 10:00 in Shanghai
    const firm = async (n: number) => {
      return createEnterprise(db, {
        subDistrictId: sd.id,
        createdAt: day("2026-02-01"),
        name: `漏斗企业${n}`,
      });
    };
    const invitation = (
      invitedOn: string,
      enterpriseId: string | null,
      registeredOn: string | null,
      at = sd.id,
    ) =>
      db.invitation.create({
        data: {
          code: `code${Math.random().toString(36).slice(2)}`.padEnd(22, "x").slice(0, 22),
          subDistrictId: at,
          createdById: officeUser.id,
          firmName: "x",
          channel: "VISIT",
          expiresAt: day("2026-12-31"),
          createdAt: day(invitedOn),
          enterpriseId,
          registeredAt: registeredOn ? day(registeredOn) : null,
        },
      });
    // A: invited 02-02, registered 02-05 (3), authorised 02-06 (1), applied 02-10 (4), disbursed 02-20 (10)
    const a = await firm(1);
    await invitation("2026-02-02", a.id, "2026-02-05");
    await createAuthorization(db, {
      enterpriseId: a.id,
      bankId: bank.id,
      scope: "BASIC",
      grantedAt: day("2026-02-06"),
    });
    await createApplication(db, {
      enterpriseId: a.id,
      productId: product.id,
      state: "DISBURSED",
      submittedAt: day("2026-02-10"),
      at: { disbursed: day("2026-02-20") },
    });
    // B: invited 02-03, registered 02-04 (1), authorised 02-11 (7)
    const b = await firm(2);
    await invitation("2026-02-03", b.id, "2026-02-04");
    await createAuthorization(db, {
      enterpriseId: b.id,
      bankId: bank.id,
      scope: "BASIC",
      grantedAt: day("2026-02-11"),
    });
    // C: invited 02-03, not registered; D: invited in January (outside the period)
    await invitation("2026-02-03", null, null);
    await invitation("2026-01-15", null, null);
    // another office's invitation in the period
    await invitation("2026-02-04", null, null, other.id);

    const bureau = (await getActorById(bureauId))!;
    const report = await getInvitationFunnel(bureau as never, { fromDay: "2026-02-01", toDay: "2026-02-28" });
    const row = report.rows.find((r) => r.key === sd.id)!;
    expect(row.figures.counts).toEqual({
      invited: 3,
      registered: 2,
      authorised: 2,
      applied: 1,
      disbursed: 1,
    });
    // registered: 3, 1 → rank 1 → 1; authorised: 1, 7 → 1; applied: 4; disbursed: 10
    expect(row.figures.medianDays).toEqual({
      invited: null,
      registered: 1,
      authorised: 1,
      applied: 4,
      disbursed: 10,
    });
    expect(report.rows.find((r) => r.key === other.id)!.figures.counts.invited).toBe(1);
    expect(report.total.counts.invited).toBeGreaterThanOrEqual(4);

    // the office sees its own sub-district only
    const officeActor = (await getActorById(officeUser.id))!;
    const own = await getInvitationFunnel(officeActor as never, {
      fromDay: "2026-02-01",
      toDay: "2026-02-28",
    });
    expect(own.rows.map((r) => r.key)).toEqual([sd.id]);
    expect(own.total.counts).toEqual(row.figures.counts);

    // the export: CSV of the same figures, audited
    const cookie = await sessionCookieFor(officeUser.id);
    const csv = (await call(
      funnelExportLoader,
      getRequest("/gov/invitations/export?from=2026-02-01&to=2026-02-28", { cookie }),
    )) as Response;
    const text = await csv.text();
    expect(text.split("\r\n")[1]).toBe("漏斗街道,3,2,2,1,1,1,1,4,10,66.7,66.7,33.3,33.3");
    expect(await db.auditLog.count({ where: { action: "export.funnel", actorId: officeUser.id } })).toBe(1);
  });

  it("shows the funnel and the last training dates on the government dashboard", async () => {
    const response = await call(
      trainingAction,
      postRequest(
        "/gov/training",
        {
          heldOn: "2026-03-02",
          topic: "平台操作培训",
          audienceRole: "BANK",
          bankId: bank.id,
          attendees: "25",
        },
        { cookie: cookies.bureau },
      ),
    );
    expect(statusOf(response)).toBe(302);
    const data = await jsonOf<{ funnel: { rows: unknown[] }; trainings: Record<string, string> }>(
      await call(govIndicatorsLoader, getRequest("/gov/indicators?by=bank", { cookie: cookies.bureau })),
    );
    expect(data.trainings[bank.id]).toBe("2026-03-02");
    expect(data.funnel.rows.length).toBeGreaterThan(0);
    expect(await db.auditLog.count({ where: { action: "training.create", actorId: bureauId } })).toBe(1);
  });

  it("refuses a bank training without a bank, and an office's attempt to record one", async () => {
    const before = await db.trainingSession.count();
    const missing = await call(
      trainingAction,
      postRequest(
        "/gov/training",
        { heldOn: "2026-03-02", topic: "培训", audienceRole: "BANK", attendees: "0" },
        { cookie: cookies.bureau },
      ),
    );
    expect(statusOf(missing)).toBe(400);
    expect((await jsonOf<{ errors: Record<string, { key: string }> }>(missing)).errors.attendees).toEqual({
      key: "outreach.training.errors.attendees",
    });
    const noBank = await call(
      trainingAction,
      postRequest(
        "/gov/training",
        { heldOn: "2026-03-02", topic: "培训", audienceRole: "BANK", attendees: "5" },
        { cookie: cookies.bureau },
      ),
    );
    expect((await jsonOf<{ errors: Record<string, { key: string }> }>(noBank)).errors.bankId).toEqual({
      key: "outreach.training.errors.bankId",
    });
    const asOffice = await call(
      trainingAction,
      postRequest(
        "/gov/training",
        {
          heldOn: "2026-03-02",
          topic: "培训",
          audienceRole: "GOV_OFFICE",
          subDistrictId: ruyi.id,
          attendees: "5",
        },
        { cookie: cookies.office },
      ),
    );
    expect(statusOf(asOffice)).toBe(403);
    expect(await db.trainingSession.count()).toBe(before);
  });

  it("tells a bureau user that a training form whose key another used was already submitted", async () => {
    const form = {
      heldOn: "2026-03-02",
      topic: "表单键培训",
      audienceRole: "BANK",
      bankId: bank.id,
      attendees: "5",
      formKey: randomUUID(),
    };
    expect(
      statusOf(await call(trainingAction, postRequest("/gov/training", form, { cookie: cookies.bureau }))),
    ).toBe(302);
    const other = await sessionCookieFor((await createUser(db, { role: "GOV_BUREAU" })).id);
    const page = await renderedPage(postRequest("/gov/training", form, { cookie: other }));
    expect(page.status).toBe(409);
    expect(alertsOf(page.html)).toContain(translate("zh-CN", "common.errors.formReused"));
    expect(await db.trainingSession.count({ where: { topic: "表单键培训" } })).toBe(1);
  });
});

describe("programme page and tour", () => {
  it("shows the banks' products in figures and public notices only", async () => {
    const data = await jsonOf<{ banks: { id: string; products: number }[]; notices: { audience: string }[] }>(
      await call(aboutLoader, getRequest("/about")),
    );
    expect(data.banks.find((b) => b.id === bank.id)?.products).toBeGreaterThan(0);
    expect(data.notices.every((notice) => notice.audience === "PUBLIC")).toBe(true);
  });

  it("dismisses the first-visit tour for good", async () => {
    const office = (await getActorById(officeId))!;
    expect(await tourPending(office)).toBe(true);
    for (let i = 0; i < 2; i++) {
      const response = await call(
        helpAction,
        postRequest("/help?index", { intent: "dismissTour", redirectTo: "/gov" }, { cookie: cookies.office }),
      );
      expect(statusOf(response)).toBe(302);
      expect((response as Response).headers.get("Location")).toBe("/gov");
    }
    expect(await tourPending(office)).toBe(false);
    const offsite = await call(
      helpAction,
      postRequest(
        "/help?index",
        { intent: "dismissTour", redirectTo: "//evil.example" },
        { cookie: cookies.office },
      ),
    );
    expect((offsite as Response).headers.get("Location")).toBe("/help");
  });

  it("lists the notices a signed-in role may see: public and its own", async () => {
    const list = await jsonOf<{ notices: { audience: string }[] }>(
      await call(noticesLoader, getRequest("/notices", { cookie: cookies.bank })),
    );
    expect(new Set(list.notices.map((n) => n.audience))).toEqual(new Set(["PUBLIC", "BANK"]));
    const anonymous = await jsonOf<{ notices: { audience: string }[] }>(
      await call(noticesLoader, getRequest("/notices")),
    );
    expect(new Set(anonymous.notices.map((n) => n.audience))).toEqual(new Set(["PUBLIC"]));
    const invitations = await jsonOf<{ invitations: unknown[] }>(
      await call(invitationsLoader, getRequest("/gov/invitations", { cookie: cookies.otherOffice })),
    );
    expect(invitations.invitations).toEqual([]);
  });
});
