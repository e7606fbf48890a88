import type { Catalog } from "../zh-CN";

export const workspace: Catalog["workspace"] = {
  enterprise: {
    title: "Enterprise workspace",
    profile: "Firm",
    uscc: "Unified social credit code",
    legalRepresentative: "Legal representative",
    subDistrict: "Sub-district",
    industry: "Industry",
    size: "Size",
    whitelist: "Whitelist",
    whitelisted: "Whitelisted (until {until})",
    notWhitelisted: "Not on the whitelist",
    noApplications: "No applications yet. Browse the loan products and apply to one that fits.",
    browseProducts: "Browse loan products",
  },
  bank: {
    title: "Bank workspace",
  },
  gov: {
    officeTitle: "Sub-district office workspace",
    bureauTitle: "Economic Development Bureau workspace",
    firms: "Firms of the sub-district",
    firmsDistrict: "Firms of the district",
    whitelisted: "Whitelisted firms",
    applicationsThisYear: "Applications this year",
    disbursedThisYear: "Disbursed this year",
    newestFirms: "Newest firms",
    noFirms: "No firm of this sub-district has registered yet.",
    registeredOn: "Registered {date}",
  },
};
