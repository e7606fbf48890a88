import type { ActionFunctionArgs } from "@remix-run/node";

import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import { settleRunningJobs } from "~/jobs/runner.server";
import { objectableRecords } from "~/models/credit-profile.server";
import { issueApiClient } from "~/models/api-client.server";
import { DEMO_PASSWORD } from "~/models/demo";
import { SETTING_KEYS } from "~/models/gov-codes";
import { SETTING_DEFAULTS } from "~/models/settings.server";
import * as accountPassword from "~/routes/account.password";
import * as bankAlert from "~/routes/bank.alerts.$id/route";
import * as bankApplication from "~/routes/bank.applications.$id/route";
import * as bankDemand from "~/routes/bank.demands.$id/route";
import * as bankLoan from "~/routes/bank.loans.$id/route";
import * as bankOffers from "~/routes/bank.offers/route";
import * as bankProduct from "~/routes/bank.products.$id/route";
import * as bankProductNew from "~/routes/bank.products.new";
import * as enterpriseApplication from "~/routes/enterprise.applications.$id/route";
import * as enterpriseAuthorizations from "~/routes/enterprise.authorizations/route";
import * as enterpriseCredit from "~/routes/enterprise.credit/route";
import * as enterpriseDemand from "~/routes/enterprise.demands.$id/route";
import * as enterpriseRenewal from "~/routes/enterprise.renewals.$loanId/route";
import * as enterpriseDemandNew from "~/routes/enterprise.demands.new";
import * as enterpriseWhitelist from "~/routes/enterprise.whitelist/route";
import * as govAdmin from "~/routes/gov.admin._index/route";
import * as govAccount from "~/routes/gov.admin.accounts.$id/route";
import * as govApiClients from "~/routes/gov.admin.api-clients/route";
import * as govCalendar from "~/routes/gov.admin.calendar/route";
import * as govInvitations from "~/routes/gov.invitations._index/route";
import * as govNotice from "~/routes/gov.notices.$id/route";
import * as govNoticeNew from "~/routes/gov.notices.new";
import * as govTraining from "~/routes/gov.training/route";
import * as help from "~/routes/help._index";
import * as govJobs from "~/routes/gov.admin.jobs._index/route";
import * as govWebhooks from "~/routes/gov.admin.webhooks";
import * as bankWebhooks from "~/routes/bank.webhooks/route";
import * as govLpr from "~/routes/gov.admin.lpr/route";
import * as govOrganisations from "~/routes/gov.admin.organisations/route";
import * as govSettings from "~/routes/gov.admin.settings/route";
import * as govObjection from "~/routes/gov.objections.$id/route";
import * as govRecommendation from "~/routes/gov.recommendations.$id/route";
import * as govRecommendationNew from "~/routes/gov.recommendations.new/route";
import * as govReview from "~/routes/gov.review/route";
import * as govVisits from "~/routes/gov.visits/route";
import * as govWhitelistEntry from "~/routes/gov.whitelist.$id/route";
import * as display from "~/routes/display";
import * as locale from "~/routes/locale";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import * as notifications from "~/routes/notifications";
import * as product from "~/routes/products.$id/route";
import * as register from "~/routes/register/route";

import {
  createApplication,
  createAuthorization,
  createBank,
  createDemand,
  createEnterprise,
  createNotification,
  createObjection,
  createOffer,
  createProduct,
  createRecommendation,
  createSubDistrict,
  createUser,
  createWhitelistBatch,
} from "../../../prisma/factories";
import { db, sessionCookieFor } from "../helpers";

import { poolCases } from "./hostile-pool";
import { createFailedDelivery } from "./webhook-fixtures";

/**
 * What a field must look like; the payload generators know the values that break each kind.
 * text: required free text (HTML and SQL in it are legitimate and stored as typed);
 * optText: optional free text; wan: an amount in 万元; rate: a percentage; int: whole number;
 * day: YYYY-MM-DD; id: a cuid; enum: one of a fixed list; version: an optimistic-lock counter;
 * markdown: a notice body (hostile Markdown is refused); url: an http(s) address.
 */
export type FieldKind =
  | "id"
  | "enum"
  | "wan"
  | "rate"
  | "int"
  | "day"
  | "uscc"
  | "text"
  | "optText"
  | "mobile"
  | "username"
  | "password"
  | "version"
  | "flag"
  | "code"
  | "list"
  | "markdown"
  | "url"
  | "reference"
  | "yuan";

export type Role = "anonymous" | "enterprise" | "bank" | "office" | "bureau";
export type Form = Record<string, string | string[]>;

export interface ActionCase {
  /** the route module's file name without extension: every file with an action needs a case */
  route: string;
  /** a label for reports: the intent or what the form does */
  name: string;
  action: (args: ActionFunctionArgs) => unknown;
  path: string;
  params?: Record<string, string>;
  role: Role;
  /** a valid submission: posted once after the hostile ones, it must succeed */
  form: Form;
  /** the fields whose values matter and their kinds (the intent is handled separately) */
  fields: Record<string, FieldKind>;
  /** fields whose absence makes the form invalid */
  required: string[];
  /** tables a refused request may still write by design (login attempts) */
  mayChange?: string[];
  /** the action reads no form (sign out, mark all read): hostile bodies must simply not break it */
  ignoresBody?: boolean;
  /** statuses of a successful valid submission (default 302) */
  succeeds?: number[];
  /** a session of the case's own (default: the role's shared session) */
  cookie?: string;
  /**
   * Undoes what refused payloads may legitimately leave behind (a login lockout); may answer
   * the cookie to post the valid form with instead (a user whose failures are on record).
   */
  beforeValid?: () => Promise<unknown>;
  /** waits for what the valid submission started in the background (a job run) */
  afterValid?: () => Promise<unknown>;
}

