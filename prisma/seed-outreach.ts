/**
 * The outreach part of the demo (run by seed.ts after the main data, in one transaction): a few
 * policy notices (public and for banks, one draft, one withdrawn, with their versions), the demo
 * office's invitations at every step of the funnel (open, expired, registered, authorised,
 * applied, disbursed) and two training sessions. Relative imports only (tsx).
 */
import { randomBytes } from "node:crypto";

import type { Prisma } from "@prisma/client";

type Tx = Prisma.TransactionClient;
const DAY_MS = 86_400_000;

const NOTICES = [
  {
    title: "郑东新区“信易贷”工作实施方案（2026年）",
    summary: "以信用信息为基础，为中小微企业提供免抵押、低成本的信用贷款；区财政设立风险补偿资金池。",
    body: [
      "## 一、支持对象",
      "",
      "在郑东新区依法登记、正常经营的中小微企业和个体工商户，纳税信用等级 M 级以上，未列入严重失信主体名单。",
      "",
      "## 二、主要措施",
      "",
      "1. **白名单推荐**：乡镇办事处走访推荐，经济发展局审核后推送全部合作银行；",
      "2. **风险补偿**：对合作银行备案的信用贷款，按本金损失的 80% 给予补偿，单笔最高 500 万元；",
      "3. **时限承诺**：银行 3 个工作日内受理、10 个工作日内作出审批决定。",
      "",
      "## 三、申请方式",
      "",
      "登录平台[注册](/register)后，在[金融产品](/products)中选择产品在线申请。操作方法见[帮助中心](/help)。",
    ].join("\n"),
    audience: "PUBLIC",
    status: "PUBLISHED",
    effectiveDaysAgo: 60,
    links: [{ label: "郑州市信易贷工作方案", url: "https://www.zhengzhou.gov.cn/" }],
    edits: ["郑东新区“信易贷”工作实施方案（征求意见稿）"],
  },
  {
    title: "关于首贷户贴息的通知",
    summary: "2026 年内首次获得银行贷款的企业，按实际支付利息的 30% 给予贴息。",
    body: "## 贴息标准\n\n| 企业规模 | 贴息比例 |\n|---|--:|\n| 微型 | 30% |\n| 小型 | 20% |\n\n放款后 30 日内由银行在平台备案即可。",
    audience: "PUBLIC",
    status: "PUBLISHED",
    effectiveDaysAgo: 20,
    links: [],
    edits: [],
  },
  {
    title: "关于加快贷后预警处置的通知（银行）",
    summary: "贷后预警须在 3 个工作日内确认并填写处置措施，逾期确认将计入银行排行表。",
    body: "各合作银行：\n\n- 请指定专人每日查看**贷后预警**；\n- 确认时选择处置措施，如需提前收回请写明原因。",
    audience: "BANK",
    status: "PUBLISHED",
    effectiveDaysAgo: 10,
    links: [],
    edits: [],
  },
  {
    title: "2027年度白名单推荐工作安排（草稿）",
    summary: "各办事处于 12 月底前完成辖区企业走访和推荐。",
    body: "草稿：待局务会审定后发布。",
    audience: "GOV_OFFICE",
    status: "DRAFT",
    effectiveDaysAgo: -30,
    links: [],
    edits: [],
  },
  {
    title: "关于暂停受理纸质申请材料的通知",
    summary: "已由线上申请替代。",
    body: "本通知已撤回。",
    audience: "PUBLIC",
    status: "WITHDRAWN",
    effectiveDaysAgo: 120,
    links: [],
    edits: [],
  },
] as const;

function code() {
  return randomBytes(16).toString("base64url");
}

