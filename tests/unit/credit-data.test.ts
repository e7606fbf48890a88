import { describe, expect, it } from "vitest";

import { isValidUscc, usccCheckCharacter } from "~/domain/uscc";
import { creditSchema, registrationSchema } from "~/services/credit-platform.server";

import {
  DEMO_REGISTRATION_USCCS,
  SPECIAL_USCCS,
  creditRecord,
  exampleUsccs,
  isHenanUscc,
  registryRecord,
  specialKindOf,
  type SpecialKind,
} from "../../mocks/credit-data";

const NOW = new Date("2026-11-26T12:00:00Z");

function withCheck(first17: string): string {
  return first17 + usccCheckCharacter(first17);
}

function specials(kind: SpecialKind): string[] {
  return SPECIAL_USCCS.filter((s) => s.kind === kind).map((s) => s.uscc);
}

describe("fixed codes", () => {
  it("special and demo codes are valid, Henan and distinct", () => {
    const all = [...SPECIAL_USCCS.map((s) => s.uscc), ...DEMO_REGISTRATION_USCCS];
    for (const code of all) {
      expect(isValidUscc(code), code).toBe(true);
      expect(isHenanUscc(code), code).toBe(true);
    }
    expect(new Set(all).size).toBe(all.length);
  });

  it("has the documented special cases", () => {
    expect(specials("deregistered").length).toBeGreaterThanOrEqual(2);
    expect(specials("revoked").length).toBeGreaterThanOrEqual(2);
    expect(specials("dishonest").length).toBeGreaterThanOrEqual(2);
    expect(specials("redList").length).toBeGreaterThanOrEqual(1);
    expect(specials("unpaidPenalties").length).toBeGreaterThanOrEqual(1);
    expect(specials("creditOutage")).toHaveLength(1);
  });

  it("demo registration codes are ordinary, active firms off every dishonesty list", () => {
    for (const code of DEMO_REGISTRATION_USCCS) {
      expect(specialKindOf(code)).toBeNull();
      expect(registryRecord(code)?.status).toBe("存续");
      expect(creditRecord(code, NOW)?.sources.dishonestyList.items).toEqual([]);
    }
  });
});

describe("registryRecord", () => {
  it("is deterministic", () => {
    for (const code of [...exampleUsccs(20, "det"), ...DEMO_REGISTRATION_USCCS]) {
      expect(registryRecord(code)).toEqual(registryRecord(code));
    }
  });

  it("knows nothing of valid codes outside Henan, or of invalid codes", () => {
    for (const code of [
      "914403001922038216",
      "91440300708461136T",
      "91330100799655058B",
      "91110108551385082Q",
    ]) {
      expect(isValidUscc(code)).toBe(true);
      expect(registryRecord(code)).toBeNull();
      expect(creditRecord(code, NOW)).toBeNull();
    }
    // 42xxxx (湖北) and 14xxxx: the area code must start with 41.
    expect(registryRecord(withCheck("91420100MAXYD1001"))).toBeNull();
    expect(registryRecord(withCheck("91144100MAXYD1001"))).toBeNull();
    // A Henan code with a wrong check character is invalid, hence unknown.
    const good = DEMO_REGISTRATION_USCCS[0];
    const bad = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");
    expect(registryRecord(bad)).toBeNull();
    expect(registryRecord("9141010")).toBeNull();
  });

  it("normalises its input", () => {
    const code = DEMO_REGISTRATION_USCCS[0];
    expect(registryRecord(`  ${code.toLowerCase()} `)).toEqual(registryRecord(code));
  });

  it("builds plausible Zhengzhou and Henan firms", () => {
    const zhengdong = registryRecord(DEMO_REGISTRATION_USCCS[0])!;
    expect(zhengdong.address).toMatch(/^郑州市郑东新区.+路|^郑州市郑东新区.+(大道|街)/);
    expect(zhengdong.name).toMatch(/^(郑州|河南).+(有限公司|有限责任公司|股份有限公司)$/);

    expect(registryRecord(withCheck("91410105MAXYD1004"))!.address).toMatch(/^郑州市金水区/);
    const luoyang = registryRecord(withCheck("91410300MAXYD1001"))!;
    expect(luoyang.address).toMatch(/^河南省洛阳市/);
    expect(luoyang.name).toMatch(/^(洛阳|河南)/);
    // An unlisted Henan area code is still a Henan firm.
    expect(registryRecord(withCheck("91419900MAXYD1001"))!.address).toMatch(/^河南省/);

    for (const code of exampleUsccs(300, "plausible")) {
      const r = registryRecord(code)!;
      expect(r.uscc).toBe(code);
      expect(r.status).toBe("存续");
      expect(r.establishedOn >= "1995-01-01" && r.establishedOn <= "2025-12-31").toBe(true);
      expect(r.registeredCapital).toBeGreaterThanOrEqual(10);
      expect(r.registeredCapital).toBeLessThanOrEqual(5000);
      expect(r.legalRepresentative).toMatch(/^\p{Script=Han}{2,3}$/u);
      expect(r.address).toMatch(/^郑州市郑东新区/);
    }
  });
});