export interface World {
  cases: ActionCase[];
  cookies: Record<Exclude<Role, "anonymous">, string>;
}

const today = () => shanghaiDate(new Date());

const productForm: Form = {
  name: "流动资金贷",
  type: "CREDIT",
  guaranteeType: "CREDIT",
  minAmount: "10",
  maxAmount: "300",
  minTerm: "6",
  maxTerm: "36",
  minRate: "3.50",
  maxRate: "6.00",
  eligibleSizes: ["SMALL", "MICRO"],
  eligibleSections: ["C", "I"],
  minTaxGrade: "B",
  whitelistOnly: "on",
  description: "面向小微企业的信用贷款",
};
const productFields: Record<string, FieldKind> = {
  name: "text",
  type: "enum",
  guaranteeType: "enum",
  minAmount: "wan",
  maxAmount: "wan",
  minTerm: "int",
  maxTerm: "int",
  minRate: "rate",
  maxRate: "rate",
  eligibleSizes: "list",
  eligibleSections: "list",
  minTaxGrade: "enum",
  whitelistOnly: "flag",
  description: "optText",
};
const productRequired = ["name", "type", "guaranteeType", "minAmount", "maxAmount", "minTerm", "maxTerm"];

const demandForm = (): Form => ({
  amount: "80",
  termMonths: "12",
  purpose: "采购原材料",
  guaranteeTypes: ["CREDIT", "GUARANTEE"],
  rateCeiling: "5.5",
  validUntil: addDays(today(), 30),
});
const demandFields: Record<string, FieldKind> = {
  amount: "wan",
  termMonths: "int",
  purpose: "text",
  guaranteeTypes: "list",
  rateCeiling: "rate",
  validUntil: "day",
};
const demandRequired = ["amount", "termMonths", "purpose", "guaranteeTypes", "validUntil"];

/**
 * One firm, bank, office and bureau with everything their actions act on, and one case per
 * action and intent, each on rows of its own so that the valid submission at the end of a case
 * is not refused because another case already used its row.
 */
