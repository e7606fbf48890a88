import type { Catalog } from "../zh-CN";

export const home: Catalog["home"] = {
  heroTitle: "Zhengdong New District Credit-Easy-Loan Portal",
  heroBody:
    "Firms get bank loans on the strength of their public credit record: authorise banks to see your credit profile, apply online and follow every step. Sub-district offices visit and recommend firms; the Economic Development Bureau approves a whitelist that goes to every bank.",
  ctaRegister: "Register a firm",
  ctaProducts: "Browse loan products",
  totalsTitle: "The portal in figures",
  totals: {
    enterprises: "Registered firms",
    banks: "Partner banks",
    products: "Published products",
    disbursed: "Disbursed in total",
    enterprisesUnit: "",
    banksUnit: "",
    productsUnit: "",
  },
  howTitle: "How it works",
  how: {
    step1Title: "Register and authorise",
    step1Body:
      "Type your unified social credit code; the portal fills in your registry data. Sign the credit commitment and authorise banks to see your credit profile.",
    step2Title: "Post a need or apply",
    step2Body: "Post a financing need for banks to answer, or apply directly to a matching loan product.",
    step3Title: "Banks decide and lend",
    step3Body:
      "Banks accept, decide and disburse within the promised deadlines; every step appears on the application's timeline.",
  },
  featuredProducts: "Newest loan products",
  allProducts: "All loan products",
};
