/**
 * The bank side's fixed lists and page sizes: plain constants, importable by components without
 * pulling the form parsers (and zod) of decision-rules.ts into the browser.
 */

export { PUBLIC_RATINGS, TAX_GRADES } from "./credit-grades";

/** Sizes a product can serve (large firms are not SMEs and never eligible). */
export const PRODUCT_SIZES = ["MEDIUM", "SMALL", "MICRO"] as const;
/** Why a bank officer opens a firm's credit profile (查询用途). */
export const ACCESS_PURPOSES = ["PRE_LOAN", "IN_LOAN", "POST_LOAN"] as const;
export type AccessPurpose = (typeof ACCESS_PURPOSES)[number];
export const DECISION_INTENTS = ["accept", "approve", "reject", "disburse", "cancel"] as const;
export type DecisionIntent = (typeof DECISION_INTENTS)[number];

export const INBOX_PAGE_SIZE = 20;
export const BANK_PRODUCTS_PAGE_SIZE = 20;
export const CANDIDATES_PAGE_SIZE = 20;
export const DEMANDS_PAGE_SIZE = 20;
export const CANDIDATE_SORTS = ["newest", "oldest", "name"] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];
export const OFFER_STATUSES = ["PENDING", "ACCEPTED", "DECLINED", "WITHDRAWN"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
