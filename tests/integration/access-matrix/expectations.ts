import {
  ANYONE,
  BANK,
  BUREAU,
  ENTERPRISE,
  GOV,
  OFFICE,
  SIGNED_IN,
  type RouteSpec,
  type Targets,
} from "./spec";

const DAY_MS = 86_400_000;
/** A Shanghai day `offset` days from today, YYYY-MM-DD. */
const day = (offset = 0) => new Date(Date.now() + 8 * 3_600_000 + offset * DAY_MS).toISOString().slice(0, 10);

const productForm = () => ({
  name: "矩阵测试产品",
  type: "CREDIT",
  guaranteeType: "CREDIT",
  minAmount: "10",
  maxAmount: "500",
  minTerm: "6",
  maxTerm: "36",
  minRate: "3.50",
  maxRate: "6.00",
  eligibleSizes: ["SMALL", "MICRO"],
  description: "矩阵测试",
});
const demandForm = () => ({
  amount: "100",
  termMonths: "12",
  purpose: "矩阵测试的资金用途",
  guaranteeTypes: "CREDIT",
  rateCeiling: "6.00",
  validUntil: day(30),
});

const noticeForm = () => ({
  title: "矩阵测试通知",
  summary: "矩阵测试",
  body: "矩阵测试的正文",
  effectiveOn: day(),
  audience: "PUBLIC",
});

/** An offer on the firm's own demand, on another firm's demand, and another firm's offer via its own. */
const decideTargets =
  (offer: "offer1" | "offer2"): Targets =>
  (w) => ({
    own: { params: { id: w.demands.d1.id }, fields: { offerId: w.offers[offer].id } },
    anotherFirms: { params: { id: w.demands.d2.id }, fields: { offerId: w.offers.offer3.id } },
    anotherFirmsOfferViaOwnDemand: {
      params: { id: w.demands.d1.id },
      fields: { offerId: w.offers.offer3.id },
    },
  });

/**
 * A loan of the requester's own (E1's at bank 1), another bank's loan to a firm of the other
 * sub-district (A3: bank 2, E3), and another bank's loan in the office's sub-district (A4: bank 3, E4).
 */
const loanTargets: Targets = (w) => ({
  own: { params: { id: w.loans.own.id } },
  anotherBanksOtherSubDistrict: { params: { id: w.loans.bank2.id } },
  anotherBanksSameSubDistrict: { params: { id: w.loans.bank3.id } },
});

/**
 * The dashboards: the default view, the fixture's weeks broken down by sub-district and by bank,
 * and the same asking for another sub-district or bank (the scope must win over the URL).
 */
const indicatorTargets: Targets = (w) => {
  const recent = { period: "custom", from: day(-60), to: day() };
  return {
    thisYear: {},
    recentBySubDistrict: { query: { ...recent, by: "subDistrict" } },
    recentByBank: { query: { ...recent, by: "bank" } },
    askingForAnotherSubDistrict: { query: { ...recent, by: "bank", subDistrict: w.subDistricts.sd2.id } },
    askingForAnotherBank: { query: { ...recent, by: "subDistrict", bank: w.banks.bank2.id } },
  };
};
/** The exports of the dashboards, as CSV and as XLSX (its cells are searched too). */
const exportTargets: Targets = (w) =>
  Object.fromEntries(
    Object.entries(indicatorTargets(w))
      .filter(([name]) => name === "recentBySubDistrict" || name.startsWith("askingFor"))
      .flatMap(([name, target]) => [
        [`${name}Csv`, { query: { ...target.query, format: "csv" } }],
        [`${name}Xlsx`, { query: { ...target.query, format: "xlsx" } }],
      ]),
  );

/** A write of the bank API with a session cookie: refused for everyone (no signature). */
const API_NO_SESSION = { "-call": { allow: {} } } as const;
const apiClosed = (targets?: Targets): RouteSpec => ({ targets, get: {}, post: API_NO_SESSION });

/**
 * THE ACCESS-CONTROL MATRIX: one entry per route id (as Remix names it: "routes/" + the file name
 * without extension). The test requests every route × every requester (anonymous and each role)
 * × every target, by GET and by POST with each intent, and fails on any difference from this
 * table: an allowed cell that is denied, a denied cell that is allowed (an unexpected allow), a
 * route missing here, or an action or intent the table does not list.
 *
 * Adding a route: add `"routes/<file>": { get: <who may load>, post: { <intent>: { allow } } }`,
 * with `targets` when the URL has an id (name each target after its relation to the requester:
 * own / another firm's / another bank's / another sub-district's …) and plant a marker in the
 * world (world.ts) for any new kind of record the route shows.
 */
