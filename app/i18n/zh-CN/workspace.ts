/** The three role homes (the journeys fill them in). */
export const workspace = {
  enterprise: {
    title: "企业工作台",
    profile: "企业信息",
    uscc: "统一社会信用代码",
    legalRepresentative: "法定代表人",
    subDistrict: "所属乡镇办",
    industry: "所属行业",
    size: "企业规模",
    whitelist: "白名单",
    whitelisted: "白名单企业（至 {until}）",
    notWhitelisted: "未列入白名单",
    noApplications: "还没有融资申请。浏览金融产品，选择合适的产品在线申请。",
    browseProducts: "浏览金融产品",
  },
  bank: {
    title: "金融机构工作台",
  },
  gov: {
    officeTitle: "乡镇办事处工作台",
    bureauTitle: "经济发展局工作台",
    firms: "辖区企业",
    firmsDistrict: "全区企业",
    whitelisted: "白名单企业",
    applicationsThisYear: "本年融资申请",
    disbursedThisYear: "本年放款金额",
    newestFirms: "最新注册企业",
    noFirms: "辖区内还没有注册企业。",
    registeredOn: "注册于 {date}",
  },
} as const;
