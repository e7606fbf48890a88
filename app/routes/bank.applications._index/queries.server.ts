import { APPLICATION_STATES } from "~/domain/application-machine";
import { parseChoice, parseId, parsePage } from "~/domain/list-query";
import type { BankActor } from "~/models/actor";
import { listInbox } from "~/models/bank-application.server";
import { listBankProductNames } from "~/models/bank-product.server";

/** The bank's inbox: one page of applications by state and product, and the products to filter by. */
export async function inboxPage(actor: BankActor, params: URLSearchParams) {
  const filters = {
    state: parseChoice(APPLICATION_STATES, params.get("state")),
    productId: parseId(params.get("product")),
  };
  const page = parsePage(params.get("page"));
  const [inbox, products] = await Promise.all([
    listInbox(actor, { filters, page }),
    listBankProductNames(actor),
  ]);
  return { ...inbox, products, page };
}
