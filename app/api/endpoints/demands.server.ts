import { yuanToYuanString } from "~/domain/api-money";
import { OFFER_STATUSES } from "~/domain/bank-choices";
import { parseOfferForm } from "~/domain/decision-rules";
import { shanghaiDate } from "~/domain/shanghai-time";
import { createOffer, getOfferableProduct, listAnswerableDemandsAfter } from "~/models/offer.server";

import { nextCursor, positionAfter } from "../cursor.server";
import { defineEndpoint, reply } from "../endpoint.server";
import { ApiError } from "../errors.server";
import { bpToPercentText, renameFields, wholeYuanField, yuanToWanText } from "../form-values";
import { after, day, isoTime, limit, money, page, rateBp, time } from "../wire";
import { z } from "../zod";

/** What a firm asks for, on the wire: in the demands list and in a firm's credit profile. */
export const demandTermsShape = {
  amount: money,
  termMonths: z.number().int(),
  purpose: z.string(),
  guaranteeTypes: z.array(z.string()),
  rateCeilingBp: rateBp.nullable(),
  validUntil: day,
};

export function presentDemandTerms(d: {
  amountYuan: number;
  termMonths: number;
  purpose: string;
  guaranteeTypes: string;
  rateCeilingBp: number | null;
  validUntil: Date;
}) {
  return {
    amount: yuanToYuanString(d.amountYuan),
    termMonths: d.termMonths,
    purpose: d.purpose,
    guaranteeTypes: d.guaranteeTypes.split(",").filter(Boolean),
    rateCeilingBp: d.rateCeilingBp,
    validUntil: shanghaiDate(d.validUntil),
  };
}

const demandSchema = z
  .object({
    id: z.string(),
    enterprise: z.object({ uscc: z.string(), name: z.string(), sectionCode: z.string(), size: z.string() }),
    ...demandTermsShape,
    createdAt: time,
    ownOffers: z.array(z.object({ id: z.string(), status: z.enum(OFFER_STATUSES) })),
  })
  .openapi("Demand");

export const listDemands = defineEndpoint({
  method: "GET",
  path: "/demands",
  operationId: "listDemands",
  tag: "offers",
  summary: "Open demands of the firms that authorise this bank",
  description:
    "Oldest first. Only demands this bank may answer: open, valid today, of a firm with a live authorisation for it.",
  query: z.object({ after, limit }),
  response: page(demandSchema),
  errors: [400],
  examples: [
    {
      summary: "one open demand",
      response: {
        data: [
          {
            id: "cm0demand0000000000000001",
            enterprise: {
              uscc: "91410100MAXYD1001T",
              name: "郑州华信软件有限公司",
              sectionCode: "I",
              size: "SMALL",
            },
            amount: "1000000.00",
            termMonths: 12,
            purpose: "采购原材料",
            guaranteeTypes: ["CREDIT"],
            rateCeilingBp: 500,
            validUntil: "2027-01-31",
            createdAt: "2026-12-06T09:00:00.000+08:00",
            ownOffers: [],
          },
        ],
        next: null,
      },
    },
  ],
  handle: async ({ actor, query, now }) => {
    const rows = await listAnswerableDemandsAfter(actor, {
      after: positionAfter(query.after, "createdAt"),
      limit: query.limit,
      now,
    });
    return reply({
      data: rows.map((d) => ({
        id: d.id,
        enterprise: d.enterprise,
        ...presentDemandTerms(d),
        createdAt: isoTime(d.createdAt),
        ownOffers: d.offers,
      })),
      next: nextCursor(rows, query.limit, "createdAt"),
    });
  },
});

const offerSchema = z
  .object({
    id: z.string(),
    demandId: z.string(),
    productId: z.string(),
    amount: money,
    termMonths: z.number().int(),
    rateBp,
    note: z.string(),
    status: z.enum(OFFER_STATUSES),
  })
  .openapi("Offer");

export const createDemandOffer = defineEndpoint({
  method: "POST",
  path: "/demands/{id}/offers",
  operationId: "createOffer",
  tag: "offers",
  summary: "Answer a demand with an offer of a published product",
  description:
    "The offers page's rules: amount, term and rate inside the product's ranges; one pending offer per demand and product (409 conflict).",
  params: z.object({ id: z.string().max(40) }),
  body: z
    .object({
      productId: z.string().max(40),
      amount: money,
      termMonths: z.number().int(),
      rateBp,
      note: z.string().max(500).default(""),
    })
    .strict()
    .openapi("OfferInput"),
  response: offerSchema,
  successStatus: 201,
  errors: [400, 404, 409, 422],
  examples: [
    {
      summary: "an offer",
      status: 201,
      params: { id: "cm0demand0000000000000001" },
      body: {
        productId: "cm0product000000000000001",
        amount: "1000000.00",
        termMonths: 12,
        rateBp: 420,
        note: "三个工作日内放款",
      },
      response: {
        id: "cm0offer00000000000000001",
        demandId: "cm0demand0000000000000001",
        productId: "cm0product000000000000001",
        amount: "1000000.00",
        termMonths: 12,
        rateBp: 420,
        note: "三个工作日内放款",
        status: "PENDING",
      },
    },
  ],
  handle: async ({ actor, params, body, now }) => {
    const product = await getOfferableProduct(actor, body.productId);
    const amountYuan = wholeYuanField(body.amount, "amount");
    const parsed = parseOfferForm(
      {
        productId: body.productId,
        amount: yuanToWanText(amountYuan),
        term: String(body.termMonths),
        rate: bpToPercentText(body.rateBp),
        note: body.note,
      },
      product,
    );
    if (!parsed.ok)
      throw new ApiError("validation_failed", {
        fields: renameFields(parsed.errors, { term: "termMonths", rate: "rateBp" }),
      });
    const result = await createOffer({ actor, demandId: params.id, input: parsed.data, now });
    if (!result.ok) {
      if (result.error === "NOT_FOUND") throw new ApiError("not_found");
      if (result.error === "PRODUCT_GONE")
        throw new ApiError("validation_failed", {
          fields: { productId: { key: "api.conflicts.productGone" } },
        });
      throw new ApiError("conflict", {
        params: { reason: "offer" },
        fields: { productId: { key: "api.conflicts.offerDuplicate" } },
      });
    }
    return reply(
      {
        id: result.id,
        demandId: params.id,
        productId: parsed.data.productId,
        amount: yuanToYuanString(parsed.data.amountYuan),
        termMonths: parsed.data.termMonths,
        rateBp: parsed.data.rateBp,
        note: parsed.data.note,
        status: "PENDING",
      },
      201,
    );
  },
});