describe("creditRecord", () => {
  it("is deterministic for a given time", () => {
    for (const code of [...exampleUsccs(20, "det"), ...SPECIAL_USCCS.map((s) => s.uscc)]) {
      expect(creditRecord(code, NOW)).toEqual(creditRecord(code, new Date(NOW)));
    }
  });

  it("keeps the records stable as time passes; only freshness and tax year move", () => {
    const later = new Date("2027-03-01T08:00:00Z");
    for (const code of exampleUsccs(50, "stable")) {
      const a = creditRecord(code, NOW)!.sources;
      const b = creditRecord(code, later)!.sources;
      expect(b.penalties.items).toEqual(a.penalties.items);
      expect(b.dishonestyList.items).toEqual(a.dishonestyList.items);
      expect(b.licenses.items).toEqual(a.licenses.items);
      expect(b.ip).toEqual({ ...a.ip, updatedAt: b.ip.updatedAt });
      expect(a.tax.year).toBe(2025);
      expect(b.tax.year).toBe(2026);
    }
  });

  it("dates every source and never reports events from the future", () => {
    const early = new Date("2021-06-01T00:00:00Z");
    for (const now of [NOW, early]) {
      for (const code of exampleUsccs(200, "dates")) {
        const credit = creditRecord(code, now);
        if (!credit) throw new Error("expected a record");
        const established = registryRecord(code)!.establishedOn;
        const today = now.toISOString().slice(0, 10);
        const stamps = Object.values(credit.sources).map((s) => s.updatedAt);
        for (const stamp of stamps) expect(Date.parse(stamp)).toBeLessThanOrEqual(now.getTime());
        expect(credit.updatedAt).toBe([...stamps].sort().at(-1));
        for (const p of credit.sources.penalties.items) {
          expect(p.decidedOn <= today && p.decidedOn >= established, `${code} ${p.decidedOn}`).toBe(true);
        }
        for (const l of [...credit.sources.redList.items, ...credit.sources.dishonestyList.items]) {
          expect(l.listedOn <= today, `${code} ${l.listedOn}`).toBe(true);
        }
      }
    }
  });

  it("matches the client's contract schemas, money in integer 元", () => {
    const codes = [
      ...exampleUsccs(300, "contract"),
      ...SPECIAL_USCCS.map((s) => s.uscc),
      ...DEMO_REGISTRATION_USCCS,
    ];
    for (const code of codes) {
      expect(registrationSchema.safeParse(registryRecord(code)).success, code).toBe(true);
      const parsed = creditSchema.safeParse(creditRecord(code, NOW));
      expect(parsed.success, `${code}: ${parsed.success ? "" : parsed.error.message}`).toBe(true);
    }
  });

  it("has the rough rates of an ordinary district", () => {
    const codes = exampleUsccs(2000, "rates");
    const records = codes.map((c) => creditRecord(c, NOW)!.sources);
    const share = (f: (s: (typeof records)[number]) => boolean) => records.filter(f).length / records.length;

    expect(share((s) => s.dishonestyList.items.length > 0)).toBeGreaterThan(0.015);
    expect(share((s) => s.dishonestyList.items.length > 0)).toBeLessThan(0.05);
    expect(share((s) => s.redList.items.length > 0)).toBeGreaterThan(0.05);
    expect(share((s) => s.redList.items.length > 0)).toBeLessThan(0.11);
    expect(share((s) => s.tax.grade === "A" || s.tax.grade === "B")).toBeGreaterThan(0.65);
    for (const grade of ["M", "C", "D"] as const) {
      expect(share((s) => s.tax.grade === grade)).toBeGreaterThan(0.02);
    }
    expect(share((s) => s.penalties.items.length > 0)).toBeGreaterThan(0.1);
    expect(share((s) => s.penalties.items.some((p) => p.repaired))).toBeGreaterThan(0.05);
    expect(share((s) => s.penalties.items.some((p) => !p.repaired))).toBeGreaterThan(0.05);
    // Coherence: the lists agree with the grades.
    for (const s of records) {
      if (s.redList.items.length > 0) expect(s.tax.grade).toBe("A");
      if (s.dishonestyList.items.length > 0) {
        expect(["C", "D"]).toContain(s.tax.grade);
        expect(s.publicRating.grade).toBe("D");
        expect(s.redList.items).toEqual([]);
      }
    }
  });
});

