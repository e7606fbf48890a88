import type { Prisma } from "@prisma/client";

import { db } from "~/db.server";
import { TAX_GRADES, gradesAtLeast } from "~/domain/credit-grades";
import { eligibilityProductOf } from "~/domain/eligibility";
import { rankFirms, rankProducts, type FitReason, type MatchNeed } from "~/domain/matching";

import type { BankActor, EnterpriseActor } from "./actor";
import { productTermsSelect } from "./selects.server";

/** The strongest reasons of a match, for a one-line explanation in a list. */
function topReasons(fit: FitReason[], count = 3) {
  return [...fit]
    .filter((reason) => reason.points > 0)
    .sort((a, b) => b.points / b.max - a.points / a.max || b.max - a.max)
    .slice(0, count)
    .map(({ key, params }) => ({ key, params }));
}

const splitList = (value: string) => value.split(",").filter(Boolean);

const matchProductSelect = {
  id: true,
  name: true,
  status: true,
  ...productTermsSelect,
  bank: { select: { name: true, nameEn: true } },
} satisfies Prisma.ProductSelect;

/** What eligibility and fit read of a firm. */
const matchFirmSelect = {
  size: true,
  sectionCode: true,
  taxGrade: true,
  publicRating: true,
  onDishonestyList: true,
  onRedList: true,
  whitelistedUntil: true,
} satisfies Prisma.EnterpriseSelect;

/**
 * "为您推荐": the published products the matcher ranks best for the signed-in firm, using its
 * newest open demand as the need. Only eligible products are recommended.
 */
export async function recommendProducts(actor: EnterpriseActor, take = 3, now = new Date()) {
  const [firm, demand, products] = await Promise.all([
    db.enterprise.findUnique({
      where: { id: actor.enterpriseId },
      select: { id: true, ...matchFirmSelect },
    }),
    db.demand.findFirst({
      where: { enterpriseId: actor.enterpriseId, status: "OPEN", validUntil: { gte: now } },
      select: { amountYuan: true, termMonths: true, rateCeilingBp: true, guaranteeTypes: true },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    }),
    db.product.findMany({
      where: { status: "PUBLISHED", bank: { active: true } },
      select: matchProductSelect,
    }),
  ]);
  if (!firm) return [];
  const need: MatchNeed = demand
    ? {
        amountYuan: demand.amountYuan,
        termMonths: demand.termMonths,
        rateCeilingBp: demand.rateCeilingBp,
        guaranteeTypes: splitList(demand.guaranteeTypes),
      }
    : {};
  const ranked = rankProducts(
    { ...firm, whitelisted: firm.whitelistedUntil !== null && firm.whitelistedUntil > now },
    products.map((product) => ({ ...product, ...eligibilityProductOf(product) })),
    need,
  );
  return ranked
    .filter((entry) => entry.match.eligible)
    .slice(0, take)
    .map(({ product, match }) => ({
      product: {
        id: product.id,
        name: product.name,
        type: product.type,
        guaranteeType: product.guaranteeType,
        minAmountYuan: product.minAmountYuan,
        maxAmountYuan: product.maxAmountYuan,
        minTermMonths: product.minTermMonths,
        maxTermMonths: product.maxTermMonths,
        minRateBp: product.minRateBp,
        maxRateBp: product.maxRateBp,
        whitelistOnly: product.whitelistOnly,
        bank: product.bank,
      },
      score: match.score,
      reasons: topReasons(match.fit),
    }));
}

/** How many firms are considered for "best candidates" after the SQL pre-filter. */
const CANDIDATE_POOL = 300;

/**
 * "最匹配的企业" for one of the bank's own products: firms with a live FULL authorisation for
 * this bank (credit grades are only for those), pre-filtered in SQL by the product's hard
 * rules, then ranked by the matcher with each firm's open demand as its need.
 */
export async function bestCandidatesForProduct(
  actor: BankActor,
  productId: string,
  take = 10,
  now = new Date(),
) {
  const product = await db.product.findFirst({
    where: { id: productId, bankId: actor.bankId },
    select: matchProductSelect,
  });
  if (!product) return null;
  const shaped = { ...product, ...eligibilityProductOf(product) };
  const where: Prisma.EnterpriseWhereInput = {
    onDishonestyList: false,
    size: { in: shaped.eligibleSizes },
    authorizations: {
      some: {
        scope: "FULL",
        revokedAt: null,
        expiresAt: { gt: now },
        OR: [{ bankId: actor.bankId }, { bankId: null }],
      },
    },
  };
  if (shaped.eligibleSections.length) where.sectionCode = { in: shaped.eligibleSections };
  if (product.minTaxGrade) {
    const allowed = gradesAtLeast(TAX_GRADES, product.minTaxGrade);
    where.taxGrade = { in: allowed };
  }
  if (product.whitelistOnly) where.whitelistedUntil = { gt: now };
  const firms = await db.enterprise.findMany({
    where,
    select: {
      id: true,
      name: true,
      ...matchFirmSelect,
      demands: {
        where: { status: "OPEN", validUntil: { gte: now } },
        select: { amountYuan: true, termMonths: true, rateCeilingBp: true, guaranteeTypes: true },
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
        take: 1,
      },
    },
    orderBy: [{ whitelistedUntil: "desc" }, { taxGrade: "asc" }, { id: "asc" }],
    take: CANDIDATE_POOL,
  });
  const ranked = rankFirms(
    shaped,
    firms.map(({ demands, whitelistedUntil, ...firm }) => ({
      firm: { ...firm, whitelisted: whitelistedUntil !== null && whitelistedUntil > now },
      need: demands[0]
        ? {
            amountYuan: demands[0].amountYuan,
            termMonths: demands[0].termMonths,
            rateCeilingBp: demands[0].rateCeilingBp,
            guaranteeTypes: splitList(demands[0].guaranteeTypes),
          }
        : {},
    })),
  );
  return ranked
    .filter((entry) => entry.match.eligible)
    .slice(0, take)
    .map(({ firm, match }) => ({
      firm: { id: firm.id, name: firm.name, size: firm.size, whitelisted: firm.whitelisted },
      score: match.score,
      reasons: topReasons(match.fit),
    }));
}
