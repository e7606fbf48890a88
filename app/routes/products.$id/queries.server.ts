import { checkEligibility, eligibilityProductOf } from "~/domain/eligibility";
import type { Actor, EnterpriseActor } from "~/models/actor";
import { findOpenApplication, getEligibilityFirm } from "~/models/enterprise-application.server";
import type { getPublishedProduct } from "~/models/product.server";

type Product = NonNullable<Awaited<ReturnType<typeof getPublishedProduct>>>;

export type FirmView = {
  eligibility: ReturnType<typeof checkEligibility>;
  openApplication: { id: string; number: string } | null;
};

/** What a signed-in firm sees beside a product: whether it qualifies, and its open application. */
export async function firmViewOf(actor: Actor | null, product: Product): Promise<FirmView | null> {
  if (!(actor?.role === "ENTERPRISE" && actor.enterpriseId)) return null;
  const enterpriseActor = actor as EnterpriseActor;
  const [firm, openApplication] = await Promise.all([
    getEligibilityFirm(enterpriseActor),
    findOpenApplication(enterpriseActor, product.id),
  ]);
  if (!firm) return null;
  return {
    eligibility: checkEligibility(firm, eligibilityProductOf({ ...product, status: "PUBLISHED" })),
    openApplication,
  };
}