describe("special codes", () => {
  it("注销 and 吊销 firms carry their status", () => {
    for (const code of specials("deregistered")) expect(registryRecord(code)?.status).toBe("注销");
    for (const code of specials("revoked")) {
      expect(registryRecord(code)?.status).toBe("吊销");
      const credit = creditRecord(code, NOW)!.sources;
      expect(credit.publicRating.grade).toBe("D");
      const last = credit.penalties.items.at(-1)!;
      expect(last.reason).toContain("吊销营业执照");
    }
  });

  it("dishonest firms are active but on a 严重失信 list", () => {
    const [debtor, taxOffender] = specials("dishonest");
    expect(registryRecord(debtor)?.status).toBe("存续");
    const d = creditRecord(debtor, NOW)!.sources;
    expect(d.dishonestyList.items.map((i) => i.listName)).toEqual(["失信被执行人名单"]);
    expect(d.judicial.enforcementCases).toBe(3);
    expect(d.publicRating.grade).toBe("D");

    const t = creditRecord(taxOffender, NOW)!.sources;
    expect(t.dishonestyList.items.map((i) => i.listName)).toEqual(["重大税收违法失信主体名单"]);
    expect(t.tax.grade).toBe("D");
  });

  it("the red-list firm has A grades and a clean record", () => {
    const [code] = specials("redList");
    const s = creditRecord(code, NOW)!.sources;
    expect(registryRecord(code)?.status).toBe("存续");
    expect(s.redList.items.map((i) => i.listName)).toEqual(["纳税信用A级纳税人名单", "守合同重信用企业"]);
    expect(s.tax.grade).toBe("A");
    expect(s.publicRating.grade).toBe("A");
    expect(s.penalties.items).toEqual([]);
    expect(s.dishonestyList.items).toEqual([]);
  });

  it("the unpaid-penalties firm has unrepaired penalties, one of 80 000 元", () => {
    const [code] = specials("unpaidPenalties");
    const s = creditRecord(code, NOW)!.sources;
    expect(s.penalties.items).toHaveLength(2);
    expect(s.penalties.items.every((p) => !p.repaired)).toBe(true);
    expect(s.penalties.items.map((p) => p.amount)).toContain(80_000);
    expect(s.tax.grade).toBe("C");
    expect(s.dishonestyList.items).toEqual([]);
  });

  it("the outage firm is a normal firm in the data (the handler answers 500)", () => {
    const [code] = specials("creditOutage");
    expect(registryRecord(code)?.status).toBe("存续");
    expect(creditRecord(code, NOW)).not.toBeNull();
  });
});

describe("exampleUsccs", () => {
  it("gives n distinct valid Zhengzhou codes, the same for the same seed", () => {
    const codes = exampleUsccs(500, 42);
    expect(new Set(codes).size).toBe(500);
    for (const code of codes) {
      expect(isValidUscc(code)).toBe(true);
      expect(code.startsWith("91410100MA")).toBe(true);
      expect(specialKindOf(code)).toBeNull();
    }
    expect(exampleUsccs(500, 42)).toEqual(codes);
    expect(exampleUsccs(10, 42)).toEqual(codes.slice(0, 10));
    expect(exampleUsccs(10, 43)).not.toEqual(codes.slice(0, 10));
    expect(exampleUsccs(0, 1)).toEqual([]);
  });
});
