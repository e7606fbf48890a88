export const home = {
  heroTitle: "郑东新区信易贷平台",
  heroBody:
    "企业凭公共信用记录申请银行贷款：授权银行查看信用画像，在线申请、全程可查；乡镇办事处走访推荐，经济发展局审定白名单推送银行。",
  ctaRegister: "企业注册",
  ctaProducts: "浏览金融产品",
  totalsTitle: "平台数据",
  totals: {
    enterprises: "注册企业",
    banks: "合作金融机构",
    products: "在架金融产品",
    disbursed: "累计放款金额",
    enterprisesUnit: "家",
    banksUnit: "家",
    productsUnit: "款",
  },
  howTitle: "怎样办理",
  how: {
    step1Title: "注册与授权",
    step1Body: "输入统一社会信用代码，平台自动带出工商登记信息；签署信用承诺，授权银行查看信用画像。",
    step2Title: "发布需求或申请产品",
    step2Body: "发布融资需求等待银行响应，或直接申请匹配的金融产品。",
    step3Title: "银行审批放款",
    step3Body: "银行在承诺时限内受理、审批、放款，每一步都在申请时间线上可查。",
  },
  featuredProducts: "最新金融产品",
  allProducts: "查看全部产品",
} as const;