export async function buildWorld(): Promise<World> {
  const ruyi = await createSubDistrict(db);
  const bank = await createBank(db);
  const firm = await createEnterprise(db, { subDistrictId: ruyi.id, onDishonestyList: false });
  const enterpriseUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: firm.id });
  const bankUser = await createUser(db, { role: "BANK", bankId: bank.id });
  const officeUser = await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id });
  const bureauUser = await createUser(db, { role: "GOV_BUREAU" });
  const loginUser = await createUser(db, { role: "BANK", bankId: bank.id, username: "hostile-login" });
  const managed = await createUser(db, { role: "BANK", bankId: bank.id });
  const ownPassword = await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id });
  const cookies = {
    enterprise: await sessionCookieFor(enterpriseUser.id),
    bank: await sessionCookieFor(bankUser.id),
    office: await sessionCookieFor(officeUser.id),
    bureau: await sessionCookieFor(bureauUser.id),
  };
  const cleanFirm = () => createEnterprise(db, { subDistrictId: ruyi.id, onDishonestyList: false });

  const published = await createProduct(db, { bankId: bank.id });
  const forApplying = await createProduct(db, { bankId: bank.id });
  const draft = await createProduct(db, { bankId: bank.id, status: "DRAFT" });
  const editable = await createProduct(db, { bankId: bank.id });
  const application = (state: "SUBMITTED" | "ACCEPTED" | "APPROVED") =>
    createApplication(db, { enterpriseId: firm.id, productId: published.id, state, amountYuan: 1_000_000 });
  const submitted = await application("SUBMITTED");
  const accepted = await (async () => {
    // one open application per firm and product: the others go to products of their own
    const p = await createProduct(db, { bankId: bank.id });
    return createApplication(db, {
      enterpriseId: firm.id,
      productId: p.id,
      state: "ACCEPTED",
      amountYuan: 1_000_000,
    });
  })();
  const approved = await (async () => {
    const p = await createProduct(db, { bankId: bank.id });
    return createApplication(db, {
      enterpriseId: firm.id,
      productId: p.id,
      state: "APPROVED",
      amountYuan: 1_000_000,
    });
  })();
  const rejectable = await (async () => {
    const p = await createProduct(db, { bankId: bank.id });
    return createApplication(db, { enterpriseId: firm.id, productId: p.id, state: "SUBMITTED" });
  })();
  const withdrawable = await (async () => {
    const p = await createProduct(db, { bankId: bank.id });
    return createApplication(db, { enterpriseId: firm.id, productId: p.id, state: "SUBMITTED" });
  })();

  const bankDelivery = await createFailedDelivery(bank.id);
  const bureauDelivery = await createFailedDelivery((await createBank(db)).id);

  const demandToAnswer = await createDemand(db, { enterpriseId: firm.id });
  const demandWithOffer = await createDemand(db, { enterpriseId: firm.id });
  const offerToWithdraw = await createOffer(db, { demandId: demandWithOffer.id, productId: published.id });
  const demandToDecide = await createDemand(db, { enterpriseId: firm.id });
  const offerToDecline = await createOffer(db, { demandId: demandToDecide.id, productId: editable.id });
  const demandToEdit = await createDemand(db, { enterpriseId: firm.id });
  const demandToClose = await createDemand(db, { enterpriseId: firm.id });

  const authorization = await createAuthorization(db, {
    enterpriseId: firm.id,
    bankId: bank.id,
    scope: "BASIC",
  });

  const profiles = await db.creditProfile.findMany({ where: { enterpriseId: firm.id } });
  const records = objectableRecords(
    profiles.map((p) => ({ source: p.source, data: JSON.parse(p.data) as unknown })),
  );
  if (records.length === 0) throw new Error("the firm has no credit record to object to");
  const record = `${records[0].source}::${records[0].recordKey}`;

  const toAccept = await createObjection(db, { enterpriseId: (await cleanFirm()).id });
  const toReject = await createObjection(db, { enterpriseId: (await cleanFirm()).id });

  const requested = await createRecommendation(db, {
    enterpriseId: (await cleanFirm()).id,
    status: "REQUESTED",
  });
  const toDecline = await createRecommendation(db, {
    enterpriseId: (await cleanFirm()).id,
    status: "REQUESTED",
  });
  const toWithdraw = await createRecommendation(db, {
    enterpriseId: (await cleanFirm()).id,
    status: "PENDING",
  });
  const toApprove = await createRecommendation(db, {
    enterpriseId: (await cleanFirm()).id,
    status: "PENDING",
  });
  const toRejectInReview = await createRecommendation(db, {
    enterpriseId: (await cleanFirm()).id,
    status: "PENDING",
  });
  const toRecommend = await cleanFirm();
  const toVisit = await cleanFirm();

  const { entries } = await createWhitelistBatch(db, {
    approvedById: bureauUser.id,
    entries: [
      (await cleanFirm()).id,
      { enterpriseId: (await cleanFirm()).id, status: "SUSPENDED", statusReason: "联合惩戒" },
    ],
  });
  const [activeEntry, suspendedEntry] = entries.sort((a, b) => a.status.localeCompare(b.status));

  const requester = await cleanFirm();
  const requesterUser = await createUser(db, { role: "ENTERPRISE", enterpriseId: requester.id });
  const requesterCookie = await sessionCookieFor(requesterUser.id);

  const override = await db.calendarOverride.create({
    data: { date: addDays(today(), 200), kind: "HOLIDAY", note: "测试" },
  });
  const lpr = await db.lprRate.create({
    data: { effectiveOn: new Date("2024-10-20T16:00:00Z"), rateBp: 310 },
  });

  await createNotification(db, { userId: officeUser.id });

  // a loan of the firm maturing in 40 days, to ask to renew
  const renewable = await createApplication(db, {
    enterpriseId: firm.id,
    productId: (await createProduct(db, { bankId: bank.id })).id,
    state: "DISBURSED",
    amountYuan: 500_000,
    approved: { amountYuan: 500_000 },
    disbursed: { amountYuan: 500_000 },
  });
  const loanToRenew = await db.loan.update({
    where: { applicationId: renewable.id },
    data: { maturityOn: new Date(`${addDays(today(), 40)}T00:00:00Z`) },
  });

  const apiClient = async () => {
    const issued = await issueApiClient(null, { bankId: bank.id, label: "hostile" });
    if (!issued.ok) throw new Error("could not issue an API client");
    return issued;
  };
  const clientToRotate = await apiClient();
  const clientToRevoke = await apiClient();
  // a credit alert addressed to the bank, to acknowledge
  const alertToAcknowledge = await db.creditAlert.create({
    data: {
      enterpriseId: firm.id,
      bankId: bank.id,
      kind: "PENALTY",
      changeKey: "penalty:hostile-1",
      detail: JSON.stringify({
        decisionNo: "hostile-1",
        authority: "市场监督管理局",
        decidedOn: "2026-11-20",
      }),
      source: "penalties",
      recordKey: "hostile-1",
      basis: "AUTHORIZATION",
      dueAt: new Date(Date.now() + 3 * 86_400_000),
    },
  });

  const noticeRow = (status: string) =>
    db.notice.create({
      data: {
        title: "通知",
        summary: "摘要",
        body: "正文",
        effectiveOn: new Date(),
        audience: "BANK",
        status,
        createdById: bureauUser.id,
      },
    });
  const noticeToEdit = await noticeRow("DRAFT");
  const noticeToPublish = await noticeRow("DRAFT");
  const noticeToWithdraw = await noticeRow("PUBLISHED");

  // loans (贷后): one per action, so that each valid submission finds its loan as it was
  const disbursedLoan = async () => {
    const p = await createProduct(db, { bankId: bank.id });
    const a = await createApplication(db, {
      enterpriseId: firm.id,
      productId: p.id,
      state: "DISBURSED",
      amountYuan: 1_000_000,
    });
    return db.loan.findUniqueOrThrow({ where: { applicationId: a.id } });
  };
  const loanToRepay = await disbursedLoan();
  const loanToSettle = await disbursedLoan();
  const loanToClass = await disbursedLoan();
  const onLoan = (id: string) => ({
    action: bankLoan.action,
    path: `/bank/loans/${id}`,
    params: { id },
    role: "bank" as const,
  });

  const decision = (id: string, version: number) => ({
    action: bankApplication.action,
    path: `/bank/applications/${id}`,
    params: { id },
    role: "bank" as const,
    form: { version: String(version) },
  });

  const noticeForm: Form = {
    title: "关于信易贷贴息的通知",
    summary: "首贷户贴息 50%",
    body: "## 对象\n\n- 首贷户\n\n详见[指南](/help/apply)与[原文](https://www.zhengzhou.gov.cn/a.html)。",
    effectiveOn: today(),
    audience: "BANK",
    linkLabel: "政策原文",
    linkUrl: "https://www.zhengzhou.gov.cn/a.html",
  };
  const noticeFields: Record<string, FieldKind> = {
    title: "text",
    summary: "text",
    body: "markdown",
    effectiveOn: "day",
    audience: "enum",
    linkUrl: "url",
  };
  const outreachCases: ActionCase[] = [
    {
      route: "gov.notices.new",
      name: "create",
      action: govNoticeNew.action,
      path: "/gov/notices/new",
      role: "bureau",
      form: noticeForm,
      fields: noticeFields,
      required: ["title", "summary", "body", "effectiveOn", "audience"],
    },
    {
      route: "gov.notices.$id",
      name: "save",
      action: govNotice.action,
      path: `/gov/notices/${noticeToEdit.id}`,
      params: { id: noticeToEdit.id },
      role: "bureau",
      form: { intent: "save", version: "1", ...noticeForm },
      fields: { ...noticeFields, version: "version" },
      required: ["intent", "version", "title", "summary", "body", "effectiveOn", "audience"],
    },
    ...(
      [
        ["publish", noticeToPublish.id],
        ["withdraw", noticeToWithdraw.id],
      ] as const
    ).map(([intent, id]): ActionCase => ({
      route: "gov.notices.$id",
      name: intent,
      action: govNotice.action,
      path: `/gov/notices/${id}`,
      params: { id },
      role: "bureau",
      form: { intent },
      fields: {},
      required: ["intent"],
    })),
    {
      route: "gov.invitations._index",
      name: "create",
      action: govInvitations.action,
      path: "/gov/invitations",
      role: "office",
      form: {
        firmName: "郑州走访科技有限公司",
        uscc: "91410105MAXYD1004C",
        contactName: "李会计",
        contactMobile: "13912345678",
        channel: "VISIT",
        note: "有流动资金需求",
      },
      fields: {
        firmName: "text",
        uscc: "uscc",
        contactName: "optText",
        contactMobile: "mobile",
        channel: "enum",
        note: "optText",
      },
      required: ["firmName", "channel"],
    },
    {
      route: "gov.training",
      name: "record",
      action: govTraining.action,
      path: "/gov/training",
      role: "bureau",
      form: {
        heldOn: today(),
        topic: "平台操作培训",
        audienceRole: "BANK",
        bankId: bank.id,
        attendees: "30",
        organisation: "郑东新区经济发展局",
        materialsUrl: "https://www.zhengzhou.gov.cn/training.pdf",
      },
      fields: {
        heldOn: "day",
        topic: "text",
        audienceRole: "enum",
        bankId: "id",
        attendees: "int",
        organisation: "optText",
        materialsUrl: "url",
      },
      required: ["heldOn", "topic", "audienceRole", "attendees"],
    },
    {
      route: "help._index",
      name: "dismissTour",
      action: help.action,
      path: "/help?index",
      role: "bank",
      form: { intent: "dismissTour", redirectTo: "/bank" },
      fields: {},
      required: ["intent"],
    },
  ];

  const cases: ActionCase[] = [
    ...outreachCases,
    ...(await poolCases()),
    {
      route: "account.password",
      name: "change",
      action: accountPassword.action,
      path: "/account/password",
      role: "office",
      cookie: await sessionCookieFor(ownPassword.id),
      form: {
        intent: "change",
        currentPassword: DEMO_PASSWORD,
        newPassword: "Hostile#Pass2026",
        confirmPassword: "Hostile#Pass2026",
      },
      fields: { currentPassword: "password", newPassword: "password", confirmPassword: "password" },
      required: ["intent", "currentPassword", "newPassword", "confirmPassword"],
      // a wrong current password is audited: five in 15 minutes stop further tries, so the
      // valid form is posted by a user of the same role without failures on record
      mayChange: ["AuditLog"],
      beforeValid: async () =>
        sessionCookieFor((await createUser(db, { role: "GOV_OFFICE", subDistrictId: ruyi.id })).id),
    },
    {
      route: "account.password",
      name: "revokeOthers",
      action: accountPassword.action,
      path: "/account/password",
      role: "office",
      cookie: await sessionCookieFor(ownPassword.id),
      form: { intent: "revokeOthers" },
      fields: {},
      required: ["intent"],
    },
    {
      route: "bank.applications.$id",
      name: "accept",
      ...decision(submitted.id, submitted.version),
      form: { intent: "accept", version: String(submitted.version) },
      fields: { version: "version" },
      required: ["version"],
    },
    {
      route: "bank.applications.$id",
      name: "approve",
      ...decision(accepted.id, accepted.version),
      form: { intent: "approve", version: String(accepted.version), amount: "80", rate: "4.50", term: "12" },
      fields: { version: "version", amount: "wan", rate: "rate", term: "int" },
      required: ["version", "amount", "rate", "term"],
    },
    {
      route: "bank.applications.$id",
      name: "reject",
      ...decision(rejectable.id, rejectable.version),
      form: {
        intent: "reject",
        version: String(rejectable.version),
        reason: "OTHER",
        reasonText: "资料不全",
      },
      fields: { version: "version", reason: "enum", reasonText: "text" },
      required: ["version", "reason", "reasonText"],
    },
    {
      route: "bank.applications.$id",
      name: "disburse",
      ...decision(approved.id, approved.version),
      form: {
        intent: "disburse",
        version: String(approved.version),
        amount: "50",
        rate: "4.50",
        date: today(),
        repaymentMethod: "EQUAL_INSTALMENT",
      },
      fields: { version: "version", amount: "wan", rate: "rate", date: "day", repaymentMethod: "enum" },
      required: ["version", "amount", "rate", "date", "repaymentMethod"],
    },
    {
      route: "bank.loans.$id",
      name: "repay",
      ...onLoan(loanToRepay.id),
      form: { intent: "repay", paidOn: today(), amount: "1000.50", reference: "HOSTILE-REPAY-1" },
      fields: { paidOn: "day", amount: "yuan", reference: "reference" },
      required: ["intent", "paidOn", "amount", "reference"],
    },
    {
      route: "bank.loans.$id",
      name: "settle",
      ...onLoan(loanToSettle.id),
      form: {
        intent: "settle",
        paidOn: today(),
        reference: "HOSTILE-SETTLE-1",
        version: String(loanToSettle.version),
      },
      fields: { paidOn: "day", reference: "reference", version: "version" },
      required: ["intent", "paidOn", "reference", "version"],
    },
    {
      route: "bank.loans.$id",
      name: "riskClass",
      ...onLoan(loanToClass.id),
      form: { intent: "riskClass", riskClass: "DOUBTFUL" },
      fields: { riskClass: "enum" },
      required: ["intent", "riskClass"],
    },
    {
      route: "bank.alerts.$id",
      name: "acknowledge",
      action: bankAlert.action,
      path: `/bank/alerts/${alertToAcknowledge.id}`,
      params: { id: alertToAcknowledge.id },
      role: "bank",
      form: { action: "OTHER", note: "已联系企业核实处罚情况" },
      fields: { action: "enum", note: "optText" },
      required: ["action"],
    },
    {
      route: "bank.demands.$id",
      name: "offer",
      action: bankDemand.action,
      path: `/bank/demands/${demandToAnswer.id}`,
      params: { id: demandToAnswer.id },
      role: "bank",
      form: { productId: published.id, amount: "50", term: "12", rate: "4.50", note: "可当周放款" },
      fields: { productId: "id", amount: "wan", term: "int", rate: "rate", note: "optText" },
      required: ["productId", "amount", "term", "rate"],
    },
    {
      route: "bank.offers",
      name: "withdraw",
      action: bankOffers.action,
      path: "/bank/offers",
      role: "bank",
      form: { intent: "withdraw", offerId: offerToWithdraw.id },
      fields: { offerId: "id" },
      required: ["intent", "offerId"],
    },
    {
      route: "bank.products.$id",
      name: "save",
      action: bankProduct.action,
      path: `/bank/products/${editable.id}`,
      params: { id: editable.id },
      role: "bank",
      form: { intent: "save", updatedAt: editable.updatedAt.toISOString(), ...productForm },
      fields: { ...productFields, updatedAt: "day" },
      required: [...productRequired, "updatedAt"],
    },
    {
      route: "bank.products.$id",
      name: "publish",
      action: bankProduct.action,
      path: `/bank/products/${draft.id}`,
      params: { id: draft.id },
      role: "bank",
      form: { intent: "publish" },
      fields: {},
      required: ["intent"],
    },
    {
      route: "bank.products.new",
      name: "create",
      action: bankProductNew.action,
      path: "/bank/products/new",
      role: "bank",
      form: productForm,
      fields: productFields,
      required: productRequired,
    },
    {
      route: "enterprise.applications.$id",
      name: "withdraw",
      action: enterpriseApplication.action,
      path: `/enterprise/applications/${withdrawable.id}`,
      params: { id: withdrawable.id },
      role: "enterprise",
      form: { intent: "withdraw", version: String(withdrawable.version) },
      fields: { version: "version" },
      required: ["intent", "version"],
    },
    {
      route: "enterprise.authorizations",
      name: "grant",
      action: enterpriseAuthorizations.action,
      path: "/enterprise/authorizations",
      role: "enterprise",
      form: { intent: "grant", bankId: bank.id, scope: "FULL", expiresOn: addDays(today(), 90) },
      fields: { bankId: "id", scope: "enum", expiresOn: "day" },
      required: ["intent", "bankId", "scope", "expiresOn"],
    },
    {
      route: "enterprise.authorizations",
      name: "revoke",
      action: enterpriseAuthorizations.action,
      path: "/enterprise/authorizations",
      role: "enterprise",
      form: { intent: "revoke", id: authorization.id },
      fields: { id: "id" },
      required: ["intent", "id"],
    },
    {
      route: "enterprise.credit",
      name: "object",
      action: enterpriseCredit.action,
      path: "/enterprise/credit",
      role: "enterprise",
      form: {
        intent: "object",
        record,
        reason: "该处罚已整改完毕，申请信用修复。",
        attachmentNote: "整改报告",
      },
      fields: { record: "id", reason: "text", attachmentNote: "optText" },
      required: ["intent", "record", "reason"],
    },
    {
      route: "enterprise.demands.$id",
      name: "update",
      action: enterpriseDemand.action,
      path: `/enterprise/demands/${demandToEdit.id}`,
      params: { id: demandToEdit.id },
      role: "enterprise",
      form: { intent: "update", ...demandForm() },
      fields: demandFields,
      required: ["intent", ...demandRequired],
    },
    {
      route: "enterprise.demands.$id",
      name: "declineOffer",
      action: enterpriseDemand.action,
      path: `/enterprise/demands/${demandToDecide.id}`,
      params: { id: demandToDecide.id },
      role: "enterprise",
      form: { intent: "declineOffer", offerId: offerToDecline.id },
      fields: { offerId: "id" },
      required: ["intent", "offerId"],
    },
    {
      route: "enterprise.demands.$id",
      name: "close",
      action: enterpriseDemand.action,
      path: `/enterprise/demands/${demandToClose.id}`,
      params: { id: demandToClose.id },
      role: "enterprise",
      form: { intent: "close" },
      fields: {},
      required: ["intent"],
    },
    {
      route: "enterprise.demands.new",
      name: "create",
      action: enterpriseDemandNew.action,
      path: "/enterprise/demands/new",
      role: "enterprise",
      form: demandForm(),
      fields: demandFields,
      required: demandRequired,
    },
    {
      route: "enterprise.renewals.$loanId",
      name: "request renewal",
      action: enterpriseRenewal.action,
      path: `/enterprise/renewals/${loanToRenew.id}`,
      params: { loanId: loanToRenew.id },
      role: "enterprise",
      form: { amount: "50", termMonths: "12", purpose: "到期续贷", kind: "STANDARD", consent: "on" },
      fields: { amount: "wan", termMonths: "int", purpose: "text", kind: "enum", consent: "flag" },
      required: ["amount", "termMonths", "purpose", "kind", "consent"],
    },
    {
      route: "enterprise.whitelist",
      name: "request",
      action: enterpriseWhitelist.action,
      path: "/enterprise/whitelist",
      role: "enterprise",
      form: { note: "订单增长，希望申请白名单" },
      fields: { note: "optText" },
      required: [],
      // a firm of its own: the main firm's whitelist state is not this case's to change
      cookie: requesterCookie,
    },
    {
      route: "gov.admin._index",
      name: "create account",
      action: govAdmin.action,
      path: "/gov/admin",
      role: "bureau",
      form: {
        username: "hostile-new",
        displayName: "新柜员",
        role: "BANK",
        bankId: bank.id,
        subDistrictId: "",
        mobile: "13912345678",
        password: "",
      },
      fields: { username: "username", displayName: "text", role: "enum", bankId: "id", mobile: "mobile" },
      required: ["username", "displayName", "role"],
      succeeds: [200, 302],
    },
    ...(["disable", "unlock"] as const).map((intent): ActionCase => ({
      route: "gov.admin.accounts.$id",
      name: intent,
      action: govAccount.action,
      path: `/gov/admin/accounts/${managed.id}`,
      params: { id: managed.id },
      role: "bureau",
      form: { intent },
      fields: {},
      required: ["intent"],
    })),
    {
      route: "gov.admin.accounts.$id",
      name: "reset",
      action: govAccount.action,
      path: `/gov/admin/accounts/${managed.id}`,
      params: { id: managed.id },
      role: "bureau",
      form: { intent: "reset", password: "Ruyi#Hostile2026" },
      fields: { password: "password" },
      required: ["intent"],
      succeeds: [200, 302],
    },
    {
      route: "gov.admin.api-clients",
      name: "issue",
      action: govApiClients.action,
      path: "/gov/admin/api-clients",
      role: "bureau",
      form: { intent: "issue", bankId: bank.id, label: "信贷管理系统" },
      fields: { bankId: "id", label: "optText" },
      required: ["intent", "bankId"],
      succeeds: [200],
    },
    {
      route: "gov.admin.api-clients",
      name: "rotate",
      action: govApiClients.action,
      path: "/gov/admin/api-clients",
      role: "bureau",
      form: { intent: "rotate", id: clientToRotate.client.id, graceHours: "24" },
      fields: { id: "id", graceHours: "enum" },
      required: ["intent", "id", "graceHours"],
      succeeds: [200],
    },
    {
      route: "gov.admin.api-clients",
      name: "revoke",
      action: govApiClients.action,
      path: "/gov/admin/api-clients",
      role: "bureau",
      form: { intent: "revoke", id: clientToRevoke.client.id },
      fields: { id: "id" },
      required: ["intent", "id"],
    },
    {
      route: "gov.admin.calendar",
      name: "add",
      action: govCalendar.action,
      path: "/gov/admin/calendar",
      role: "bureau",
      form: { intent: "add", date: addDays(today(), 100), kind: "WORKDAY", note: "调休上班" },
      fields: { date: "day", kind: "enum", note: "optText" },
      required: ["intent", "date", "kind"],
    },
    {
      route: "gov.admin.calendar",
      name: "remove",
      action: govCalendar.action,
      path: "/gov/admin/calendar",
      role: "bureau",
      form: { intent: "remove", id: override.id },
      fields: { id: "id" },
      required: ["intent", "id"],
    },
    {
      route: "bank.webhooks",
      name: "endpoint",
      action: bankWebhooks.action,
      path: "/bank/webhooks",
      role: "bank",
      // a literal public address: no DNS lookup
      form: { intent: "endpoint", url: "https://8.8.8.8/xyd-hooks", events: ["application.submitted"] },
      fields: { url: "url", events: "list" },
      required: ["intent", "url"],
      succeeds: [200],
    },
    {
      route: "bank.webhooks",
      name: "redeliver",
      action: bankWebhooks.action,
      path: "/bank/webhooks",
      role: "bank",
      form: { intent: "redeliver", id: bankDelivery.id },
      fields: { id: "id" },
      required: ["intent", "id"],
    },
    {
      route: "gov.admin.webhooks",
      name: "redeliver",
      action: govWebhooks.action,
      path: "/gov/admin/webhooks",
      role: "bureau",
      form: { intent: "redeliver", id: bureauDelivery.id },
      fields: { id: "id" },
      required: ["intent", "id"],
    },
    {
      route: "gov.admin.jobs._index",
      name: "run",
      action: govJobs.action,
      path: "/gov/admin/jobs",
      role: "bureau",
      form: { intent: "run", job: "prune-job-runs" },
      fields: { job: "enum" },
      required: ["intent", "job"],
      afterValid: settleRunningJobs,
    },
    {
      route: "gov.admin.lpr",
      name: "add",
      action: govLpr.action,
      path: "/gov/admin/lpr",
      role: "bureau",
      form: { intent: "add", effectiveOn: addDays(today(), -3), rate: "3.05" },
      fields: { effectiveOn: "day", rate: "rate" },
      required: ["intent", "effectiveOn", "rate"],
    },
    {
      route: "gov.admin.lpr",
      name: "correct",
      action: govLpr.action,
      path: "/gov/admin/lpr",
      role: "bureau",
      form: { intent: "correct", id: lpr.id, rate: "3.15" },
      fields: { id: "id", rate: "rate" },
      required: ["intent", "id", "rate"],
    },
    {
      route: "gov.admin.organisations",
      name: "createSubDistrict",
      action: govOrganisations.action,
      path: "/gov/admin/organisations",
      role: "bureau",
      form: {
        intent: "createSubDistrict",
        code: "hostile-town",
        name: "测试镇",
        nameEn: "Test Town",
        kind: "TOWN",
      },
      fields: { code: "code", name: "text", nameEn: "text", kind: "enum" },
      required: ["intent", "code", "name", "nameEn", "kind"],
    },
    {
      route: "gov.admin.organisations",
      name: "createBank",
      action: govOrganisations.action,
      path: "/gov/admin/organisations",
      role: "bureau",
      form: { intent: "createBank", code: "HOSTILE", name: "测试银行", nameEn: "Test Bank" },
      fields: { code: "code", name: "text", nameEn: "text" },
      required: ["intent", "code", "name", "nameEn"],
    },
    {
      route: "gov.admin.organisations",
      name: "toggleBank",
      action: govOrganisations.action,
      path: "/gov/admin/organisations",
      role: "bureau",
      form: { intent: "toggleBank", id: (await createBank(db)).id, active: "false" },
      fields: { id: "id", active: "enum" },
      required: ["intent", "id", "active"],
    },
    {
      route: "gov.admin.settings",
      name: "save",
      action: govSettings.action,
      path: "/gov/admin/settings",
      role: "bureau",
      form: Object.fromEntries(SETTING_KEYS.map((key) => [key, String(SETTING_DEFAULTS[key])])),
      fields: Object.fromEntries(SETTING_KEYS.map((key) => [key, "int" as const])),
      required: [...SETTING_KEYS],
    },
    {
      route: "gov.objections.$id",
      name: "accept",
      action: govObjection.action,
      path: `/gov/objections/${toAccept.id}`,
      params: { id: toAccept.id },
      role: "bureau",
      form: { intent: "accept", resolution: "CORRECTED", responseText: "经核实，已更正。" },
      fields: { resolution: "enum", responseText: "text" },
      required: ["intent", "resolution", "responseText"],
    },
    {
      route: "gov.objections.$id",
      name: "reject",
      action: govObjection.action,
      path: `/gov/objections/${toReject.id}`,
      params: { id: toReject.id },
      role: "bureau",
      form: { intent: "reject", responseText: "原记录准确。" },
      fields: { responseText: "text" },
      required: ["intent", "responseText"],
    },
    {
      route: "gov.recommendations.$id",
      name: "accept",
      action: govRecommendation.action,
      path: `/gov/recommendations/${requested.id}`,
      params: { id: requested.id },
      role: "office",
      form: { intent: "accept", reason: "纳税信用A级，订单增长", amount: "200" },
      fields: { reason: "text", amount: "wan" },
      required: ["intent", "reason"],
    },
    {
      route: "gov.recommendations.$id",
      name: "decline",
      action: govRecommendation.action,
      path: `/gov/recommendations/${toDecline.id}`,
      params: { id: toDecline.id },
      role: "office",
      form: { intent: "decline", note: "经营未满一年" },
      fields: { note: "text" },
      required: ["intent", "note"],
    },
    {
      route: "gov.recommendations.$id",
      name: "withdraw",
      action: govRecommendation.action,
      path: `/gov/recommendations/${toWithdraw.id}`,
      params: { id: toWithdraw.id },
      role: "office",
      form: { intent: "withdraw" },
      fields: {},
      required: ["intent"],
    },
    {
      route: "gov.recommendations.new",
      name: "recommend",
      action: govRecommendationNew.action,
      path: "/gov/recommendations/new",
      role: "office",
      form: { enterpriseId: toRecommend.id, reason: "纳税信用A级", amount: "300" },
      fields: { enterpriseId: "id", reason: "text", amount: "wan" },
      required: ["enterpriseId", "reason"],
    },
    {
      route: "gov.review",
      name: "approve",
      action: govReview.action,
      path: "/gov/review",
      role: "bureau",
      form: {
        intent: "approve",
        ids: [toApprove.id],
        batchName: "2026年第二批",
        validFrom: today(),
        validUntil: addDays(today(), 364),
      },
      fields: { ids: "id", batchName: "text", validFrom: "day", validUntil: "day" },
      required: ["intent", "ids", "batchName", "validFrom", "validUntil"],
    },
    {
      route: "gov.review",
      name: "reject",
      action: govReview.action,
      path: "/gov/review",
      role: "bureau",
      form: { intent: "reject", ids: [toRejectInReview.id], reason: "材料不足" },
      fields: { ids: "id", reason: "text" },
      required: ["intent", "ids", "reason"],
    },
    {
      route: "gov.visits",
      name: "log",
      action: govVisits.action,
      path: "/gov/visits",
      role: "office",
      form: {
        enterpriseId: toVisit.id,
        visitedOn: today(),
        findings: "生产正常",
        need: "100",
        nextStep: "推荐产品",
      },
      fields: { enterpriseId: "id", visitedOn: "day", findings: "text", need: "wan", nextStep: "optText" },
      required: ["enterpriseId", "visitedOn", "findings"],
    },
    {
      route: "gov.whitelist.$id",
      name: "revoke",
      action: govWhitelistEntry.action,
      path: `/gov/whitelist/${activeEntry.id}`,
      params: { id: activeEntry.id },
      role: "bureau",
      form: { intent: "revoke", reason: "经营异常" },
      fields: { reason: "text" },
      required: ["intent", "reason"],
    },
    {
      route: "gov.whitelist.$id",
      name: "restore",
      action: govWhitelistEntry.action,
      path: `/gov/whitelist/${suspendedEntry.id}`,
      params: { id: suspendedEntry.id },
      role: "bureau",
      form: { intent: "restore", reason: "已履行" },
      fields: { reason: "text" },
      required: ["intent", "reason"],
    },
    {
      route: "display",
      name: "switch",
      action: display.action,
      path: "/display",
      role: "bank",
      form: { mode: "elder", redirectTo: "/bank" },
      fields: { mode: "enum" },
      required: ["mode"],
    },
    {
      route: "locale",
      name: "switch",
      action: locale.action,
      path: "/locale",
      role: "bank",
      form: { locale: "en", redirectTo: "/bank" },
      fields: { locale: "enum" },
      required: ["locale"],
    },
    {
      route: "login",
      name: "sign in",
      action: login.action,
      path: "/login",
      role: "anonymous",
      form: { username: loginUser.username, password: DEMO_PASSWORD },
      fields: { username: "username", password: "password" },
      required: ["username", "password"],
      // failed sign-ins are recorded, counted (names without an account too) and audited by design
      mayChange: ["LoginAttempt", "User", "AuditLog", "UnknownNameLockout"],
      beforeValid: () =>
        Promise.all([
          db.user.update({ where: { id: loginUser.id }, data: { lockedUntil: null, failedLoginCount: 0 } }),
          db.loginAttempt.deleteMany({}),
          db.unknownNameLockout.deleteMany({}),
        ]),
    },
    {
      route: "logout",
      name: "sign out",
      action: logout.action,
      path: "/logout",
      role: "office",
      form: {},
      fields: {},
      required: [],
      ignoresBody: true,
      // signing out ends the session and is audited
      mayChange: ["Session", "AuditLog"],
    },
    {
      route: "notifications",
      name: "mark read",
      action: notifications.action,
      path: "/notifications",
      role: "office",
      form: {},
      fields: {},
      required: [],
      ignoresBody: true,
      mayChange: ["Notification"],
    },
    {
      route: "products.$id",
      name: "apply",
      action: product.action,
      path: `/products/${forApplying.id}`,
      params: { id: forApplying.id },
      role: "enterprise",
      form: { amount: "50", termMonths: "12", purpose: "采购原材料", consent: "on" },
      fields: { amount: "wan", termMonths: "int", purpose: "text", consent: "flag" },
      required: ["amount", "termMonths", "purpose", "consent"],
    },
    {
      route: "register",
      name: "register",
      action: register.action,
      path: "/register",
      role: "anonymous",
      form: {
        uscc: "91410100MAXYD1001T",
        contactName: "王经理",
        contactMobile: "13812345678",
        sectionCode: "L",
        divisionCode: "",
        subDistrictId: ruyi.id,
        employees: "25",
        revenueWan: "800",
        totalAssetsWan: "600",
        username: "hostile-firm",
        password: "Jinnuo#2026",
        confirmPassword: "Jinnuo#2026",
        commitment: "on",
      },
      fields: {
        uscc: "uscc",
        contactName: "text",
        contactMobile: "mobile",
        sectionCode: "enum",
        subDistrictId: "id",
        employees: "int",
        revenueWan: "int",
        totalAssetsWan: "int",
        username: "username",
        password: "password",
        commitment: "flag",
      },
      required: [
        "uscc",
        "contactName",
        "contactMobile",
        "sectionCode",
        "subDistrictId",
        "employees",
        "revenueWan",
        "totalAssetsWan",
        "username",
        "password",
        "commitment",
      ],
    },
  ];
  return { cases, cookies };
}

/** The cookie a case posts with (a case may carry its own signed-in user). */
export function cookieFor(world: World, c: ActionCase): string | undefined {
  if (c.cookie) return c.cookie;
  return c.role === "anonymous" ? undefined : world.cookies[c.role];
}
