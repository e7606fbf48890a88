/**
 * Invented but realistic demo content for the seed: each bank's loan products, the people
 * behind the demo accounts, and the phrases that fill purposes, visits and reviews.
 */
import type { RejectReason } from "../app/domain/application-machine";
import type { EnterpriseSize } from "../app/domain/enterprise-size";
import type { SectionCode } from "../app/domain/industry";
import type { GuaranteeType, ProductStatus, ProductType, TaxGradeValue } from "./factories";

export interface ProductSeed {
  name: string;
  type: ProductType;
  guaranteeType: GuaranteeType;
  /** 万元 */
  amountWan: [min: number, max: number];
  termMonths: [min: number, max: number];
  /** basis points */
  rateBp: [min: number, max: number];
  sizes?: EnterpriseSize[];
  sections?: SectionCode[];
  minTaxGrade?: TaxGradeValue;
  whitelistOnly?: boolean;
  status?: ProductStatus;
  /** YYYY-MM-DD (Shanghai) of publication; archivedOn for ARCHIVED */
  publishedOn?: string;
  archivedOn?: string;
  description: string;
}

const TECH: SectionCode[] = ["C", "I", "M"];

/** Products by bank code (reference-data BANKS). */
export const PRODUCTS: Readonly<Record<string, readonly ProductSeed[]>> = {
  ZZB: [
    {
      name: "郑e税贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 12],
      rateBp: [345, 550],
      minTaxGrade: "B",
      publishedOn: "2025-06-03",
      description: "以纳税信用为依据的纯信用贷款，线上申请、随借随还，纳税信用B级及以上可申请。",
    },
    {
      name: "商鼎科创贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [50, 1000],
      termMonths: [12, 36],
      rateBp: [360, 580],
      sections: TECH,
      publishedOn: "2025-07-15",
      description: "面向科技型中小企业的信用贷款，参考知识产权、研发投入和订单情况综合授信。",
    },
    {
      name: "鼎融白名单贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [30, 500],
      termMonths: [12, 24],
      rateBp: [330, 480],
      whitelistOnly: true,
      publishedOn: "2026-03-20",
      description: "专项支持区融资协调机制推荐清单（白名单）企业，优先审批、利率优惠。",
    },
    {
      name: "鼎信房抵贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [100, 1000],
      termMonths: [12, 36],
      rateBp: [350, 490],
      publishedOn: "2025-06-03",
      description: "以企业或实际控制人名下住房、商铺、厂房抵押，抵押率最高70%。",
    },
    {
      name: "鼎链e融",
      type: "SUPPLY_CHAIN",
      guaranteeType: "CREDIT",
      amountWan: [20, 800],
      termMonths: [6, 12],
      rateBp: [380, 600],
      sections: ["C", "F", "G"],
      status: "DRAFT",
      description: "基于核心企业应付账款确权的供应链融资，在线提款。",
    },
  ],
  ZZRCB: [
    {
      name: "郑农商税易贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 200],
      termMonths: [6, 12],
      rateBp: [385, 650],
      minTaxGrade: "B",
      publishedOn: "2025-06-10",
      description: "依据近两年纳税数据核定额度的信用贷款，最快当日放款。",
    },
    {
      name: "金燕创业贷",
      type: "GUARANTEE",
      guaranteeType: "GUARANTEE",
      amountWan: [10, 300],
      termMonths: [12, 36],
      rateBp: [400, 680],
      publishedOn: "2025-06-10",
      description: "由政府性融资担保机构提供担保，支持初创期小微企业。",
    },
    {
      name: "惠农助企贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 100],
      termMonths: [6, 24],
      rateBp: [420, 750],
      sizes: ["SMALL", "MICRO"],
      sections: ["A", "C", "F"],
      publishedOn: "2025-08-01",
      description: "服务涉农及农产品加工、流通小微企业的信用贷款。",
    },
    {
      name: "郑农商流水贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 150],
      termMonths: [6, 12],
      rateBp: [450, 780],
      sizes: ["SMALL", "MICRO"],
      publishedOn: "2025-09-01",
      description: "按企业近12个月结算流水核定额度，无需抵押。",
    },
    {
      name: "农商房易贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [50, 800],
      termMonths: [12, 36],
      rateBp: [395, 560],
      status: "ARCHIVED",
      publishedOn: "2025-06-10",
      archivedOn: "2026-06-30",
      description: "房产抵押经营贷款（已由新版产品替代）。",
    },
  ],
  ZYB: [
    {
      name: "中原科创贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [50, 1000],
      termMonths: [12, 36],
      rateBp: [355, 550],
      sections: TECH,
      publishedOn: "2025-06-18",
      description: "面向高新技术企业、专精特新企业的信用贷款，可叠加知识产权增信。",
    },
    {
      name: "中原税e贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 12],
      rateBp: [365, 580],
      minTaxGrade: "B",
      publishedOn: "2025-06-18",
      description: "基于纳税信用的线上信用贷款，授权查询纳税数据后自动测额。",
    },
    {
      name: "中原知产贷",
      type: "PLEDGE",
      guaranteeType: "IP_PLEDGE",
      amountWan: [100, 1000],
      termMonths: [12, 36],
      rateBp: [370, 520],
      sections: TECH,
      publishedOn: "2025-09-10",
      description: "以发明专利、商标专用权质押，评估费由银行承担。",
    },
    {
      name: "中原政采贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 500],
      termMonths: [6, 12],
      rateBp: [390, 600],
      status: "DRAFT",
      description: "凭政府采购中标（成交）通知书申请的信用贷款。",
    },
  ],
  CCB: [
    {
      name: "建融税易贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 12],
      rateBp: [345, 480],
      minTaxGrade: "B",
      publishedOn: "2025-06-05",
      description: "纳税信用B级及以上企业的线上信用贷款，随借随还、按日计息。",
    },
    {
      name: "建融抵押快贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [50, 1000],
      termMonths: [12, 36],
      rateBp: [340, 460],
      publishedOn: "2025-06-05",
      description: "以住房、商业用房抵押，线上评估、最快三个工作日放款。",
    },
    {
      name: "建融科技贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [100, 1000],
      termMonths: [12, 36],
      rateBp: [335, 450],
      sections: TECH,
      whitelistOnly: true,
      publishedOn: "2026-03-25",
      description: "面向白名单内科技型企业的中长期信用贷款。",
    },
    {
      name: "建融链捷贷",
      type: "SUPPLY_CHAIN",
      guaranteeType: "PLEDGE",
      amountWan: [20, 500],
      termMonths: [6, 12],
      rateBp: [360, 500],
      sections: ["C", "F", "G"],
      publishedOn: "2025-10-20",
      description: "以应收账款质押的供应链融资，核心企业确权后在线放款。",
    },
  ],
  ICBC: [
    {
      name: "工银经营快贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 12],
      rateBp: [340, 480],
      minTaxGrade: "B",
      publishedOn: "2025-06-12",
      description: "依据结算、纳税等数据核定额度的线上信用贷款。",
    },
    {
      name: "工银抵押e贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [100, 1000],
      termMonths: [12, 36],
      rateBp: [335, 450],
      publishedOn: "2025-06-12",
      description: "房产抵押经营性贷款，额度最高1000万元。",
    },
    {
      name: "工银科创积分贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [50, 800],
      termMonths: [12, 36],
      rateBp: [330, 460],
      sections: TECH,
      whitelistOnly: true,
      publishedOn: "2026-04-01",
      description: "按科创积分核定额度，专供推荐清单（白名单）企业。",
    },
    {
      name: "工银链融贷",
      type: "SUPPLY_CHAIN",
      guaranteeType: "CREDIT",
      amountWan: [20, 600],
      termMonths: [6, 12],
      rateBp: [360, 520],
      status: "ARCHIVED",
      publishedOn: "2025-06-12",
      archivedOn: "2026-08-31",
      description: "核心企业上游供应商融资（已下架）。",
    },
  ],
  CITIC: [
    {
      name: "信e税融",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 24],
      rateBp: [380, 600],
      minTaxGrade: "B",
      publishedOn: "2025-07-01",
      description: "纳税信用贷款，最长两年，可循环使用。",
    },
    {
      name: "中信科技e贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [100, 1000],
      termMonths: [12, 36],
      rateBp: [370, 550],
      sections: TECH,
      publishedOn: "2025-07-01",
      description: "支持研发投入较高的科技型企业，参考知识产权与研发费用。",
    },
    {
      name: "信保通担保贷",
      type: "GUARANTEE",
      guaranteeType: "GUARANTEE",
      amountWan: [50, 500],
      termMonths: [12, 24],
      rateBp: [420, 650],
      publishedOn: "2025-07-01",
      description: "与郑州市中小企业融资担保机构合作，担保费率不高于1%。",
    },
  ],
  HXB: [
    {
      name: "华夏龙舟税贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 200],
      termMonths: [6, 12],
      rateBp: [390, 620],
      minTaxGrade: "A",
      publishedOn: "2025-07-08",
      description: "纳税信用A级企业专享，纯信用、线上办理。",
    },
    {
      name: "华夏知产贷",
      type: "PLEDGE",
      guaranteeType: "IP_PLEDGE",
      amountWan: [100, 800],
      termMonths: [12, 36],
      rateBp: [385, 560],
      publishedOn: "2025-07-08",
      description: "以专利权、商标权质押的贷款，支持专利组合评估。",
    },
    {
      name: "华夏应收融",
      type: "SUPPLY_CHAIN",
      guaranteeType: "PLEDGE",
      amountWan: [20, 500],
      termMonths: [6, 12],
      rateBp: [400, 600],
      sections: ["C", "E", "F"],
      publishedOn: "2025-08-15",
      description: "应收账款质押融资，支持政府及国企应收账款。",
    },
    {
      name: "华夏普惠抵押贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [50, 600],
      termMonths: [12, 36],
      rateBp: [380, 520],
      status: "DRAFT",
      description: "普惠型房产抵押贷款（筹备中）。",
    },
  ],
  CEB: [
    {
      name: "光大阳光税贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 12],
      rateBp: [385, 600],
      minTaxGrade: "B",
      publishedOn: "2025-07-20",
      description: "基于纳税信用的线上贷款，额度最高300万元。",
    },
    {
      name: "光大阳光抵押贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [50, 1000],
      termMonths: [12, 36],
      rateBp: [370, 500],
      publishedOn: "2025-07-20",
      description: "房产抵押经营贷，支持先抵后贷。",
    },
    {
      name: "光大科创担保贷",
      type: "GUARANTEE",
      guaranteeType: "GUARANTEE",
      amountWan: [50, 500],
      termMonths: [12, 36],
      rateBp: [410, 650],
      sections: TECH,
      publishedOn: "2025-09-01",
      description: "科技型企业担保贷款，政府性担保机构分险。",
    },
  ],
  CZB: [
    {
      name: "浙商订单贷",
      type: "SUPPLY_CHAIN",
      guaranteeType: "CREDIT",
      amountWan: [20, 500],
      termMonths: [6, 12],
      rateBp: [420, 680],
      sections: ["C", "F"],
      publishedOn: "2025-08-05",
      description: "凭真实采购订单融资，回款自动还款。",
    },
    {
      name: "浙商人才贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [50, 800],
      termMonths: [12, 36],
      rateBp: [390, 580],
      whitelistOnly: true,
      publishedOn: "2026-04-10",
      description: "面向白名单内高层次人才创办企业的信用贷款。",
    },
    {
      name: "浙商仓单贷",
      type: "PLEDGE",
      guaranteeType: "PLEDGE",
      amountWan: [50, 1000],
      termMonths: [6, 12],
      rateBp: [400, 620],
      sections: ["C", "F", "G"],
      publishedOn: "2025-08-05",
      description: "以标准仓单、存货质押融资，适合大宗商品贸易与仓储企业。",
    },
    {
      name: "浙商小微信用贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 100],
      termMonths: [6, 12],
      rateBp: [450, 800],
      sizes: ["SMALL", "MICRO"],
      status: "ARCHIVED",
      publishedOn: "2025-08-05",
      archivedOn: "2026-05-31",
      description: "小微企业信用贷款（已下架）。",
    },
  ],
  CIB: [
    {
      name: "兴速贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [10, 300],
      termMonths: [6, 12],
      rateBp: [390, 600],
      minTaxGrade: "B",
      publishedOn: "2025-08-20",
      description: "线上信用贷款，基于纳税与结算数据自动审批。",
    },
    {
      name: "兴业技术流贷",
      type: "CREDIT",
      guaranteeType: "CREDIT",
      amountWan: [100, 1000],
      termMonths: [12, 36],
      rateBp: [375, 560],
      sections: TECH,
      publishedOn: "2025-08-20",
      description: "以技术实力评价（技术流）为核心的科技企业信用贷款。",
    },
    {
      name: "兴业抵押快贷",
      type: "MORTGAGE",
      guaranteeType: "MORTGAGE",
      amountWan: [50, 800],
      termMonths: [12, 36],
      rateBp: [370, 500],
      publishedOn: "2025-08-20",
      description: "房产抵押经营贷，支持二次抵押。",
    },
    {
      name: "兴业担保通",
      type: "GUARANTEE",
      guaranteeType: "GUARANTEE",
      amountWan: [20, 500],
      termMonths: [12, 36],
      rateBp: [430, 720],
      publishedOn: "2025-08-20",
      description: "与政府性融资担保机构合作的担保贷款。",
    },
  ],
};

