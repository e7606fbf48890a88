import { json } from "@remix-run/node";

import { parseProductForm } from "~/domain/decision-rules";
import { redirectWithFlash } from "~/flash.server";
import type { BankActor } from "~/models/actor";
import {
  changeBankProductStatus,
  getBankProduct,
  updateBankProduct,
  type ProductChangeResult,
} from "~/models/bank-product.server";
import { bestCandidatesForProduct } from "~/models/matching.server";
import type { FieldErrors } from "~/utils/forms";
import { badRequest, forbidden, notFound } from "~/utils/http.server";

/** The product and, once it is published, the firms it fits best. */
export async function productPage(actor: BankActor, id: string) {
  const product = await getBankProduct({ id, actor });
  if (!product) throw notFound();
  const candidates =
    product.status === "PUBLISHED" ? await bestCandidatesForProduct(actor, product.id) : null;
  return { product, candidates };
}

export type ActionData = { errors: FieldErrors; values: Record<string, string | string[]> };

function failure(result: Extract<ProductChangeResult, { ok: false }>, values: ActionData["values"] = {}) {
  if (result.error === "NOT_FOUND") throw forbidden();
  const key = result.error === "ARCHIVED" ? "bank.errors.productArchived" : "bank.errors.productChanged";
  return json<ActionData>({ errors: { _form: { key } }, values }, { status: 409 });
}

/** The hidden updatedAt the form was rendered with: exactly an ISO instant (Date() accepts junk after one). */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export async function save(actor: BankActor, id: string, form: FormData) {
  const seenText = String(form.get("updatedAt") ?? "");
  const seen = ISO_INSTANT.test(seenText) ? new Date(seenText) : new Date(NaN);
  const parsed = parseProductForm(form);
  if (!parsed.ok) return badRequest<ActionData>({ errors: parsed.errors, values: parsed.values });
  if (Number.isNaN(seen.getTime())) return failure({ ok: false, error: "CHANGED" });
  const result = await updateBankProduct({ id, actor, input: parsed.data, seenUpdatedAt: seen });
  if (!result.ok) return failure(result);
  return redirectWithFlash(`/bank/products/${result.id}`, {
    kind: "success",
    key: result.newVersion ? "bank.products.flash.newVersion" : "bank.products.flash.saved",
  });
}

export async function move(actor: BankActor, id: string, to: "publish" | "archive") {
  const result = await changeBankProductStatus({ id, actor, move: to });
  if (!result.ok) return failure(result);
  return redirectWithFlash(`/bank/products/${id}`, {
    kind: "success",
    key: to === "publish" ? "bank.products.flash.published" : "bank.products.flash.archived",
  });
}