export const EXPECTATIONS: Record<string, RouteSpec> = {
  root: { get: ANYONE },
  "routes/$": { get: {} }, // any unknown URL: 404 for everyone
  "routes/_index": { get: ANYONE },
  "routes/login": {
    get: { anonymous: "all" }, // signed-in users are sent to their home
    post: {
      "-login": { allow: ANYONE, fields: () => ({ username: "nobody-here", password: "wrong-password" }) },
    },
  },
  "routes/logout": { get: ANYONE, post: { "-logout": { allow: ANYONE, freshSession: true } } },
  "routes/locale": {
    get: ANYONE,
    post: { "-locale": { allow: ANYONE, fields: () => ({ locale: "en", redirectTo: "/" }) } },
  },
  "routes/display": {
    get: ANYONE,
    post: { "-display": { allow: ANYONE, fields: () => ({ mode: "elder", redirectTo: "/" }) } },
  },
  "routes/register": { get: { anonymous: "all" }, post: { "-register": { allow: ANYONE } } },
  "routes/account.password": {
    get: SIGNED_IN,
    post: {
      // a wrong current password: the action runs, and nothing changes for the later cells
      change: {
        allow: SIGNED_IN,
        fields: () => ({
          currentPassword: "not-the-password",
          newPassword: "Matrix@2026x",
          confirmPassword: "Matrix@2026x",
        }),
      },
      // ends the requester's other sessions; the matrix's own session is this one
      revokeOthers: { allow: SIGNED_IN },
    },
  },
  "routes/notifications": { get: SIGNED_IN, post: { "-readAll": { allow: SIGNED_IN } } },
  "routes/products._index": {
    targets: (w) => ({ all: {}, oneBank: { query: { bank: w.banks.bank2.id } } }),
    get: ANYONE,
  },
  "routes/products.$id": {
    targets: (w) => ({
      published: { params: { id: w.products.p3.id } },
      ownBankDraft: { params: { id: w.products.p1Draft.id } },
      otherBankDraft: { params: { id: w.products.p2Draft.id } },
    }),
    get: {
      anonymous: ["published"],
      ENTERPRISE: ["published"],
      BANK: ["published"],
      GOV_OFFICE: ["published"],
      GOV_BUREAU: ["published"],
    },
    post: {
      "-apply": {
        allow: { ENTERPRISE: ["published"] },
        fields: () => ({ amount: "50", termMonths: "12", purpose: "矩阵测试的资金用途", consent: "on" }),
      },
    },
  },

  // ----- the firm
  "routes/enterprise._index": { get: ENTERPRISE },
  "routes/enterprise.access-log": { get: ENTERPRISE },
  "routes/enterprise.applications._index": { get: ENTERPRISE },
  "routes/enterprise.applications.$id": {
    targets: (w) => ({
      own: { params: { id: w.applications.a1.id } },
      ownToAnotherBank: { params: { id: w.applications.a1b.id } },
      anotherFirms: { params: { id: w.applications.a2.id } },
    }),
    get: { ENTERPRISE: ["own", "ownToAnotherBank"] },
    post: Object.fromEntries(
      ["withdraw", "declineOffer", "acknowledge"].map((intent) => [
        intent,
        { allow: { ENTERPRISE: ["own", "ownToAnotherBank"] }, fields: () => ({ version: "0" }) },
      ]),
    ),
  },
  "routes/enterprise.authorizations": {
    get: ENTERPRISE,
    post: {
      grant: {
        allow: ENTERPRISE,
        fields: (w) => ({ bankId: w.banks.bank2.id, scope: "BASIC", expiresOn: day(30) }),
      },
      revoke: {
        targets: (w) => ({
          own: { fields: { id: w.authorizations.e1ToBank3.id } },
          anotherFirms: { fields: { id: w.authorizations.e3ToBank2.id } },
        }),
        allow: { ENTERPRISE: ["own"] },
      },
    },
  },
  "routes/enterprise.credit": {
    get: ENTERPRISE,
    post: {
      refresh: { allow: ENTERPRISE },
      object: { allow: ENTERPRISE, fields: () => ({ record: "penalties::x", reason: "矩阵测试的异议理由" }) },
    },
  },
  "routes/enterprise.alerts": { get: ENTERPRISE },
  "routes/enterprise.renewals.$loanId": {
    targets: (w) => ({
      own: { params: { loanId: w.renewalLoans.own.id } },
      anotherFirms: { params: { loanId: w.renewalLoans.anotherFirms.id } },
    }),
    get: { ENTERPRISE: ["own"] },
    // without the consent: the firm gets the form's errors, nothing is created
    post: {
      "-request": { allow: { ENTERPRISE: ["own"] }, fields: () => ({ amount: "100", termMonths: "12" }) },
    },
  },
  "routes/enterprise.demands._index": { get: ENTERPRISE },
  "routes/enterprise.demands.new": {
    get: ENTERPRISE,
    post: { "-create": { allow: ENTERPRISE, fields: demandForm } },
  },
  "routes/enterprise.demands.$id": {
    targets: (w) => ({
      own: { params: { id: w.demands.d1.id } },
      anotherFirms: { params: { id: w.demands.d2.id } },
    }),
    get: { ENTERPRISE: ["own"] },
    post: {
      update: { allow: { ENTERPRISE: ["own"] }, fields: demandForm },
      close: { allow: { ENTERPRISE: ["own"] } },
      acceptOffer: { allow: { ENTERPRISE: ["own"] }, targets: decideTargets("offer1") },
      declineOffer: { allow: { ENTERPRISE: ["own"] }, targets: decideTargets("offer2") },
    },
  },
  "routes/enterprise.loans._index": { get: ENTERPRISE },
  "routes/enterprise.loans.$id": { targets: loanTargets, get: { ENTERPRISE: ["own"] } },
  "routes/enterprise.whitelist": {
    get: ENTERPRISE,
    post: { "-request": { allow: ENTERPRISE, fields: () => ({ note: "矩阵测试" }) } },
  },

  // ----- the bank
  "routes/bank._index": { get: BANK },
  "routes/bank.applications._index": {
    targets: (w) => ({ all: {}, anotherBanksProduct: { query: { product: w.products.p2.id } } }),
    get: BANK,
  },
  "routes/bank.applications.$id": {
    targets: (w) => ({
      own: { params: { id: w.applications.a1.id } },
      visibleFirmToAnotherBank: { params: { id: w.applications.a1b.id } },
      anotherBanks: { params: { id: w.applications.a2.id } },
      anotherSubDistrictsAnotherBanks: { params: { id: w.applications.a3.id } },
    }),
    get: { BANK: ["own"] },
    post: Object.fromEntries(
      ["accept", "approve", "reject", "disburse", "cancel"].map((intent) => [
        intent,
        {
          allow: { BANK: ["own"] },
          fields: () => ({
            version: "0",
            amount: "50",
            rate: "4.00",
            term: "12",
            reason: "HIGH_LEVERAGE",
            date: day(),
          }),
        },
      ]),
    ),
  },
  "routes/bank.alerts._index": {
    targets: () => ({ all: {}, overdue: { query: { status: "overdue" } }, search: { query: { q: "ZQX" } } }),
    get: BANK,
  },
  "routes/bank.alerts.$id": {
    // a bank sees only the alerts addressed to it; another bank's is a 404
    targets: (w) => ({
      own: { params: { id: w.alerts.own.id } },
      ownAcknowledged: { params: { id: w.alerts.acknowledged.id } },
      anotherBanks: { params: { id: w.alerts.anotherBanks.id } },
    }),
    get: { BANK: ["own", "ownAcknowledged"] },
    // an invalid acknowledgement (OTHER without a note): bank 1 gets the form's error, nothing changes
    post: {
      "-acknowledge": {
        allow: { BANK: ["own", "ownAcknowledged"] },
        fields: () => ({ action: "OTHER", note: "" }),
      },
    },
  },
  "routes/bank.candidates._index": {
    targets: (w) => ({
      all: {},
      anotherSubDistrict: { query: { subDistrict: w.subDistricts.sd2.id } },
      // matches every fixture firm's name: only the authorised one may come back
      search: { query: { q: "ZQX" } },
    }),
    get: BANK,
  },
  "routes/bank.candidates.$enterpriseId": {
    targets: (w) => ({
      authorised: { params: { enterpriseId: w.firms.e1.enterprise.id }, query: { purpose: "PRE_LOAN" } },
      authorisedPurposeForm: { params: { enterpriseId: w.firms.e1.enterprise.id } },
      authorisedBasic: { params: { enterpriseId: w.firms.e7.enterprise.id }, query: { purpose: "PRE_LOAN" } },
      neverAuthorised: { params: { enterpriseId: w.firms.e2.enterprise.id }, query: { purpose: "PRE_LOAN" } },
      neverAuthorisedPurposeForm: { params: { enterpriseId: w.firms.e2.enterprise.id } },
      authorisedAnotherBank: {
        params: { enterpriseId: w.firms.e3.enterprise.id },
        query: { purpose: "PRE_LOAN" },
      },
      revoked: { params: { enterpriseId: w.firms.e4.enterprise.id }, query: { purpose: "PRE_LOAN" } },
      revokedPurposeForm: { params: { enterpriseId: w.firms.e4.enterprise.id } },
      expired: { params: { enterpriseId: w.firms.e5.enterprise.id }, query: { purpose: "PRE_LOAN" } },
      expiredPurposeForm: { params: { enterpriseId: w.firms.e5.enterprise.id } },
    }),
    get: { BANK: ["authorised", "authorisedPurposeForm", "authorisedBasic"] },
  },
  "routes/bank.demands.$id": {
    targets: (w) => ({
      authorised: { params: { id: w.demands.d1.id } },
      neverAuthorised: { params: { id: w.demands.d2.id } },
      authorisedAnotherBank: { params: { id: w.demands.d3.id } },
      revoked: { params: { id: w.demands.d4.id } },
      expired: { params: { id: w.demands.d5.id } },
    }),
    get: { BANK: ["authorised"] },
    post: {
      "-offer": {
        allow: { BANK: ["authorised"] },
        fields: (w) => ({
          productId: w.products.p1.id,
          amount: "100",
          term: "12",
          rate: "4.00",
          note: "矩阵",
        }),
      },
    },
  },
  "routes/bank.offers": {
    get: BANK,
    post: {
      withdraw: {
        targets: (w) => ({
          own: { fields: { offerId: w.offers.offer1.id } },
          anotherBanks: { fields: { offerId: w.offers.offer2.id } },
        }),
        allow: { BANK: ["own"] },
      },
    },
  },
  "routes/bank.loans._index": {
    targets: (w) => ({
      all: {},
      anotherBanksProduct: { query: { product: w.products.p2.id } },
      filtered: { query: { band: "0", filed: "no", class: "NORMAL", status: "ACTIVE", sort: "outstanding" } },
    }),
    get: BANK,
  },
  "routes/bank.loans.$id": {
    targets: loanTargets,
    get: { BANK: ["own"] },
    post: {
      repay: {
        allow: { BANK: ["own"] },
        fields: () => ({ paidOn: day(), amount: "100.01", reference: "MATRIX-REPAY-1" }),
      },
      settle: {
        allow: { BANK: ["own"] },
        fields: (w) => ({
          paidOn: day(),
          reference: "MATRIX-SETTLE-1",
          version: String(w.loans.own.version),
        }),
      },
      riskClass: { allow: { BANK: ["own"] }, fields: () => ({ riskClass: "DOUBTFUL" }) },
    },
  },
  "routes/bank.indicators": { targets: indicatorTargets, get: BANK },
  "routes/bank.indicators_.export": { targets: exportTargets, get: BANK },
  "routes/bank.products._index": { get: BANK },
  "routes/bank.products.new": { get: BANK, post: { "-create": { allow: BANK, fields: productForm } } },
  "routes/bank.products.$id": {
    targets: (w) => ({
      own: { params: { id: w.products.p1.id } },
      ownDraft: { params: { id: w.products.p1Draft.id } },
      anotherBanks: { params: { id: w.products.p2.id } },
      anotherBanksDraft: { params: { id: w.products.p2Draft.id } },
    }),
    get: { BANK: ["own", "ownDraft"] },
    post: {
      save: {
        allow: { BANK: ["own", "ownDraft"] },
        fields: (w) => ({ ...productForm(), updatedAt: w.products.p1.updatedAt.toISOString() }),
      },
      publish: { allow: { BANK: ["own", "ownDraft"] } },
      archive: { allow: { BANK: ["own", "ownDraft"] } },
    },
  },

  // ----- government
  "routes/gov._index": { get: GOV },
  "routes/gov.banks": {
    // the default period is this year; the fixture's loans are of the last few weeks
    targets: () => ({ thisYear: {}, lastTwoMonths: { query: { from: day(-60), to: day() } } }),
    get: GOV,
  },
  "routes/gov.firms._index": { targets: () => ({ all: {}, search: { query: { q: "ZQX" } } }), get: GOV },
  "routes/gov.firms.$id": {
    targets: (w) => ({
      ownSubDistricts: { params: { id: w.firms.e2.enterprise.id } },
      // with a penalty in its profile: the government's page is a summary, without the details
      ownSubDistrictsWithPenalty: { params: { id: w.firms.e1.enterprise.id } },
      ownSubDistrictsRevokedABank: { params: { id: w.firms.e4.enterprise.id } },
      ownSubDistrictsGrantExpired: { params: { id: w.firms.e5.enterprise.id } },
      anotherSubDistricts: { params: { id: w.firms.e3.enterprise.id } },
    }),
    get: {
      GOV_OFFICE: [
        "ownSubDistricts",
        "ownSubDistrictsWithPenalty",
        "ownSubDistrictsRevokedABank",
        "ownSubDistrictsGrantExpired",
      ],
      GOV_BUREAU: "all",
    },
  },
  "routes/gov.firm-choices": { get: OFFICE },
  "routes/gov.follow-ups": { get: GOV },
  "routes/gov.visits": {
    targets: (w) => ({
      all: {},
      ownSubDistrictsFirm: { query: { firm: w.firms.e2.enterprise.id } },
      anotherSubDistrictsFirm: { query: { firm: w.firms.e3.enterprise.id } },
    }),
    get: GOV,
    post: {
      "-visit": {
        targets: (w) => ({
          ownSubDistricts: { fields: { enterpriseId: w.firms.e2.enterprise.id } },
          anotherSubDistricts: { fields: { enterpriseId: w.firms.e3.enterprise.id } },
        }),
        allow: { GOV_OFFICE: ["ownSubDistricts"] },
        fields: () => ({ visitedOn: day(), findings: "矩阵测试的走访记录", need: "100", nextStep: "" }),
      },
    },
  },
  "routes/gov.recommendations._index": { get: GOV },
  "routes/gov.recommendations.new": {
    get: OFFICE,
    post: {
      "-recommend": {
        targets: (w) => ({
          ownSubDistricts: { fields: { enterpriseId: w.firms.e4.enterprise.id } },
          anotherSubDistricts: { fields: { enterpriseId: w.firms.e3.enterprise.id } },
        }),
        allow: { GOV_OFFICE: ["ownSubDistricts"] },
        fields: () => ({ reason: "矩阵测试的推荐理由", amount: "100" }),
      },
    },
  },
  "routes/gov.recommendations.$id": {
    targets: (w) => ({
      ownSubDistrictsRequest: { params: { id: w.recommendations.r2.id } },
      ownSubDistrictsPending: { params: { id: w.recommendations.r5.id } },
      anotherSubDistricts: { params: { id: w.recommendations.r3.id } },
    }),
    get: { GOV_OFFICE: ["ownSubDistrictsRequest", "ownSubDistrictsPending"], GOV_BUREAU: "all" },
    post: Object.fromEntries(
      ["accept", "decline", "withdraw"].map((intent) => [
        intent,
        {
          allow: { GOV_OFFICE: ["ownSubDistrictsRequest", "ownSubDistrictsPending"] },
          fields: () => ({ reason: "矩阵测试的推荐理由", amount: "100", note: "矩阵测试" }),
        },
      ]),
    ),
  },
  "routes/gov.review": {
    get: BUREAU,
    post: {
      approve: {
        allow: BUREAU,
        fields: (w) => ({
          ids: w.recommendations.r5.id,
          batchName: "矩阵测试批次",
          validFrom: day(),
          validUntil: day(300),
        }),
      },
      reject: { allow: BUREAU, fields: (w) => ({ ids: w.recommendations.r5.id, reason: "矩阵测试" }) },
    },
  },
  "routes/gov.whitelist._index": { get: GOV },
  "routes/gov.whitelist.$id": {
    targets: (w) => ({
      ownSubDistricts: { params: { id: w.whitelist.w1.id } },
      anotherSubDistricts: { params: { id: w.whitelist.w3.id } },
    }),
    get: { GOV_OFFICE: ["ownSubDistricts"], GOV_BUREAU: "all" },
    post: {
      revoke: { allow: BUREAU, fields: () => ({ reason: "矩阵测试" }) },
      restore: { allow: BUREAU, fields: () => ({ reason: "矩阵测试" }) },
    },
  },
  "routes/gov.loans": {
    targets: (w) => ({
      all: {},
      askingForAnotherSubDistrict: { query: { subDistrict: w.subDistricts.sd2.id } },
    }),
    get: GOV,
  },
  "routes/gov.indicators": { targets: indicatorTargets, get: GOV },
  "routes/gov.indicators_.export": { targets: exportTargets, get: GOV },
  "routes/gov.objections._index": { get: BUREAU },
  "routes/gov.alerts": {
    targets: () => ({
      all: {},
      acknowledged: { query: { status: "acknowledged" } },
      search: { query: { q: "ZQX" } },
    }),
    get: GOV,
  },
  "routes/gov.objections.$id": {
    targets: (w) => ({
      firmOfOffice: { params: { id: w.objections.o1.id } },
      firmOfAnotherOffice: { params: { id: w.objections.o3.id } },
    }),
    get: BUREAU,
    post: {
      accept: { allow: BUREAU, fields: () => ({ resolution: "CORRECTED", responseText: "矩阵测试" }) },
      reject: { allow: BUREAU, fields: () => ({ responseText: "矩阵测试" }) },
    },
  },
  // ----- outreach: programme page, notices, help, invitations, training
  "routes/about": { get: ANYONE },
  "routes/notices._index": { get: ANYONE },
  "routes/notices.feed[.]xml": { get: ANYONE },
  "routes/favicon[.]ico": { get: ANYONE },
  "routes/notices.$id": {
    targets: (w) => ({
      public: { params: { id: w.notices.public.id } },
      forBanks: { params: { id: w.notices.forBanks.id } },
      draft: { params: { id: w.notices.draft.id } },
      withdrawn: { params: { id: w.notices.withdrawn.id } },
    }),
    get: {
      anonymous: ["public"],
      ENTERPRISE: ["public"],
      BANK: ["public", "forBanks"],
      GOV_OFFICE: ["public"],
      GOV_BUREAU: ["public"],
    },
  },
  "routes/help._index": {
    targets: () => ({ index: {}, search: { query: { q: "申请" } } }),
    get: ANYONE,
    post: { dismissTour: { allow: SIGNED_IN, fields: () => ({ redirectTo: "/help" }) } },
  },
  "routes/help.$slug": {
    targets: () => ({ apply: { params: { slug: "apply" } }, unknown: { params: { slug: "no-such-guide" } } }),
    get: {
      anonymous: ["apply"],
      ENTERPRISE: ["apply"],
      BANK: ["apply"],
      GOV_OFFICE: ["apply"],
      GOV_BUREAU: ["apply"],
    },
  },
  "routes/gov.notices._index": { get: BUREAU },
  "routes/gov.notices.new": { get: BUREAU, post: { "-create": { allow: BUREAU, fields: noticeForm } } },
  "routes/gov.notices.$id": {
    targets: (w) => ({ draft: { params: { id: w.notices.draft.id } } }),
    get: BUREAU,
    post: {
      save: { allow: BUREAU, fields: () => ({ ...noticeForm(), version: "1" }) },
      publish: { allow: BUREAU },
      withdraw: { allow: BUREAU },
    },
  },
  "routes/gov.invitations._index": {
    get: GOV,
    post: {
      "-create": {
        allow: OFFICE,
        fields: () => ({
          firmName: "矩阵测试企业",
          uscc: "",
          contactName: "",
          contactMobile: "",
          channel: "VISIT",
        }),
      },
    },
  },
  "routes/gov.invitations.$id": {
    targets: (w) => ({
      ownSubDistricts: { params: { id: w.invitations.i1.id } },
      anotherSubDistricts: { params: { id: w.invitations.i2.id } },
    }),
    get: { GOV_OFFICE: ["ownSubDistricts"], GOV_BUREAU: "all" },
  },
  "routes/gov.invitations.export": {
    targets: () => ({ thisYear: {}, recent: { query: { from: day(-60), to: day() } } }),
    get: GOV,
  },
  "routes/gov.training": {
    get: GOV,
    post: {
      "-record": {
        allow: BUREAU,
        fields: (w) => ({
          heldOn: day(-1),
          topic: "矩阵测试培训",
          audienceRole: "BANK",
          bankId: w.banks.bank2.id,
          attendees: "10",
        }),
      },
    },
  },
  "routes/gov.admin.audit": { get: BUREAU },
  "routes/gov.admin._index": {
    get: BUREAU,
    post: {
      "-createAccount": {
        allow: BUREAU,
        fields: (w) => ({
          username: "matrix-user",
          displayName: "矩阵测试",
          role: "BANK",
          bankId: w.banks.spareBank.id,
          subDistrictId: "",
          mobile: "",
          password: "",
        }),
      },
    },
  },
  "routes/gov.admin.accounts.$id": {
    targets: (w) => ({ anAccount: { params: { id: w.users.spare.id } } }),
    get: BUREAU,
    post: Object.fromEntries(
      ["disable", "enable", "unlock", "reset"].map((intent) => [
        intent,
        { allow: BUREAU, fields: () => ({ password: "" }) },
      ]),
    ),
  },
  "routes/gov.admin.calendar": {
    get: BUREAU,
    post: {
      add: { allow: BUREAU, fields: () => ({ date: "2030-03-06", kind: "HOLIDAY", note: "" }) },
      remove: { allow: BUREAU, fields: (w) => ({ id: w.calendarOverride.id }) },
    },
  },
  "routes/gov.admin.lpr": {
    get: BUREAU,
    post: {
      add: { allow: BUREAU, fields: () => ({ effectiveOn: "2030-01-20", rate: "3.00" }) },
      correct: { allow: BUREAU, fields: (w) => ({ id: w.lpr.id, rate: "3.10" }) },
    },
  },
  "routes/gov.admin.organisations": {
    get: BUREAU,
    post: Object.fromEntries(
      [
        "createSubDistrict",
        "createBank",
        "renameSubDistrict",
        "renameBank",
        "toggleSubDistrict",
        "toggleBank",
      ].map((intent) => [
        intent,
        {
          allow: BUREAU,
          fields: (w) => ({
            id: intent.endsWith("Bank") ? w.banks.spareBank.id : w.subDistricts.spareSd.id,
            code: intent.endsWith("Bank") ? "MATRIX" : "matrix",
            name: "矩阵测试",
            nameEn: "Matrix",
            kind: "STREET",
            active: "false",
          }),
        },
      ]),
    ),
  },
  "routes/gov.admin.settings": { get: BUREAU, post: { "-save": { allow: BUREAU } } },
  "routes/gov.admin.jobs._index": {
    get: BUREAU,
    post: { run: { allow: BUREAU, fields: () => ({ job: "prune-job-runs" }) } },
  },
  "routes/gov.admin.jobs.$name": {
    targets: () => ({
      registered: { params: { name: "prune-job-runs" } },
      unknown: { params: { name: "nope" } },
    }),
    get: { GOV_BUREAU: ["registered"] },
  },

  "routes/gov.admin.api-clients": {
    get: BUREAU,
    post: {
      issue: { allow: BUREAU, fields: (w) => ({ bankId: w.banks.spareBank.id, label: "矩阵测试" }) },
      // a client of nothing: the bureau gets the page's error (400), the others are refused
      rotate: { allow: BUREAU, fields: () => ({ id: "cmatrixnosuchclient0000000", graceHours: "24" }) },
      revoke: { allow: BUREAU, fields: () => ({ id: "cmatrixnosuchclient0000000" }) },
    },
  },

  "routes/bank.webhooks": {
    get: BANK,
    post: {
      endpoint: {
        allow: BANK,
        // a literal public address: no lookup
        fields: () => ({ url: "https://8.8.8.8/xyd-hooks", events: ["application.submitted"] }),
      },
      redeliver: {
        allow: { BANK: ["own"] },
        targets: (w) => ({
          own: { fields: { id: w.deliveries.h1.id } },
          anotherBanks: { fields: { id: w.deliveries.h2.id } },
          missing: { fields: { id: "cmatrixnosuchdelivery00000" } },
        }),
      },
    },
  },
  "routes/gov.admin.webhooks": {
    get: BUREAU,
    post: {
      redeliver: {
        allow: { GOV_BUREAU: ["bank1", "bank2"] },
        targets: (w) => ({
          bank1: { fields: { id: w.deliveries.h1.id } },
          bank2: { fields: { id: w.deliveries.h2.id } },
          missing: { fields: { id: "cmatrixnosuchdelivery00000" } },
        }),
      },
    },
  },

  // ----- the risk-compensation pool: the bureau runs it; the office reads its sub-district's
  // figures; a bank files, claims and reports recoveries on its own loans only (404 otherwise).
  // The bureau's writes are sent with input its forms refuse (400/409): the cells prove the
  // action was reached without moving the pool's money under the other cells.
  "routes/gov.risk-pool._index": {
    get: GOV,
    post: { "-deposit": { allow: BUREAU, fields: () => ({ amount: "0", reference: "矩阵测试" }) } },
  },
  "routes/gov.risk-pool.claims._index": {
    targets: () => ({ queue: {}, paid: { query: { state: "PAID" } }, all: { query: { state: "" } } }),
    get: BUREAU,
  },
  "routes/gov.risk-pool.claims.$id": {
    targets: (w) => ({
      bank1s: { params: { id: w.pool.claims.own } },
      bank2s: { params: { id: w.pool.claims.otherBanks } },
    }),
    get: BUREAU,
    post: {
      approve: { allow: BUREAU, fields: () => ({ amount: "99999999", version: "0" }) },
      return: { allow: BUREAU, fields: () => ({ note: "矩阵测试", version: "99" }) },
      reject: { allow: BUREAU, fields: () => ({ reason: "OTHER", text: "", version: "0" }) },
      pay: { allow: BUREAU },
    },
  },
  "routes/gov.risk-pool.rules": {
    get: BUREAU,
    post: { "-create": { allow: BUREAU, fields: () => ({ effectiveOn: day(-1), coverage: "80" }) } },
  },
  "routes/gov.risk-pool.filings": {
    targets: (w) => ({ all: {}, oneBank: { query: { bank: w.banks.bank2.id } } }),
    get: BUREAU,
  },
  "routes/gov.risk-pool.recoveries": {
    targets: () => ({ owed: {}, received: { query: { show: "received" } } }),
    get: BUREAU,
    post: { "-receive": { allow: BUREAU, fields: () => ({ id: "not-an-id" }) } },
  },
  "routes/gov.risk-pool.banks": {
    get: BUREAU,
    post: { "-lift": { allow: BUREAU, fields: () => ({ id: "not-an-id", reason: "矩阵测试" }) } },
  },
  "routes/bank.loans.$id_.filing": {
    targets: (w) => ({
      own: { params: { id: w.pool.loans.toFile.id } },
      anotherBanks: { params: { id: w.pool.loans.otherBanks.id } },
    }),
    post: { file: { allow: { BANK: ["own"] } } },
  },
  "routes/bank.loans.$id_.claim": {
    targets: (w) => ({
      own: { params: { id: w.pool.loans.toFile.id } },
      ownClaimed: { params: { id: w.pool.loans.ownClaimed.id } },
      anotherBanks: { params: { id: w.pool.loans.otherBanks.id } },
    }),
    get: { BANK: ["own", "ownClaimed"] },
    post: {
      // a day after today and a loan not past the threshold: refused by field, nothing stored
      action: {
        allow: { BANK: ["own", "ownClaimed"] },
        fields: () => ({ takenOn: day(1), kind: "REMINDER", description: "矩阵测试" }),
      },
      claim: {
        allow: { BANK: ["own", "ownClaimed"] },
        fields: () => ({ statement: "矩阵测试", materials: "借款合同" }),
      },
    },
  },
  "routes/bank.claims._index": {
    targets: () => ({ all: {}, filed: { query: { state: "FILED" } } }),
    get: BANK,
  },
  "routes/bank.claims.$id": {
    targets: (w) => ({
      own: { params: { id: w.pool.claims.own } },
      anotherBanks: { params: { id: w.pool.claims.otherBanks } },
    }),
    get: { BANK: ["own"] },
    post: {
      // the claim awaits review: a refiling is refused as changed (409), a recovery as not paid
      refile: {
        allow: { BANK: ["own"] },
        fields: () => ({ statement: "矩阵测试", materials: "补充材料", version: "0" }),
      },
      recovery: {
        allow: { BANK: ["own"] },
        fields: () => ({ recoveredOn: day(), amount: "100", reference: "MATRIX-1" }),
      },
    },
  },

  // ----- the bank API: a session opens nothing there (401 without a signature; 405 for a method
  // the route does not serve). Signed requests of bank systems have their own matrix
  // (api-expectations.ts, tests/integration/api-access-matrix.test.ts).
  "routes/api.docs": { get: ANYONE },
  "routes/api.v1.openapi[.]json": { get: ANYONE, post: API_NO_SESSION },
  "routes/api.v1.applications._index": apiClosed(),
  "routes/api.v1.applications.$number": apiClosed((w) => ({
    own: { params: { number: w.applications.a1.number } },
  })),
  "routes/api.v1.applications.$number_.transitions": apiClosed((w) => ({
    own: { params: { number: w.applications.a1.number }, fields: { action: "accept", version: "0" } },
  })),
  "routes/api.v1.enterprises.$uscc.credit-profile": apiClosed((w) => ({
    own: { params: { uscc: w.firms.e1.enterprise.uscc }, query: { purpose: "PRE_LOAN" } },
  })),
  "routes/api.v1.products._index": apiClosed(),
  "routes/api.v1.products.$id.publish": apiClosed((w) => ({
    own: { params: { id: w.products.p1Draft.id } },
  })),
  "routes/api.v1.products.$id.archive": apiClosed((w) => ({
    own: { params: { id: w.products.p1Draft.id } },
  })),
  "routes/api.v1.demands._index": apiClosed(),
  "routes/api.v1.demands.$id.offers": apiClosed((w) => ({ own: { params: { id: w.demands.d1.id } } })),
  "routes/api.v1.events": apiClosed(),
  "routes/api.v1.loans._index": apiClosed(),
  "routes/api.v1.loans.$id": apiClosed((w) => ({ own: { params: { id: w.loans.own.id } } })),
  "routes/api.v1.loans.$id_.repayments": apiClosed((w) => ({
    own: { params: { id: w.loans.own.id }, fields: { paidOn: day(), amount: "100.00", reference: "M-1" } },
  })),
  "routes/api.v1.loans.$id_.filing": apiClosed((w) => ({ own: { params: { id: w.loans.own.id } } })),
  "routes/api.v1.loans.$id_.claims": apiClosed((w) => ({ own: { params: { id: w.loans.own.id } } })),
  "routes/api.v1.webhook-endpoint": apiClosed(),
  "routes/api.v1.reconciliation.$date": apiClosed(() => ({ today: { params: { date: day() } } })),
};