/** The people behind the fixed accounts. */
export const BUREAU_NAME = "王建国";
export const OFFICE_NAMES: Readonly<Record<string, string>> = {
  ruyihu: "李秀梅",
  boxuelu: "赵志刚",
  longzihu: "孙丽娟",
  shangdulu: "周海涛",
  longhu: "吴晓燕",
  jichenglu: "郑振华",
  jinguanglu: "冯雪",
  baisha: "陈国强",
};
export const OFFICER_NAMES: Readonly<Record<string, string>> = {
  ZZB: "张伟",
  ZZRCB: "刘洋",
  ZYB: "杨帆",
  CCB: "黄磊",
  ICBC: "徐静",
  CITIC: "马超",
  HXB: "朱婷",
  CEB: "胡斌",
  CZB: "郭佳",
  CIB: "何鹏",
};

export const SURNAMES =
  "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶";
export const GIVEN = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华鹏飞斌宇浩凯琳婷峰辉雪梅晨阳";

export const APPLICATION_PURPOSES = [
  "采购原材料，补充流动资金",
  "支付供应商货款",
  "新增生产设备",
  "研发投入及人员工资",
  "承接政府采购项目备货",
  "支付工程项目前期费用",
  "扩大门店经营规模",
  "仓储物流设施改造",
  "旺季备货",
  "偿还到期的民间借款，降低融资成本",
  "软件项目开发投入",
  "厂房装修及设备安装",
];

