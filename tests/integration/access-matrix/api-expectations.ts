import { createApplication, createEnterprise } from "../../../prisma/factories";
import { db } from "../helpers";

import type { World } from "./world";

/** The matrix's world and the loans the API's loan routes act on. */
export type ApiMatrixWorld = World & { apiLoans: { own: { id: string }; anotherBanks: { id: string } } };

/** A loan of bank 1 (the client's bank) to a firm of its own, and bank 2's loan of A3. */
export async function createApiMatrixWorld(w: World): Promise<ApiMatrixWorld> {
  const firm = await createEnterprise(db, { subDistrictId: w.subDistricts.sd1.id, onDishonestyList: false });
  const application = await createApplication(db, {
    enterpriseId: firm.id,
    productId: w.products.p1.id,
    state: "DISBURSED",
    amountYuan: 600_000,
    grantAuthorization: false,
  });
  const own = await db.loan.findUniqueOrThrow({
    where: { applicationId: application.id },
    select: { id: true },
  });
  const anotherBanks = await db.loan.findUniqueOrThrow({
    where: { applicationId: w.applications.a3.id },
    select: { id: true },
  });
  return { ...w, apiLoans: { own, anotherBanks } };
}

/** One signed request of the API matrix: URL params, query string and JSON body. */
export type ApiTarget = { params?: Record<string, string>; query?: Record<string, string>; body?: unknown };

export type ApiCellSpec = {
  method: "GET" | "POST" | "PUT";
  /** named after their relation to bank 1 (the client's bank): own, another bank's, … */
  targets: (w: ApiMatrixWorld) => Record<string, ApiTarget>;
  /** the targets bank 1's client may reach; every other one must be a 404 like an id of nothing */
  allow: readonly string[];
};

const DAY_MS = 86_400_000;
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const yesterday = () => new Date(Date.now() + 8 * 3_600_000 - DAY_MS).toISOString().slice(0, 10);

/**
 * THE API MATRIX: every /api/v1 route × every method it serves × targets of bank 1, of other
 * banks and of firms that did not authorise it, requested with bank 1's signed client. The test
 * adds a target of nothing to each route with params and fails on a route missing here.
 */