export async function seedOutreach(tx: Tx, now: Date) {
  const bureau = await tx.user.findUniqueOrThrow({ where: { username: "bureau" }, select: { id: true } });
  const office = await tx.user.findUniqueOrThrow({
    where: { username: "office" },
    select: { id: true, subDistrictId: true },
  });
  const subDistrictId = office.subDistrictId!;

  let notices = 0;
  for (const notice of NOTICES) {
    const effectiveOn = new Date(now.getTime() - notice.effectiveDaysAgo * DAY_MS);
    const published = notice.status === "DRAFT" ? null : new Date(effectiveOn.getTime() - 2 * DAY_MS);
    const versions = [...notice.edits, notice.title];
    const created = await tx.notice.create({
      data: {
        title: notice.title,
        summary: notice.summary,
        body: notice.body,
        effectiveOn,
        audience: notice.audience,
        links: JSON.stringify(notice.links),
        status: notice.status,
        version: versions.length,
        publishedAt: published,
        withdrawnAt: notice.status === "WITHDRAWN" ? now : null,
        createdById: bureau.id,
      },
    });
    await tx.noticeVersion.createMany({
      data: versions.map((title, i) => ({
        noticeId: created.id,
        version: i + 1,
        title,
        summary: notice.summary,
        body: notice.body,
        effectiveOn,
        audience: notice.audience,
        links: JSON.stringify(notice.links),
        editedById: bureau.id,
        createdAt: new Date((published ?? now).getTime() - (versions.length - i) * DAY_MS),
      })),
    });
    notices += 1;
  }

  // The demo office's firms at each funnel step: registered only, authorised, applied, disbursed.
  const firms = await tx.enterprise.findMany({
    where: { subDistrictId },
    select: {
      id: true,
      name: true,
      uscc: true,
      createdAt: true,
      _count: { select: { authorizations: true, applications: true } },
      applications: { where: { state: "DISBURSED" }, select: { id: true }, take: 1 },
    },
    orderBy: { createdAt: "desc" },
  });
  const pick = (test: (firm: (typeof firms)[number]) => boolean, n: number) => firms.filter(test).slice(0, n);
  const steps = [
    ...pick((f) => f._count.authorizations === 0, 2),
    ...pick((f) => f._count.authorizations > 0 && f._count.applications === 0, 2),
    ...pick((f) => f._count.applications > 0 && f.applications.length === 0, 2),
    ...pick((f) => f.applications.length > 0, 2),
  ];
  const channels = ["VISIT", "PHONE", "EVENT", "WECHAT"];
  let invitations = 0;
  for (const [i, firm] of steps.entries()) {
    const invitedAt = new Date(firm.createdAt.getTime() - (3 + (i % 5) * 2) * DAY_MS);
    await tx.invitation.create({
      data: {
        code: code(),
        subDistrictId,
        createdById: office.id,
        firmName: firm.name,
        uscc: firm.uscc,
        channel: channels[i % channels.length],
        createdAt: invitedAt,
        expiresAt: new Date(invitedAt.getTime() + 90 * DAY_MS),
        enterpriseId: firm.id,
        registeredAt: firm.createdAt,
      },
    });
    invitations += 1;
  }
  // Not registered yet: two open invitations (one naming a firm the mock registry knows) and one expired.
  const open = [
    { firmName: "郑州金诺人力资源服务有限公司", uscc: "91410100MAXYD1001T", daysAgo: 5, channel: "VISIT" },
    { firmName: "河南豫禾农产品贸易有限公司", uscc: null, daysAgo: 12, channel: "EVENT" },
    { firmName: "郑州东风包装材料有限公司", uscc: null, daysAgo: 120, channel: "PHONE" },
  ];
  for (const invitation of open) {
    const createdAt = new Date(now.getTime() - invitation.daysAgo * DAY_MS);
    await tx.invitation.create({
      data: {
        code: code(),
        subDistrictId,
        createdById: office.id,
        firmName: invitation.firmName,
        uscc: invitation.uscc,
        contactName: "王经理",
        contactMobile: "13800000000",
        channel: invitation.channel,
        createdAt,
        expiresAt: new Date(createdAt.getTime() + 90 * DAY_MS),
      },
    });
    invitations += 1;
  }

  const bank = await tx.bank.findUniqueOrThrow({ where: { code: "ZZB" }, select: { id: true } });
  await tx.trainingSession.createMany({
    data: [
      {
        heldOn: new Date(now.getTime() - 40 * DAY_MS),
        topic: "信易贷平台银行端操作培训：受理、审批与贷后",
        audienceRole: "BANK",
        bankId: bank.id,
        organisation: "郑州银行郑东新区支行",
        attendees: 28,
        materialsUrl: "https://www.zhengzhou.gov.cn/",
        createdById: bureau.id,
      },
      {
        heldOn: new Date(now.getTime() - 25 * DAY_MS),
        topic: "乡镇办事处企业走访与邀请操作培训",
        audienceRole: "GOV_OFFICE",
        subDistrictId,
        organisation: "郑东新区经济发展局",
        attendees: 15,
        createdById: bureau.id,
      },
    ],
  });
  return `${notices} notices, ${invitations} invitations, 2 training sessions`;
}