export const DEMAND_PURPOSES = [
  "订单增长，需补充流动资金",
  "计划新增一条生产线",
  "承接大额项目，需垫付前期成本",
  "研发投入加大，现金流趋紧",
  "季节性备货",
  "置换高成本融资",
];

/** Reasons with their relative weights; OTHER carries one of OTHER_REJECT_TEXTS. */
export const REJECT_REASON_WEIGHTS: Partial<Record<RejectReason, number>> = {
  INSUFFICIENT_CREDIT_HISTORY: 22,
  HIGH_LEVERAGE: 17,
  NO_COLLATERAL: 15,
  OUTSIDE_PRODUCT_POLICY: 10,
  INCOMPLETE_MATERIALS: 14,
  FIRM_DECLINED: 4,
  OTHER: 9,
};

export const OTHER_REJECT_TEXTS = [
  "近6个月结算流水不足，月均流水低于申请金额的20%",
  "实际控制人个人征信存在逾期记录",
  "申请用途与经营范围不符",
  "关联企业存在未结清的不良贷款",
  "经营场所为临时租赁，租期不足一年",
];

export const CANCEL_TEXTS = [
  "企业已通过其他渠道解决资金需求",
  "审批金额低于企业预期，企业放弃",
  "抵押物评估价值下降，银行取消授信",
];

