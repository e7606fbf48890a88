import { describe, expect, it } from "vitest";

import { creditSnapshotOf, diffCreditProfiles, type CreditSnapshot } from "~/domain/credit-changes";

const PENALTY = {
  decisionNo: "郑东市监罚〔2025〕88号",
  authority: "郑州市郑东新区市场监督管理局",
  decidedOn: "2025-03-02",
  reason: "虚假宣传",
  amount: 20000,
};
const LISTING = {
  listName: "失信被执行人名单",
  authority: "郑州市中级人民法院",
  listedOn: "2026-11-27",
  reason: "拒不履行",
};
const ABNORMAL = {
  listName: "经营异常名录",
  authority: "郑州市郑东新区市场监督管理局",
  listedOn: "2026-11-27",
  reason: "通过登记的住所或者经营场所无法联系",
};

const base: CreditSnapshot = {
  penalties: [PENALTY],
  dishonestyList: [],
  enforcementCases: 1,
  tax: { grade: "B", year: 2025 },
  socialInsurance: { arrearsMonths: 1, updatedAt: "2026-11-30T08:00:00Z" },
  abnormalOperations: [],
  registryStatus: "存续",
};
const after = (patch: Partial<CreditSnapshot>): CreditSnapshot => ({ ...base, ...patch });

describe("diffCreditProfiles", () => {
  it("finds nothing between equal profiles, and nothing on the first profile of a firm", () => {
    expect(diffCreditProfiles(base, base)).toEqual([]);
    expect(diffCreditProfiles(null, after({ penalties: [PENALTY], dishonestyList: [LISTING] }))).toEqual([]);
  });

  it("PENALTY: one change per decision number not seen before", () => {
    const second = { ...PENALTY, decisionNo: "郑东市监罚〔2026〕901号", amount: 3000 };
    const third = { ...PENALTY, decisionNo: "郑东市监罚〔2026〕902号", amount: 6000 };
    const changes = diffCreditProfiles(base, after({ penalties: [PENALTY, second, third] }));
    expect(changes.map((c) => [c.kind, c.key, c.recordKey, c.scope])).toEqual([
      ["PENALTY", "penalty:郑东市监罚〔2026〕901号", "郑东市监罚〔2026〕901号", "FULL"],
      ["PENALTY", "penalty:郑东市监罚〔2026〕902号", "郑东市监罚〔2026〕902号", "FULL"],
    ]);
    expect(changes[0].detail).toMatchObject({ amount: 3000, decidedOn: "2025-03-02" });
    expect(changes[0].source).toBe("penalties");
    // a penalty that disappeared (repaired and removed) raises nothing
    expect(diffCreditProfiles(base, after({ penalties: [] }))).toEqual([]);
  });

  it("DISHONESTY: a new listing, keyed by list and date; the same listing again is no change", () => {
    const changes = diffCreditProfiles(base, after({ dishonestyList: [LISTING] }));
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      kind: "DISHONESTY",
      key: "dishonesty:失信被执行人名单:2026-11-27",
      source: "dishonestyList",
      recordKey: "失信被执行人名单:2026-11-27",
      detail: { listName: "失信被执行人名单", listedOn: "2026-11-27" },
    });
    expect(
      diffCreditProfiles(after({ dishonestyList: [LISTING] }), after({ dishonestyList: [LISTING] })),
    ).toEqual([]);
  });

  it("ENFORCEMENT: the count going up is one change named after the new count; going down is none", () => {
    const changes = diffCreditProfiles(base, after({ enforcementCases: 3 }));
    expect(changes.map((c) => [c.kind, c.key, c.detail])).toEqual([
      ["ENFORCEMENT", "enforcement:3", { from: 1, to: 3 }],
    ]);
    expect(diffCreditProfiles(base, after({ enforcementCases: 0 }))).toEqual([]);
  });

  it("TAX_DOWNGRADE: a worse grade in the order A > B > M > C > D; better or unknown is none", () => {
    expect(diffCreditProfiles(base, after({ tax: { grade: "C", year: 2025 } }))).toMatchObject([
      {
        kind: "TAX_DOWNGRADE",
        key: "tax:2025:C",
        recordKey: "tax:2025",
        detail: { from: "B", to: "C", year: 2025 },
      },
    ]);
    expect(diffCreditProfiles(base, after({ tax: { grade: "M", year: 2026 } }))[0]?.key).toBe("tax:2026:M");
    expect(diffCreditProfiles(base, after({ tax: { grade: "A", year: 2026 } }))).toEqual([]);
    expect(diffCreditProfiles(after({ tax: null }), after({ tax: { grade: "D", year: 2025 } }))).toEqual([]);
  });

  it("SOCIAL_INSURANCE_ARREARS: crossing 3 months, once per month of the data", () => {
    const three = after({ socialInsurance: { arrearsMonths: 3, updatedAt: "2026-12-01T02:00:00Z" } });
    expect(diffCreditProfiles(base, three)).toMatchObject([
      {
        kind: "SOCIAL_INSURANCE_ARREARS",
        key: "arrears:2026-12",
        detail: { months: 3 },
        recordKey: "socialInsurance",
      },
    ]);
    // 3 → 4 months is not a new crossing; 2 months is below the line
    const four = after({ socialInsurance: { arrearsMonths: 4, updatedAt: "2026-12-05T02:00:00Z" } });
    expect(diffCreditProfiles(three, four)).toEqual([]);
    expect(
      diffCreditProfiles(
        base,
        after({ socialInsurance: { arrearsMonths: 2, updatedAt: "2026-12-01T02:00:00Z" } }),
      ),
    ).toEqual([]);
  });

  it("ABNORMAL_OPERATIONS: a new 经营异常 listing; unknown before reads as not listed", () => {
    const changes = diffCreditProfiles(
      after({ abnormalOperations: null }),
      after({ abnormalOperations: [ABNORMAL] }),
    );
    expect(changes).toMatchObject([
      {
        kind: "ABNORMAL_OPERATIONS",
        key: "abnormal:2026-11-27:郑州市郑东新区市场监督管理局",
        source: "abnormalOperations",
        detail: { reason: "通过登记的住所或者经营场所无法联系" },
      },
    ]);
    // a platform that stops sending the source tells nothing
    expect(
      diffCreditProfiles(after({ abnormalOperations: [ABNORMAL] }), after({ abnormalOperations: null })),
    ).toEqual([]);
  });

  it("REGISTRY_STATUS: 存续 → 吊销 or 注销 is a change every bank that sees the firm is told", () => {
    expect(diffCreditProfiles(base, after({ registryStatus: "吊销" }))).toEqual([
      {
        kind: "REGISTRY_STATUS",
        key: "status:吊销",
        detail: { from: "存续", to: "吊销" },
        scope: "BASIC",
        source: "registry",
        recordKey: null,
      },
    ]);
    // no status known before: the firm was active when it registered
    expect(
      diffCreditProfiles(after({ registryStatus: null }), after({ registryStatus: "注销" }))[0]?.key,
    ).toBe("status:注销");
    expect(diffCreditProfiles(base, after({ registryStatus: null }))).toEqual([]);
  });

  it("gives the same keys for the same change seen twice (resumed run, racing refreshes)", () => {
    const worse = after({ penalties: [PENALTY, { ...PENALTY, decisionNo: "N1" }], enforcementCases: 2 });
    expect(diffCreditProfiles(base, worse).map((c) => c.key)).toEqual(
      diffCreditProfiles(base, structuredClone(worse)).map((c) => c.key),
    );
  });
});

