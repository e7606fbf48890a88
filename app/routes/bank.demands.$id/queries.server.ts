import { json } from "@remix-run/node";

import { offerProductId, parseOfferForm } from "~/domain/decision-rules";
import { redirectWithFlash } from "~/flash.server";
import type { BankActor } from "~/models/actor";
import { createOffer, getOfferableProduct } from "~/models/offer.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, forbidden } from "~/utils/http.server";

type ActionData = { errors: FieldErrors; values: Record<string, string | string[]> };

/** An offer on the demand, within the ranges of the chosen product (a product gone or a second offer is refused). */
export async function makeOffer(actor: BankActor, demandId: string, form: FormData) {
  const productId = offerProductId(form);
  const product = productId ? await getOfferableProduct(actor, productId) : null;
  const parsed = parseOfferForm(form, product);
  if (!parsed.ok) return badRequest<ActionData>({ errors: parsed.errors, values: parsed.values });
  const result = await createOffer({ actor, demandId, input: parsed.data });
  if (result.ok)
    return redirectWithFlash("/bank/offers?tab=mine", { kind: "success", key: "bank.offers.flash.created" });
  if (result.error === "NOT_FOUND") throw forbidden();
  const key = result.error === "DUPLICATE" ? "bank.errors.offerDuplicate" : "bank.errors.productGone";
  return json<ActionData>({ errors: { productId: { key } }, values: {} }, { status: 409 });
}
