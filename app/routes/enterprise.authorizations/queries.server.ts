import { addDays, shanghaiDate } from "~/domain/shanghai-time";
import type { EnterpriseActor } from "~/models/actor";
import {
  listGrantableBanks,
  listOwnAuthorizations,
  maxAuthorizationExpiry,
} from "~/models/authorization.server";

import { PAGE_SIZE } from "./constants";

/** The default and latest expiry day: one year from today, minus a day, ending 23:59 Shanghai. */
export function maxExpiryDay(now: Date) {
  return addDays(shanghaiDate(maxAuthorizationExpiry(now)), -1);
}

/** The firm's live authorisations, one page of its past ones, and the banks it may grant to. */
export async function authorizationsPage(actor: EnterpriseActor, params: URLSearchParams) {
  const pageParam = Number(params.get("page") ?? "1");
  const page = Number.isSafeInteger(pageParam) && pageParam >= 1 && pageParam <= 10_000 ? pageParam : 1;
  const now = new Date();
  const [lists, banks] = await Promise.all([
    listOwnAuthorizations(actor, { page, pageSize: PAGE_SIZE, now }),
    listGrantableBanks(),
  ]);
  return {
    ...lists,
    banks,
    page,
    today: shanghaiDate(now),
    maxDay: maxExpiryDay(now),
    now: now.toISOString(),
  };
}
