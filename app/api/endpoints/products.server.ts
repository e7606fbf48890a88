import { yuanToYuanString } from "~/domain/api-money";
import { PRODUCT_SIZES } from "~/domain/bank-choices";
import { TAX_GRADES } from "~/domain/credit-grades";
import { parseProductForm } from "~/domain/decision-rules";
import { SECTION_CODES } from "~/domain/industry";
import { GUARANTEE_TYPES, PRODUCT_STATUSES, PRODUCT_TYPES } from "~/domain/product-terms";
import {
  changeBankProductStatus,
  createBankProduct,
  getBankProduct,
  listBankProductsAfter,
  type BankProduct,
} from "~/models/bank-product.server";

import { nextCursor, positionAfter } from "../cursor.server";
import { defineEndpoint, reply, type ApiCall } from "../endpoint.server";
import { ApiError } from "../errors.server";
import { bpToPercentText, renameFields, wholeYuanField, yuanToWanText } from "../form-values";
import { after, isoTime, limit, money, page, rateBp, time } from "../wire";
import { z } from "../zod";

/** A product's kind and ranges on the wire, as it is answered and as it is sent. */
const productTermsShape = {
  type: z.enum(PRODUCT_TYPES),
  guaranteeType: z.enum(GUARANTEE_TYPES),
  minAmount: money,
  maxAmount: money,
  minTermMonths: z.number().int(),
  maxTermMonths: z.number().int(),
  minRateBp: rateBp,
  maxRateBp: rateBp,
};

export const productSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    ...productTermsShape,
    eligibleSizes: z.array(z.enum(PRODUCT_SIZES)),
    eligibleSections: z.array(z.string()),
    minTaxGrade: z.enum(TAX_GRADES).nullable(),
    whitelistOnly: z.boolean(),
    description: z.string(),
    status: z.enum(PRODUCT_STATUSES),
    version: z.number().int(),
    previousVersionId: z.string().nullable(),
    publishedAt: time.nullable(),
    archivedAt: time.nullable(),
    updatedAt: time,
  })
  .openapi("Product");

function presentProduct(p: BankProduct) {
  return {
    id: p.id,
    name: p.name,
    type: p.type,
    guaranteeType: p.guaranteeType,
    minAmount: yuanToYuanString(p.minAmountYuan),
    maxAmount: yuanToYuanString(p.maxAmountYuan),
    minTermMonths: p.minTermMonths,
    maxTermMonths: p.maxTermMonths,
    minRateBp: p.minRateBp,
    maxRateBp: p.maxRateBp,
    eligibleSizes: p.eligibleSizes.split(",").filter(Boolean),
    eligibleSections: p.eligibleSections.split(",").filter(Boolean),
    minTaxGrade: p.minTaxGrade,
    whitelistOnly: p.whitelistOnly,
    description: p.description,
    status: p.status,
    version: p.version,
    previousVersionId: p.previousVersionId,
    publishedAt: isoTime(p.publishedAt),
    archivedAt: isoTime(p.archivedAt),
    updatedAt: isoTime(p.updatedAt),
  };
}

/** The terms of the examples: the body that creates the product and the product it answers. */
const exampleTerms = {
  name: "郑银信用贷",
  type: "CREDIT",
  guaranteeType: "CREDIT",
  minAmount: "100000.00",
  maxAmount: "3000000.00",
  minTermMonths: 6,
  maxTermMonths: 36,
  minRateBp: 350,
  maxRateBp: 600,
  eligibleSizes: ["SMALL", "MICRO"],
};

const exampleProduct = {
  id: "cm0product000000000000001",
  ...exampleTerms,
  eligibleSections: [],
  minTaxGrade: "B",
  whitelistOnly: false,
  description: "纯信用，随借随还",
  status: "DRAFT",
  version: 1,
  previousVersionId: null,
  publishedAt: null,
  archivedAt: null,
  updatedAt: "2026-12-06T09:00:00.000+08:00",
};

export const listProducts = defineEndpoint({
  method: "GET",
  path: "/products",
  operationId: "listProducts",
  tag: "products",
  summary: "The bank's own products",
  query: z.object({ status: z.enum(PRODUCT_STATUSES).optional(), after, limit }),
  response: page(productSchema),
  errors: [400],
  examples: [
    {
      summary: "published products",
      query: { status: "PUBLISHED" },
      response: { data: [exampleProduct], next: null },
    },
  ],
  handle: async ({ actor, query }) => {
    const rows = await listBankProductsAfter(actor, {
      status: query.status,
      after: positionAfter(query.after, "createdAt"),
      limit: query.limit,
    });
    return reply({
      data: rows.map(presentProduct),
      next: nextCursor(rows, query.limit, "createdAt"),
    });
  },
});

