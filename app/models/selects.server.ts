import type { Prisma } from "@prisma/client";

/**
 * Column sets that several models read of the same row. One definition each, so that a column
 * added to a product's terms or an application's outcome reaches every page and webhook that
 * shows them; each model still adds only what its screen needs around these.
 */

/** The ranges an application or an offer must respect. */
export const productRangesSelect = {
  minAmountYuan: true,
  maxAmountYuan: true,
  minTermMonths: true,
  maxTermMonths: true,
  minRateBp: true,
  maxRateBp: true,
} satisfies Prisma.ProductSelect;

/** A product's terms: what it is, its ranges and who may apply (what eligibility and matching read). */
export const productTermsSelect = {
  type: true,
  guaranteeType: true,
  ...productRangesSelect,
  eligibleSizes: true,
  eligibleSections: true,
  minTaxGrade: true,
  whitelistOnly: true,
} satisfies Prisma.ProductSelect;

/** What the bank decided and paid out on an application. */
export const applicationOutcomeSelect = {
  approvedAmountYuan: true,
  approvedRateBp: true,
  approvedTermMonths: true,
  rejectReason: true,
  rejectText: true,
  disbursedAt: true,
  disbursedAmountYuan: true,
  disbursedRateBp: true,
} satisfies Prisma.ApplicationSelect;

/** An application as a row of a list (the bank's inbox, the firm's applications). */
export const applicationRowSelect = {
  id: true,
  number: true,
  state: true,
  amountYuan: true,
  termMonths: true,
  submittedAt: true,
} satisfies Prisma.ApplicationSelect;

/** An application's own record from request to close, as both sides and the bank API show it. */
export const applicationRecordSelect = {
  ...applicationRowSelect,
  version: true,
  purpose: true,
  whitelisted: true,
  acceptedAt: true,
  decidedAt: true,
  ...applicationOutcomeSelect,
  closedAt: true,
} satisfies Prisma.ApplicationSelect;

/** What a firm asks for in a demand (融资需求). */
export const demandTermsSelect = {
  amountYuan: true,
  termMonths: true,
  purpose: true,
  guaranteeTypes: true,
  rateCeilingBp: true,
  validUntil: true,
} satisfies Prisma.DemandSelect;

/** A demand as a row of a list (the firm's own, a firm's page for the office). */
export const demandRowSelect = {
  id: true,
  amountYuan: true,
  termMonths: true,
  purpose: true,
  status: true,
  validUntil: true,
  createdAt: true,
} satisfies Prisma.DemandSelect;

/** A visit (走访) as a row: what was found and what comes next, and who went. */
export const visitRowSelect = {
  id: true,
  visitedOn: true,
  findings: true,
  needYuan: true,
  nextStep: true,
  user: { select: { displayName: true } },
} satisfies Prisma.VisitSelect;