describe("creditSnapshotOf", () => {
  it("reads the platform's source shapes", () => {
    const snapshot = creditSnapshotOf(
      {
        tax: { grade: "A", year: 2025, taxPaid: 1, updatedAt: "x" },
        socialInsurance: { insuredEmployees: 3, arrearsMonths: 0, updatedAt: "2026-12-01T00:00:00Z" },
        penalties: { items: [PENALTY], updatedAt: "x" },
        dishonestyList: { items: [], updatedAt: "x" },
        judicial: { enforcementCases: 2, updatedAt: "x" },
      },
      "存续",
    );
    expect(snapshot).toEqual({
      penalties: [PENALTY],
      dishonestyList: [],
      enforcementCases: 2,
      tax: { grade: "A", year: 2025 },
      socialInsurance: { arrearsMonths: 0, updatedAt: "2026-12-01T00:00:00Z" },
      abnormalOperations: null,
      registryStatus: "存续",
    });
  });

  it("reads anything unreadable as unknown instead of failing", () => {
    expect(creditSnapshotOf({ tax: "garbage", penalties: { items: "no" }, judicial: null }, null)).toEqual({
      penalties: null,
      dishonestyList: null,
      enforcementCases: null,
      tax: null,
      socialInsurance: null,
      abnormalOperations: null,
      registryStatus: null,
    });
  });
});
