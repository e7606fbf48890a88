import type { Catalog } from "../zh-CN";

export const loans: Catalog["loans"] = {
  method: {
    EQUAL_INSTALMENT: "Equal instalments",
    EQUAL_PRINCIPAL: "Equal principal",
    INTEREST_MONTHLY: "Monthly interest, principal at maturity",
    BULLET: "Principal and interest at maturity",
  },
  methodHint: {
    EQUAL_INSTALMENT: "The same payment every month",
    EQUAL_PRINCIPAL: "The same principal every month; interest falls month by month",
    INTEREST_MONTHLY: "Interest only every month; all principal at maturity",
    BULLET: "Principal and interest in one payment at maturity (terms up to 12 months)",
  },
  riskClass: {
    NORMAL: "Normal",
    SPECIAL_MENTION: "Special mention",
    SUBSTANDARD: "Substandard",
    DOUBTFUL: "Doubtful",
    LOSS: "Loss",
  },
  status: {
    ACTIVE: "Repaying",
    SETTLED: "Settled",
  },
  settledBy: {
    REPAID: "Repaid",
    RENEWED: "Settled by renewal",
  },
  renewalKind: {
    STANDARD: "Renewal",
    WITHOUT_PRINCIPAL_REPAYMENT: "Renewal without repaying principal",
  },
  repaymentKind: {
    INSTALMENT: "Instalment",
    PREPAYMENT: "Early principal",
    SETTLEMENT: "Settlement",
  },
  channel: {
    PORTAL: "Entered on the portal",
    API: "Bank system (API)",
    RENEWAL: "Renewal",
  },
  band: {
    "0": "Not overdue",
    "1-30": "1–30 days overdue",
    "31-60": "31–60 days overdue",
    "61-90": "61–90 days overdue",
    "91-180": "91–180 days overdue",
    "181-360": "181–360 days overdue",
    "361+": "Over 360 days overdue",
  },
  borrower: {
    FIRST: "First loan",
    REPEAT: "Repeat borrower",
  },
  decision: {
    repaymentMethod: "Repayment method",
    repaymentMethodHint: "The repayment schedule is built with this method at disbursement",
  },
  productForm: {
    noDefault: "Chosen at disbursement",
  },
  errors: {
    bulletTerm: "Principal and interest at maturity is only for loans of {max} months or less",
    invalidTerms: "These loan terms give no repayment schedule; check the term and the repayment method",
    paidOnInvalid: "Enter a valid repayment date",
    paidOnFuture: "The repayment date cannot be after today",
    paidOnBeforeDisbursement: "The repayment date cannot be before the disbursement date",
    paidOnBeforeLast: "The repayment date cannot be before the latest repayment already recorded",
    amountInvalid: "Enter an amount in yuan with at most two decimals",
    amountNotPositive: "The amount must be more than 0",
    amountTooHigh: "More than everything owed on that day (at most {max})",
    nothingOwed: "This loan is settled; nothing is owed",
    referenceDuplicate: "This reference has been recorded already; check it",
    referenceInvalid: "The reference is 1–64 letters, digits or - _ . /",
    classBetter: "The class cannot be better than the floor set by the days past due ({floor})",
    settled: "This loan is settled",
    stale: "This loan has just changed; check it and submit again",
  },
};