export const API_EXPECTATIONS: Record<string, ApiCellSpec[]> = {
  "routes/api.v1.openapi[.]json": [{ method: "GET", targets: () => ({ document: {} }), allow: ["document"] }],
  "routes/api.v1.applications._index": [
    {
      method: "GET",
      targets: () => ({ all: {}, submitted: { query: { state: "SUBMITTED", limit: "100" } } }),
      allow: ["all", "submitted"],
    },
  ],
  "routes/api.v1.applications.$number": [
    {
      method: "GET",
      targets: (w) => ({
        own: { params: { number: w.applications.a1.number } },
        firmsOtherApplicationToAnotherBank: { params: { number: w.applications.a1b.number } },
        anotherBanks: { params: { number: w.applications.a2.number } },
      }),
      allow: ["own"],
    },
  ],
  "routes/api.v1.applications.$number_.transitions": [
    {
      method: "POST",
      targets: (w) => ({
        own: { params: { number: w.applications.a1.number }, body: { action: "accept", version: 0 } },
        anotherBanks: {
          params: { number: w.applications.a1b.number },
          body: { action: "accept", version: 0 },
        },
        disbursedOfAnotherBank: {
          params: { number: w.applications.a3.number },
          body: { action: "cancel", version: 3, reasonCode: "OTHER", reasonText: "矩阵" },
        },
      }),
      allow: ["own"],
    },
  ],
  "routes/api.v1.enterprises.$uscc.credit-profile": [
    {
      method: "GET",
      targets: (w) => {
        const of = (firm: keyof World["firms"]) => ({
          params: { uscc: w.firms[firm].enterprise.uscc },
          query: { purpose: "PRE_LOAN" },
        });
        return {
          authorisedFull: of("e1"),
          authorisedBasic: of("e7"),
          neverAuthorised: of("e2"),
          authorisedAnotherBank: of("e3"),
          revoked: of("e4"),
          expired: of("e5"),
        };
      },
      allow: ["authorisedFull", "authorisedBasic"],
    },
  ],
  "routes/api.v1.loans._index": [
    {
      method: "GET",
      targets: () => ({ all: {}, active: { query: { status: "ACTIVE", limit: "100" } } }),
      allow: ["all", "active"],
    },
  ],
  "routes/api.v1.loans.$id": [
    {
      method: "GET",
      targets: (w) => ({
        own: { params: { id: w.apiLoans.own.id } },
        anotherBanks: { params: { id: w.apiLoans.anotherBanks.id } },
      }),
      allow: ["own"],
    },
  ],
  "routes/api.v1.loans.$id_.repayments": [
    {
      method: "POST",
      targets: (w) => {
        const body = { paidOn: today(), amount: "1000.00", reference: "MATRIX-REPAYMENT-1" };
        return {
          own: { params: { id: w.apiLoans.own.id }, body },
          anotherBanks: { params: { id: w.apiLoans.anotherBanks.id }, body },
        };
      },
      allow: ["own"],
    },
  ],
  "routes/api.v1.loans.$id_.filing": [
    {
      method: "POST",
      targets: (w) => ({
        own: { params: { id: w.apiLoans.own.id } },
        anotherBanks: { params: { id: w.apiLoans.anotherBanks.id } },
      }),
      allow: ["own"],
    },
  ],
  "routes/api.v1.loans.$id_.claims": [
    {
      method: "POST",
      targets: (w) => {
        const body = { statement: "矩阵代偿", materials: ["借款合同"] };
        return {
          own: { params: { id: w.apiLoans.own.id }, body },
          anotherBanks: { params: { id: w.apiLoans.anotherBanks.id }, body },
        };
      },
      allow: ["own"],
    },
  ],
  "routes/api.v1.products._index": [
    { method: "GET", targets: () => ({ own: {} }), allow: ["own"] },
    {
      method: "POST",
      targets: () => ({
        new: {
          body: {
            name: "矩阵接口产品",
            type: "CREDIT",
            guaranteeType: "CREDIT",
            minAmount: "100000.00",
            maxAmount: "1000000.00",
            minTermMonths: 6,
            maxTermMonths: 24,
            minRateBp: 350,
            maxRateBp: 500,
            eligibleSizes: ["SMALL"],
          },
        },
      }),
      allow: ["new"],
    },
  ],
  "routes/api.v1.products.$id.publish": [
    {
      method: "POST",
      targets: (w) => ({
        ownDraft: { params: { id: w.products.p1Draft.id } },
        anotherBanksDraft: { params: { id: w.products.p2Draft.id } },
        anotherBanksPublished: { params: { id: w.products.p2.id } },
      }),
      allow: ["ownDraft"],
    },
  ],
  "routes/api.v1.products.$id.archive": [
    {
      method: "POST",
      targets: (w) => ({
        ownDraft: { params: { id: w.products.p1Draft.id } },
        anotherBanksDraft: { params: { id: w.products.p2Draft.id } },
        anotherBanksPublished: { params: { id: w.products.p3.id } },
      }),
      allow: ["ownDraft"],
    },
  ],
  "routes/api.v1.demands._index": [
    { method: "GET", targets: () => ({ answerable: {} }), allow: ["answerable"] },
  ],
  "routes/api.v1.demands.$id.offers": [
    {
      method: "POST",
      targets: (w) => {
        const body = { productId: w.products.p1.id, amount: "500000.00", termMonths: 12, rateBp: 400 };
        return {
          authorisingFirms: { params: { id: w.demands.d1.id }, body },
          neverAuthorisedFirms: { params: { id: w.demands.d2.id }, body },
          anotherSubDistrictsFirm: { params: { id: w.demands.d3.id }, body },
          revokedFirms: { params: { id: w.demands.d4.id }, body },
          expiredFirms: { params: { id: w.demands.d5.id }, body },
        };
      },
      allow: ["authorisingFirms"],
    },
  ],
  "routes/api.v1.events": [{ method: "GET", targets: () => ({ own: {} }), allow: ["own"] }],
  "routes/api.v1.webhook-endpoint": [
    {
      method: "PUT",
      // a literal loopback address: private addresses are allowed while MOCKS is on, and no DNS is asked
      targets: () => ({
        own: { body: { url: "https://127.0.0.1:9/hooks", events: ["application.submitted"] } },
      }),
      allow: ["own"],
    },
  ],
  "routes/api.v1.reconciliation.$date": [
    {
      method: "GET",
      targets: () => ({ today: { params: { date: today() } }, yesterday: { params: { date: yesterday() } } }),
      allow: ["today", "yesterday"],
    },
  ],
};
