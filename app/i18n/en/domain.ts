import type { Catalog } from "../zh-CN";

export const domain: Catalog["domain"] = {
  size: {
    MEDIUM: "Medium",
    SMALL: "Small",
    MICRO: "Micro",
    LARGE: "Large (not an SME)",
  },
  productType: {
    CREDIT: "Credit loan",
    MORTGAGE: "Mortgage loan",
    PLEDGE: "Pledge loan",
    GUARANTEE: "Guaranteed loan",
    SUPPLY_CHAIN: "Supply-chain finance",
  },
  guaranteeType: {
    CREDIT: "Unsecured (credit)",
    MORTGAGE: "Mortgage",
    PLEDGE: "Pledge",
    IP_PLEDGE: "IP pledge",
    GUARANTEE: "Guarantee",
  },
  productStatus: {
    DRAFT: "Draft",
    PUBLISHED: "Published",
    ARCHIVED: "Archived",
  },
  applicationState: {
    SUBMITTED: "Submitted",
    ACCEPTED: "Accepted",
    APPROVED: "Approved",
    DISBURSED: "Disbursed",
    REJECTED: "Rejected",
    WITHDRAWN: "Withdrawn",
    CANCELLED: "Cancelled",
  },
  rejectReason: {
    INSUFFICIENT_CREDIT_HISTORY: "Insufficient credit history",
    HIGH_LEVERAGE: "High leverage",
    NO_COLLATERAL: "No collateral",
    OUTSIDE_PRODUCT_POLICY: "Outside product policy",
    DISHONESTY_LIST: "On a dishonesty list",
    INCOMPLETE_MATERIALS: "Incomplete materials",
    FIRM_DECLINED: "Declined by the firm",
    OTHER: "Other",
  },
  taxGrade: "Tax credit grade {grade}",
  publicRating: "Public credit rating {grade}",
  scope: {
    BASIC: "Basic information",
    FULL: "Full credit profile",
  },
  purpose: {
    PRE_LOAN: "Pre-loan investigation",
    IN_LOAN: "Loan review",
    POST_LOAN: "Post-loan monitoring",
    SELF: "Self-query",
    GOV_SUMMARY: "Government summary view",
  },
  subDistrictKind: {
    OFFICE: "Sub-district office",
    TOWN: "Town",
    PARK: "Park",
  },
};
