import {
  bankOfficerOf,
  bureauUser,
  createApplication,
  createAuthorization,
  createDemand,
  createNotification,
  createObjection,
  createOffer,
  createProduct,
  createRecommendation,
  createReferenceData,
  createRegisteredEnterprise,
  createUser,
  createVisit,
  createWhitelistBatch,
  officeUserOf,
} from "../../../prisma/factories";
import { db, sessionCookieFor } from "../helpers";
import { createFailedDelivery } from "../support/webhook-fixtures";

import { Markers, type Who } from "./markers";
import { createPoolPart } from "./pool-world";

const DAY_MS = 86_400_000;

/**
 * The fixture of the matrix: two sub-districts, two banks (and two spare ones), and firms whose
 * relation to the signed-in bank differs — authorised (E1), never authorised (E2), of the other
 * sub-district (E3, E6), revoked (E4), expired (E5), BASIC only (E7). Every record carries a marker string naming who
 * may see it (markers.ts); the matrix searches every response for the others.
 */
export async function createWorld() {
  const markers = new Markers();
  const all: Who[] = ["anonymous", "ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"];
  const signedIn: Who[] = ["ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"];
  const gov: Who[] = ["GOV_OFFICE", "GOV_BUREAU"];
  const bureau: Who[] = ["GOV_BUREAU"];

  const { subDistricts, banks } = await createReferenceData(db);
  const [sd1, sd2, spareSd] = subDistricts;
  const [bank1, bank2, bank3, spareBank] = banks;

  const firm = async (key: string, subDistrictId: string, seeing: Who[]) => {
    const name = markers.add(`ZQX${key}`, seeing);
    const made = await createRegisteredEnterprise(db, {
      subDistrictId,
      name: `${name}科技有限公司`,
      createdAt: new Date(Date.now() - 30 * DAY_MS),
    });
    markers.add(made.enterprise.uscc, seeing);
    return made;
  };
  // E1: the signed-in firm; authorised bank 1.
  const e1 = await firm("E1", sd1.id, signedIn);
  const e2 = await firm("E2", sd1.id, gov);
  const e3 = await firm("E3", sd2.id, bureau);
  const e4 = await firm("E4", sd1.id, gov);
  const e5 = await firm("E5", sd1.id, gov);
  const e6 = await firm("E6", sd2.id, bureau);
  // E7 granted bank 1 BASIC only: its name, not its credit details.
  const e7 = await firm("E7", sd1.id, ["BANK", ...gov]);
  // A penalty in the cached credit profile: details for the firm and a FULL grantee only (the
  // government sees a summary; the bureau sees the records of a firm whose objection it
  // handles, as E1's). E7's own user is not a requester here; E1's marker proves that a planted
  // penalty reaches those allowed.
  await plantPenalty(e1.enterprise.id, markers.add("ZQXPEN1", ["ENTERPRISE", "BANK", "GOV_BUREAU"]));
  await plantPenalty(e7.enterprise.id, markers.add("ZQXPEN7", [], { shown: false }));

  await createAuthorization(db, { enterpriseId: e1.enterprise.id, bankId: bank1.id, scope: "FULL" });
  await createAuthorization(db, { enterpriseId: e7.enterprise.id, bankId: bank1.id, scope: "BASIC" });
  // a grant the firm may revoke without changing what bank 1 sees
  const e1ToBank3 = await createAuthorization(db, {
    enterpriseId: e1.enterprise.id,
    bankId: bank3.id,
    scope: "BASIC",
  });
  const e3ToBank2 = await createAuthorization(db, {
    enterpriseId: e3.enterprise.id,
    bankId: bank2.id,
    scope: "FULL",
  });
  await createAuthorization(db, {
    enterpriseId: e4.enterprise.id,
    bankId: bank1.id,
    scope: "FULL",
    grantedAt: new Date(Date.now() - 20 * DAY_MS),
    revokedAt: new Date(Date.now() - 2 * DAY_MS),
  });
  await createAuthorization(db, {
    enterpriseId: e5.enterprise.id,
    bankId: null,
    scope: "FULL",
    grantedAt: new Date(Date.now() - 20 * DAY_MS),
    expiresAt: new Date(Date.now() - DAY_MS),
  });

  const users = {
    enterprise: e1.user,
    bank: await bankOfficerOf(db, bank1.id),
    bank2: await bankOfficerOf(db, bank2.id),
    office: await officeUserOf(db, sd1.id),
    office2: await createUser(db, {
      role: "GOV_OFFICE",
      subDistrictId: sd2.id,
      username: markers.add("zqxuseroffice2", bureau),
    }),
    bureau: await bureauUser(db),
    spare: await createUser(db, { role: "BANK", bankId: spareBank.id }),
  };

  const product = (bankId: string, key: string, seeing: Who[], status: "PUBLISHED" | "DRAFT") =>
    createProduct(db, {
      bankId,
      name: `${markers.add(`ZQX${key}`, seeing)}信用贷`,
      status,
      minAmountYuan: 100_000,
      maxAmountYuan: 10_000_000,
    });
  const p1 = await product(bank1.id, "P1", all, "PUBLISHED");
  const p1Draft = await product(bank1.id, "DRAFT1", ["BANK"], "DRAFT");
  const p2 = await product(bank2.id, "P2", all, "PUBLISHED");
  const p2Draft = await product(bank2.id, "DRAFT2", [], "DRAFT");
  const p3 = await product(bank3.id, "P3", all, "PUBLISHED");

  const demand = (enterpriseId: string, key: string, seeing: Who[]) =>
    createDemand(db, { enterpriseId, purpose: `${markers.add(`ZQX${key}`, seeing)}采购原材料` });
  const d1 = await demand(e1.enterprise.id, "D1", signedIn);
  const d2 = await demand(e2.enterprise.id, "D2", gov);
  const d3 = await demand(e3.enterprise.id, "D3", bureau);
  const d4 = await demand(e4.enterprise.id, "D4", gov);
  const d5 = await demand(e5.enterprise.id, "D5", gov);
  const offer1 = await createOffer(db, {
    demandId: d1.id,
    productId: p1.id,
    note: markers.add("ZQXF1", signedIn),
  });
  const offer2 = await createOffer(db, {
    demandId: d1.id,
    productId: p2.id,
    note: markers.add("ZQXF2", ["ENTERPRISE", ...gov]),
  });

  // The government's pages show an application's number, bank and state, not its purpose.
  // bank 2's offer on E2's demand: E1 may not accept or decline it through its own demand
  const offer3 = await createOffer(db, {
    demandId: d2.id,
    productId: p2.id,
    note: markers.add("ZQXF3", gov, { shown: false }),
  });

  const application = (
    enterpriseId: string,
    productId: string,
    key: string,
    seeing: Who[],
    options: Partial<Parameters<typeof createApplication>[1]> = {},
  ) =>
    createApplication(db, {
      enterpriseId,
      productId,
      purpose: `${markers.add(`ZQX${key}`, seeing, { shown: seeing.includes("ENTERPRISE") })}流动资金`,
      amountYuan: 500_000,
      termMonths: 12,
      ...options,
    });
  const a1 = await application(e1.enterprise.id, p1.id, "A1", signedIn);
  // E1's application to bank 2: bank 1 sees the firm but not this application.
  const a1b = await application(e1.enterprise.id, p2.id, "AB1", ["ENTERPRISE", ...gov]);
  const a2 = await application(e2.enterprise.id, p2.id, "A2", gov);
  // A disbursed loan of the other sub-district with an amount found nowhere else: a figure that
  // includes it (a league table, a total) must not reach the office, the firm or bank 1.
  const disbursedMarker = markers.add("8642013", bureau);
  markers.add("864.2013", bureau, { shown: false }); // the same in 万元, as a page or an export may print it
  const a3 = await application(e3.enterprise.id, p2.id, "A3", bureau, {
    state: "DISBURSED",
    amountYuan: 8_642_013,
    approved: { amountYuan: 8_642_013 },
    disbursed: { amountYuan: 8_642_013 },
  });
  // Rejections with no visit since: follow-ups (回访) for the firm's own office and the bureau.
  const rejected = { state: "REJECTED", rejectedFrom: "SUBMITTED" } as const;
  await application(e6.enterprise.id, p2.id, "A6", bureau, rejected);
  await application(e4.enterprise.id, p3.id, "A7", gov, rejected);
  // …and one of the office's own sub-district, so that the public total is another number.
  const a4 = await application(e4.enterprise.id, p3.id, "A4", gov, {
    state: "DISBURSED",
    amountYuan: 1_000_000,
    approved: { amountYuan: 1_000_000 },
    disbursed: { amountYuan: 1_000_000 },
  });

  // Loans (贷后): E1's loan at bank 1 (the firm, bank 1, the office and the bureau may see it).
  // A3's (E3, bank 2, the other sub-district) and A4's (E4, bank 3, the office's sub-district)
  // were opened with their disbursement by the factory.
  const al1 = await createApplication(db, {
    enterpriseId: e1.enterprise.id,
    productId: p1.id,
    purpose: "矩阵测试的贷款",
    state: "DISBURSED",
    amountYuan: 600_000,
    approved: { amountYuan: 600_000 },
    disbursed: { amountYuan: 600_000 },
  });
  const loanOf = (applicationId: string) => db.loan.findUniqueOrThrow({ where: { applicationId } });
  const loans = { own: await loanOf(al1.id), bank2: await loanOf(a3.id), bank3: await loanOf(a4.id) };

  const o1 = await createObjection(db, {
    enterpriseId: e1.enterprise.id,
    reason: markers.add("ZQXO1", ["ENTERPRISE", "GOV_BUREAU"]),
  });
  const o3 = await createObjection(db, {
    enterpriseId: e3.enterprise.id,
    reason: markers.add("ZQXO3", bureau),
  });

  const v2 = await createVisit(db, {
    enterpriseId: e2.enterprise.id,
    userId: users.office.id,
    findings: markers.add("ZQXV2", gov),
  });
  const v3 = await createVisit(db, {
    enterpriseId: e3.enterprise.id,
    userId: users.office2.id,
    findings: markers.add("ZQXV3", bureau),
  });

  const r2 = await createRecommendation(db, {
    enterpriseId: e2.enterprise.id,
    status: "REQUESTED",
    requestNote: markers.add("ZQXR2", gov),
    createdById: e2.user.id,
  });
  const r3 = await createRecommendation(db, {
    enterpriseId: e3.enterprise.id,
    status: "REQUESTED",
    requestNote: markers.add("ZQXR3", bureau),
    createdById: e3.user.id,
  });
  const r5 = await createRecommendation(db, {
    enterpriseId: e5.enterprise.id,
    status: "PENDING",
    reason: markers.add("ZQXR5", gov),
    createdById: users.office.id,
  });

  const { entries } = await createWhitelistBatch(db, {
    name: "2026年第1批",
    approvedById: users.bureau.id,
    entries: [
      { enterpriseId: e1.enterprise.id, reason: "守信" },
      { enterpriseId: e2.enterprise.id, reason: "守信" },
      { enterpriseId: e3.enterprise.id, reason: "守信" },
    ],
  });
  const entryOf = (enterpriseId: string) => entries.find((e) => e.enterpriseId === enterpriseId)!;

  const note = (userId: string, key: string, seeing: Who[]) =>
    createNotification(db, {
      userId,
      kind: "application.SUBMITTED",
      params: { number: markers.add(key, seeing) },
    });
  await note(users.enterprise.id, "ZQXNENT", ["ENTERPRISE"]);
  await note(users.bank.id, "ZQXNBANK", ["BANK"]);
  await note(users.office.id, "ZQXNOFFICE", ["GOV_OFFICE"]);
  await note(users.bureau.id, "ZQXNBUREAU", ["GOV_BUREAU"]);
  await note(users.bank2.id, "ZQXNOTHERBANK", []);
  await note(e2.user.id, "ZQXNE2", []);

  // outreach: notices of each audience and state, invitations of both offices, a training session
  const notice = (key: string, seeing: Who[], audience: string, status: string) =>
    db.notice.create({
      data: {
        title: `${markers.add(key, seeing)}政策通知`,
        summary: "矩阵测试的通知摘要",
        body: "## 正文\n\n矩阵测试",
        effectiveOn: new Date(Date.now() - 5 * DAY_MS),
        audience,
        status,
        publishedAt: status === "DRAFT" ? null : new Date(Date.now() - 3 * DAY_MS),
        createdById: users.bureau.id,
      },
    });
  const notices = {
    public: await notice("ZQXKPUB", all, "PUBLIC", "PUBLISHED"),
    forBanks: await notice("ZQXKBANK", ["BANK", "GOV_BUREAU"], "BANK", "PUBLISHED"),
    draft: await notice("ZQXKDRAFT", bureau, "PUBLIC", "DRAFT"),
    withdrawn: await notice("ZQXKWD", bureau, "PUBLIC", "WITHDRAWN"),
  };
  const invitation = (key: string, code: string, seeing: Who[], subDistrictId: string, createdById: string) =>
    db.invitation.create({
      data: {
        code: markers.add(code, seeing),
        firmName: `${markers.add(key, seeing)}贸易有限公司`,
        subDistrictId,
        createdById,
        channel: "VISIT",
        expiresAt: new Date(Date.now() + 60 * DAY_MS),
      },
    });
  const invitations = {
    i1: await invitation("ZQXINV1", "ZQXcodeOffice1xxxxxxxx", gov, sd1.id, users.office.id),
    i2: await invitation("ZQXINV2", "ZQXcodeOffice2xxxxxxxx", bureau, sd2.id, users.office2.id),
  };
  await db.trainingSession.create({
    data: {
      heldOn: new Date(Date.now() - 10 * DAY_MS),
      topic: markers.add("ZQXTRAIN", gov),
      audienceRole: "BANK",
      bankId: bank1.id,
      attendees: 12,
      createdById: users.bureau.id,
    },
  });

  // a FAILED webhook delivery per bank, its last error a marker: the bank's page and the bureau's log
  const deliveries = {
    h1: await createFailedDelivery(bank1.id, markers.add("ZQXHOOK1", ["BANK", "GOV_BUREAU"])),
    h2: await createFailedDelivery(bank2.id, markers.add("ZQXHOOK2", ["GOV_BUREAU"])),
  };

  // 贷后预警: bank 1's alert on E1 (its detail for the firm and the bank, the bank's note for
  // the bank alone; the government sees a summary of the office's whitelist firms), and bank 2's
  // alert on E3 (the bureau sees that it exists, in summary; no one else).
  const alert = (enterpriseId: string, bankId: string, decisionNo: string, note: string | null) =>
    db.creditAlert.create({
      data: {
        enterpriseId,
        bankId,
        kind: "PENALTY",
        changeKey: `penalty:${decisionNo}`,
        detail: JSON.stringify({
          decisionNo,
          authority: "郑州市郑东新区市场监督管理局",
          decidedOn: "2026-11-20",
        }),
        source: "penalties",
        recordKey: decisionNo,
        basis: "AUTHORIZATION",
        detectedAt: new Date(Date.now() - 2 * DAY_MS),
        dueAt: new Date(Date.now() + DAY_MS),
        ...(note ? { acknowledgedAt: new Date(), action: "OTHER", actionNote: note } : {}),
      },
    });
  const alerts = {
    own: await alert(e1.enterprise.id, bank1.id, markers.add("ZQXALERT1", ["ENTERPRISE", "BANK"]), null),
    acknowledged: await alert(
      e1.enterprise.id,
      bank1.id,
      markers.add("ZQXALERT2", ["ENTERPRISE", "BANK"]),
      markers.add("ZQXALERTNOTE", ["BANK"]),
    ),
    anotherBanks: await alert(e3.enterprise.id, bank2.id, markers.add("ZQXALERT3", []), null),
  };

  // 续贷: E1's loan from bank 3 maturing in 40 days (its renewal request is open), and E4's loan
  const maturingIn40 = new Date(Date.now() + 8 * 3_600_000 + 40 * DAY_MS).toISOString().slice(0, 10);
  const renewable = await createApplication(db, {
    enterpriseId: e1.enterprise.id,
    productId: p3.id,
    purpose: "续贷测试流动资金",
    state: "DISBURSED",
    amountYuan: 1_000_000,
    approved: { amountYuan: 1_000_000 },
    disbursed: { amountYuan: 1_000_000 },
  });
  const renewalLoans = {
    own: await db.loan.update({
      where: { applicationId: renewable.id },
      data: { maturityOn: new Date(`${maturingIn40}T00:00:00Z`) },
    }),
    anotherFirms: await db.loan.findFirstOrThrow({ where: { enterpriseId: e4.enterprise.id } }),
  };

  const calendarOverride = await db.calendarOverride.create({
    data: { date: "2030-03-05", kind: "HOLIDAY" },
  });
  const lpr = await db.lprRate.findFirstOrThrow({ orderBy: { effectiveOn: "desc" } });

  const pool = await createPoolPart(markers, {
    bank1: {
      bankUserId: users.bank.id,
      productId: p1.id,
      enterpriseId: e1.enterprise.id,
      subDistrictId: sd1.id,
    },
    bank2: {
      bankUserId: users.bank2.id,
      productId: p2.id,
      enterpriseId: e3.enterprise.id,
      subDistrictId: sd2.id,
    },
  });

  const cookies: Record<Exclude<Who, "anonymous">, string> = {
    ENTERPRISE: await sessionCookieFor(users.enterprise.id),
    BANK: await sessionCookieFor(users.bank.id),
    GOV_OFFICE: await sessionCookieFor(users.office.id),
    GOV_BUREAU: await sessionCookieFor(users.bureau.id),
  };

  return {
    markers,
    cookies,
    users,
    disbursedMarker,
    subDistricts: { sd1, sd2, spareSd },
    banks: { bank1, bank2, bank3, spareBank },
    firms: { e1, e2, e3, e4, e5, e6, e7 },
    authorizations: { e1ToBank3, e3ToBank2 },
    products: { p1, p1Draft, p2, p2Draft, p3 },
    demands: { d1, d2, d3, d4, d5 },
    offers: { offer1, offer2, offer3 },
    applications: { a1, a1b, a2, a3, a4, al1 },
    loans,
    objections: { o1, o3 },
    visits: { v2, v3 },
    recommendations: { r2, r3, r5 },
    whitelist: {
      w1: entryOf(e1.enterprise.id),
      w2: entryOf(e2.enterprise.id),
      w3: entryOf(e3.enterprise.id),
    },
    calendarOverride,
    lpr,
    alerts,
    renewalLoans,
    notices,
    invitations,
    deliveries,
    pool,
  };
}

/** Adds a penalty whose decision number is `marker` to the firm's cached credit profile. */
async function plantPenalty(enterpriseId: string, marker: string) {
  const row = await db.creditProfile.findUniqueOrThrow({
    where: { enterpriseId_source: { enterpriseId, source: "penalties" } },
  });
  const data = JSON.parse(row.data) as { items: Record<string, unknown>[] };
  data.items.push({
    decisionNo: marker,
    authority: "郑州市郑东新区市场监督管理局",
    decidedOn: "2025-03-01",
    reason: "未按规定公示年度报告",
    amount: 2000,
    repaired: false,
  });
  await db.creditProfile.update({ where: { id: row.id }, data: { data: JSON.stringify(data) } });
}

export type World = Awaited<ReturnType<typeof createWorld>>;
