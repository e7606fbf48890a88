/**
 * The candidate list in two statements (issue 15) gives what the seven-round-trip version gave
 * (tests/integration/support/candidates-reference.ts), for every sort, the filters and deep
 * pages, over firms with every kind of grant (this bank's FULL or BASIC, all banks', another
 * bank's, expired, revoked) and demand (open, closed, expired).
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { CandidateSort } from "~/domain/bank-choices";
import type { BankActor } from "~/models/actor";
import { listCandidates, type CandidateFilters } from "~/models/candidate.server";

import {
  buildAuthorization,
  buildDemand,
  buildEnterprise,
  createBank,
  createSubDistrict,
} from "../../prisma/factories";
import { bankActorOf, db } from "./helpers";
import { listCandidatesReference } from "./support/candidates-reference";

const DAY = 86_400_000;
const NOW = new Date("2026-11-26T01:00:00.000Z");
let actor: BankActor;

beforeAll(async () => {
  const subDistricts = [(await createSubDistrict(db)).id, (await createSubDistrict(db)).id];
  const bankId = (await createBank(db)).id;
  const otherBank = (await createBank(db)).id;
  actor = bankActorOf(bankId);
  const sizes = ["MICRO", "SMALL", "MEDIUM"] as const;
  const sections = ["C", "F", "I"] as const;
  const grades = ["A", "B", "M", "C", "D"] as const;
  const firms = Array.from({ length: 90 }, (_, i) => {
    const { enterprise } = buildEnterprise({
      subDistrictId: subDistricts[i % 2],
      name: `候选企业${String(i).padStart(3, "0")}`,
      size: sizes[i % 3],
      sectionCode: sections[Math.floor(i / 3) % 3],
      taxGrade: grades[i % 5],
      onDishonestyList: i % 11 === 0,
      whitelistedUntil:
        i % 4 === 0 ? new Date(NOW.getTime() + 30 * DAY) : i % 4 === 1 ? new Date(NOW.getTime() - DAY) : null,
      // a few share their instant: the id breaks the tie
      createdAt: new Date(NOW.getTime() - Math.floor(i / 2) * DAY),
    });
    return enterprise;
  });
  await db.enterprise.createMany({ data: firms });
  const grants = firms.flatMap((firm, i) => {
    const kinds = [
      { bankId, scope: "FULL" as const },
      { bankId, scope: "BASIC" as const },
      { bankId: null, scope: "BASIC" as const },
      { bankId: otherBank, scope: "FULL" as const },
      { bankId, scope: "FULL" as const, expiresAt: new Date(NOW.getTime() - DAY) },
      { bankId, scope: "FULL" as const, revokedAt: new Date(NOW.getTime() - DAY) },
    ];
    const chosen = [kinds[i % 6]];
    if (i % 7 === 0)
      chosen.push({
        bankId: null,
        scope: "BASIC",
        expiresAt: new Date(NOW.getTime() + (i + 5) * DAY),
      } as never);
    return chosen.map((kind) =>
      buildAuthorization({ enterpriseId: firm.id, grantedAt: new Date(NOW.getTime() - 10 * DAY), ...kind }),
    );
  });
  await db.authorization.createMany({ data: grants });
  const demands = firms.flatMap((firm, i) =>
    i % 3 === 0
      ? [
          buildDemand({
            enterpriseId: firm.id,
            amountYuan: 100_000 * (1 + (i % 9)),
            createdAt: new Date(NOW.getTime() - 5 * DAY),
          }),
          buildDemand({
            enterpriseId: firm.id,
            amountYuan: 50_000,
            createdAt: new Date(NOW.getTime() - 3 * DAY),
          }),
        ]
      : i % 3 === 1
        ? [
            buildDemand({
              enterpriseId: firm.id,
              amountYuan: 900_000,
              validUntil: new Date(NOW.getTime() - DAY),
            }),
          ]
        : [],
  );
  await db.demand.createMany({ data: demands });
});

const CASES: { filters: CandidateFilters; page: number }[] = [
  { filters: {}, page: 1 },
  { filters: {}, page: 2 },
  { filters: {}, page: 3 },
  { filters: { section: "C", size: "MICRO" }, page: 1 },
  { filters: { whitelisted: true }, page: 1 },
  { filters: { whitelisted: false }, page: 2 },
  { filters: { minTaxGrade: "B" }, page: 1 },
  { filters: { minDemandYuan: 300_000 }, page: 1 },
  { filters: { q: "候选企业0" }, page: 1 },
];
const SORTS: CandidateSort[] = ["newest", "oldest", "name"];

describe("the candidate list in two statements", () => {
  it("returns what the seven-query version returned, for every sort, filter and page", async () => {
    let compared = 0;
    for (const sort of SORTS) {
      for (const c of CASES) {
        const options = { filters: c.filters, sort, page: c.page, now: NOW };
        const [fresh, reference] = [
          await listCandidates(actor, options),
          await listCandidatesReference(actor, options),
        ];
        expect(fresh).toEqual(reference);
        compared += fresh.candidates.length;
      }
    }
    // the cases are not empty: FULL and BASIC firms, with and without open demands
    expect(compared).toBeGreaterThan(200);
    const all = await listCandidates(actor, { filters: {}, sort: "name", page: 1, pageSize: 100, now: NOW });
    expect(all.candidates.some((c) => c.scope === "FULL" && c.credit !== null)).toBe(true);
    expect(all.candidates.some((c) => c.scope === "BASIC" && c.credit === null)).toBe(true);
    expect(all.candidates.some((c) => c.openDemand?.count === 2)).toBe(true);
  }, 180_000); // many writes and reads: minutes on a loaded shared machine
});
