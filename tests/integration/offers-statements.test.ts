/**
 * The demands a bank may answer, listed in SQL (listAnswerableDemands), are the ones Prisma's
 * definition gives (open, valid today, of a firm with a live authorisation for this bank or all
 * banks, or with an active loan of this bank), in the same order, page by page — over firms with
 * every kind of grant and loan, and demands open, closed, expired and sharing an instant.
 */
import { beforeAll, describe, expect, it } from "vitest";

import type { BankActor } from "~/models/actor";
import { openDemandWhere } from "~/models/candidate.server";
import { visibleEnterprisesWhere } from "~/models/enterprise.server";
import { listAnswerableDemands } from "~/models/offer.server";

import {
  buildAuthorization,
  buildDemand,
  buildEnterprise,
  createApplication,
  createBank,
  createProduct,
  createSubDistrict,
} from "../../prisma/factories";
import { bankActorOf, db } from "./helpers";

const DAY = 86_400_000;
const NOW = new Date();
const actorOf = bankActorOf;
let banks: string[];

beforeAll(async () => {
  const subDistrictId = (await createSubDistrict(db)).id;
  banks = [(await createBank(db)).id, (await createBank(db)).id];
  const [bankId, otherBank] = banks;
  const firms = Array.from(
    { length: 36 },
    (_, i) => buildEnterprise({ subDistrictId, name: `应答企业${String(i).padStart(2, "0")}` }).enterprise,
  );
  await db.enterprise.createMany({ data: firms });
  const kinds = [
    { bankId, scope: "BASIC" as const },
    { bankId: null, scope: "BASIC" as const },
    { bankId: otherBank, scope: "FULL" as const },
    { bankId, scope: "FULL" as const, expiresAt: new Date(NOW.getTime() - DAY) },
    { bankId, scope: "FULL" as const, revokedAt: new Date(NOW.getTime() - DAY) },
    null,
  ];
  await db.authorization.createMany({
    data: firms.flatMap((firm, i) => {
      const kind = kinds[i % kinds.length];
      return kind
        ? [
            buildAuthorization({
              enterpriseId: firm.id,
              grantedAt: new Date(NOW.getTime() - 10 * DAY),
              ...kind,
            }),
          ]
        : [];
    }),
  });
  await db.demand.createMany({
    data: firms.flatMap((firm, i) => [
      // pairs of firms share an instant: the id breaks the tie
      buildDemand({
        enterpriseId: firm.id,
        createdAt: new Date(NOW.getTime() - (1 + Math.floor(i / 2)) * DAY),
      }),
      i % 4 === 0
        ? buildDemand({ enterpriseId: firm.id, status: "CLOSED", createdAt: new Date(NOW.getTime() - DAY) })
        : buildDemand({
            enterpriseId: firm.id,
            createdAt: new Date(NOW.getTime() - 70 * DAY),
            validUntil: new Date(NOW.getTime() - 2 * DAY),
          }),
    ]),
  });
  // Borrowers without a grant: an active loan of each bank makes the firm visible to that bank
  // only; a settled one does not.
  const products = [
    (await createProduct(db, { bankId })).id,
    (await createProduct(db, { bankId: otherBank })).id,
  ];
  for (const [i, productId, settled] of [
    [5, products[0], false],
    [11, products[1], false],
    [17, products[0], true],
  ] as const) {
    const application = await createApplication(db, {
      enterpriseId: firms[i].id,
      productId,
      state: "DISBURSED",
      submittedAt: new Date(NOW.getTime() - 40 * DAY),
    });
    // the factory books the disbursed application's loan
    if (settled)
      await db.loan.update({ where: { applicationId: application.id }, data: { status: "SETTLED" } });
  }
  // the applications' own grants would make these firms visible anyway: only the loans may
  await db.authorization.updateMany({
    where: { enterpriseId: { in: [firms[5].id, firms[11].id, firms[17].id] } },
    data: { revokedAt: new Date(NOW.getTime() - DAY) },
  });
});

async function reference(actor: BankActor, page: number, pageSize: number) {
  const where = { ...openDemandWhere(NOW), enterprise: visibleEnterprisesWhere(actor, NOW) };
  const [total, rows] = await Promise.all([
    db.demand.count({ where }),
    db.demand.findMany({
      where,
      select: { id: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  return { total, ids: rows.map((row) => row.id) };
}

describe("the demands a bank may answer, in SQL", () => {
  it("are Prisma's definition, in the same order, on every page, for each bank", async () => {
    for (const bankId of banks) {
      const actor = actorOf(bankId);
      for (const page of [1, 2, 3, 4]) {
        const listed = await listAnswerableDemands(actor, { page, pageSize: 5, now: NOW });
        const expected = await reference(actor, page, 5);
        expect({ total: listed.total, ids: listed.demands.map((d) => d.id) }).toEqual(expected);
      }
    }
    // the fixture means something: both kinds of visibility, and refusals, for the first bank
    const first = await reference(actorOf(banks[0]), 1, 100);
    expect(first.total).toBeGreaterThan(5);
    expect(first.total).toBeLessThan(36);
  });

  it("show a borrower's demand to its lender only while the loan is active", async () => {
    const names = async (bankId: string) =>
      (await listAnswerableDemands(actorOf(bankId), { page: 1, pageSize: 100, now: NOW })).demands.map(
        (d) => d.enterprise.name,
      );
    const [mine, other] = [await names(banks[0]), await names(banks[1])];
    expect(mine).toContain("应答企业05");
    expect(other).not.toContain("应答企业05");
    expect(other).toContain("应答企业11");
    expect(mine).not.toContain("应答企业11");
    expect([...mine, ...other]).not.toContain("应答企业17");
  });
});