const productBody = z
  .object({
    name: z.string().max(100),
    ...productTermsShape,
    eligibleSizes: z.array(z.enum(PRODUCT_SIZES)).max(3),
    eligibleSections: z.array(z.enum(SECTION_CODES)).max(SECTION_CODES.length).default([]),
    minTaxGrade: z.enum(TAX_GRADES).nullable().default(null),
    whitelistOnly: z.boolean().default(false),
    description: z.string().max(2000).default(""),
  })
  .strict()
  .openapi("ProductInput");

const PRODUCT_FIELDS = {
  minAmount: "minAmount",
  maxAmount: "maxAmount",
  minTerm: "minTermMonths",
  maxTerm: "maxTermMonths",
  minRate: "minRateBp",
  maxRate: "maxRateBp",
};

/** A key for the product table's unique formKey: the same API request cannot create two products. */
function formKeyOf(idempotencyKey: string | null) {
  return idempotencyKey ? `api-${idempotencyKey.slice(0, 32)}` : null;
}

async function productView(call: Pick<ApiCall<unknown, unknown, unknown>, "actor">, id: string) {
  const product = await getBankProduct({ id, actor: call.actor });
  if (!product) throw new ApiError("not_found");
  return presentProduct(product);
}

export const createProduct = defineEndpoint({
  method: "POST",
  path: "/products",
  operationId: "createProduct",
  tag: "products",
  summary: "Create a product (as a draft)",
  description:
    "The product form's rules: ranges min ≤ max, amounts in whole 元, rates 0–3600 bp, at least one size.",
  body: productBody,
  response: productSchema,
  successStatus: 201,
  errors: [400, 422],
  examples: [
    {
      summary: "a credit loan for small and micro firms",
      status: 201,
      body: {
        ...exampleTerms,
        minTaxGrade: "B",
        description: "纯信用，随借随还",
      },
      response: exampleProduct,
    },
  ],
  handle: async (call) => {
    const b = call.body;
    const values = {
      name: b.name,
      type: b.type,
      guaranteeType: b.guaranteeType,
      minAmount: yuanToWanText(wholeYuanField(b.minAmount, "minAmount")),
      maxAmount: yuanToWanText(wholeYuanField(b.maxAmount, "maxAmount")),
      minTerm: String(b.minTermMonths),
      maxTerm: String(b.maxTermMonths),
      minRate: bpToPercentText(b.minRateBp),
      maxRate: bpToPercentText(b.maxRateBp),
      eligibleSizes: b.eligibleSizes,
      eligibleSections: b.eligibleSections,
      minTaxGrade: b.minTaxGrade ?? "",
      whitelistOnly: b.whitelistOnly ? "true" : "",
      description: b.description,
    };
    const parsed = parseProductForm(values);
    if (!parsed.ok)
      throw new ApiError("validation_failed", { fields: renameFields(parsed.errors, PRODUCT_FIELDS) });
    const created = await createBankProduct(call.actor, parsed.data, formKeyOf(call.idempotencyKey));
    if (!created.ok) throw new ApiError("idempotency_key_reused");
    return reply(await productView(call, created.row.id), 201);
  },
});

const productParams = z.object({ id: z.string().max(40) });

function statusEndpoint(move: "publish" | "archive") {
  return defineEndpoint({
    method: "POST",
    path: `/products/{id}/${move}`,
    operationId: `${move}Product`,
    tag: "products",
    summary: move === "publish" ? "Publish a draft product" : "Archive a product (its applications keep it)",
    params: productParams,
    response: productSchema,
    errors: [404, 409],
    examples: [
      {
        summary: move,
        params: { id: exampleProduct.id },
        response:
          move === "publish"
            ? { ...exampleProduct, status: "PUBLISHED", publishedAt: "2026-12-06T10:00:00.000+08:00" }
            : { ...exampleProduct, status: "ARCHIVED", archivedAt: "2026-12-06T10:00:00.000+08:00" },
      },
    ],
    handle: async (call) => {
      const result = await changeBankProductStatus({
        id: call.params.id,
        actor: call.actor,
        move,
        now: call.now,
      });
      if (!result.ok) {
        if (result.error === "NOT_FOUND") throw new ApiError("not_found");
        throw new ApiError("invalid_transition");
      }
      return reply(await productView(call, call.params.id));
    },
  });
}

export const publishProduct = statusEndpoint("publish");
export const archiveProduct = statusEndpoint("archive");
