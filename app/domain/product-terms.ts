/** The codes of loan products (shared by the browser and the server). */
export const PRODUCT_TYPES = ["CREDIT", "MORTGAGE", "PLEDGE", "GUARANTEE", "SUPPLY_CHAIN"] as const;
export const GUARANTEE_TYPES = ["CREDIT", "MORTGAGE", "PLEDGE", "IP_PLEDGE", "GUARANTEE"] as const;
export const PRODUCT_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
export const PRODUCT_SORTS = ["newest", "rateAsc", "amountDesc", "termDesc"] as const;

export type ProductType = (typeof PRODUCT_TYPES)[number];
export type GuaranteeType = (typeof GUARANTEE_TYPES)[number];
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export type ProductSort = (typeof PRODUCT_SORTS)[number];