export const VISIT_FINDINGS = [
  "企业生产经营正常，订单较去年同期增长约两成，流动资金偏紧。",
  "企业新获一项发明专利授权，计划扩大研发团队，有中长期融资需求。",
  "受上游原材料涨价影响，毛利下降，希望获得低成本信用贷款。",
  "企业承接了区内政府采购项目，需要垫资，已介绍信易贷平台申请流程。",
  "企业经营稳定，暂无融资需求，已宣传白名单政策。",
  "企业此前申请贷款被拒，原因是缺少抵押物，建议对接政府性融资担保。",
  "企业纳税信用等级为A，符合白名单推荐条件，拟纳入申报清单。",
  "企业反映银行审批时间较长，已将情况反馈至经发局。",
  "新入驻企业，尚未开立对公结算账户以外的银行业务，属首贷户培育对象。",
  "企业存在社保欠缴情况，已提醒尽快补缴以免影响信用评价。",
];

export const VISIT_NEXT_STEPS = [
  "推荐至白名单申报清单",
  "对接合作银行客户经理",
  "协助补充纳税证明材料",
  "三个月后回访",
  "指导企业在平台发布融资需求",
  "协调担保公司提供增信",
  "",
];

export const RECOMMENDATION_REASONS = [
  "纳税信用A级，近三年无行政处罚，订单充足，有扩产融资需求",
  "科技型中小企业，拥有多项发明专利，研发投入占比高",
  "区重点培育企业，经营稳定，吸纳就业较多",
  "首贷户培育对象，经营正常，缺少抵押物",
  "专精特新企业，产品进入龙头企业供应链",
];

export const REQUEST_NOTES = [
  "我司计划明年扩大产能，希望纳入白名单以获得优惠利率。",
  "申请推荐进入白名单，我司纳税信用等级为A级。",
  "企业订单增长，资金缺口约300万元，恳请办事处推荐。",
];

export const REJECTION_NOTES = [
  "纳税信用等级为C，暂不符合推荐条件",
  "近三年存在未修复的行政处罚记录",
  "申报营业收入与纳税数据差异较大，请核实后重新申报",
  "企业成立不足一年，经营数据不足，建议明年再申报",
];
