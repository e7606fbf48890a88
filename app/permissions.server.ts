import { redirect } from "@remix-run/node";

import {
  homePathFor,
  type Actor,
  type BankActor,
  type BureauActor,
  type EnterpriseActor,
  type GovActor,
  type OfficeActor,
  type Role,
} from "./models/actor";
import { getActorById } from "./models/user.server";
import { getSession } from "./session.server";

/**
 * The one permission vocabulary of the portal. Every loader and action calls one of
 * these first; models then scope their queries to the actor they return.
 *
 * - not signed in → redirect to /login (with the page to come back to);
 * - signed in with the wrong role → 404 for reads (existence does not leak), 403 for writes.
 */
export async function getActor(request: Request): Promise<Actor | null> {
  const session = await getSession(request);
  if (!session) return null;
  return getActorById(session.userId);
}

export async function requireUser(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) {
    const url = new URL(request.url);
    const back = request.method === "GET" ? `${url.pathname}${url.search}` : url.pathname;
    throw redirect(`/login?${new URLSearchParams({ redirectTo: back })}`);
  }
  return actor;
}

function isRead(request: Request) {
  return request.method === "GET" || request.method === "HEAD";
}

/** 404 for a read, 403 for a write: the status for "not yours". */
export function denial(request: Request): Response {
  return isRead(request)
    ? new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } })
    : new Response("Forbidden", { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

export async function requireRole<R extends Role>(
  request: Request,
  roles: readonly R[],
): Promise<Actor & { role: R }> {
  const actor = await requireUser(request);
  if (!(roles as readonly Role[]).includes(actor.role)) throw denial(request);
  return actor as Actor & { role: R };
}

export async function requireEnterpriseUser(request: Request): Promise<EnterpriseActor> {
  const actor = await requireRole(request, ["ENTERPRISE"]);
  if (!actor.enterpriseId) throw denial(request);
  return actor as EnterpriseActor;
}

export async function requireBankUser(request: Request): Promise<BankActor> {
  const actor = await requireRole(request, ["BANK"]);
  if (!actor.bankId) throw denial(request);
  return actor as BankActor;
}

export async function requireGovUser(request: Request): Promise<GovActor> {
  const actor = await requireRole(request, ["GOV_OFFICE", "GOV_BUREAU"]);
  if (actor.role === "GOV_OFFICE" && !actor.subDistrictId) throw denial(request);
  return actor as GovActor;
}

export async function requireOfficeUser(request: Request): Promise<OfficeActor> {
  const actor = await requireRole(request, ["GOV_OFFICE"]);
  if (!actor.subDistrictId) throw denial(request);
  return actor as OfficeActor;
}

export async function requireBureauUser(request: Request): Promise<BureauActor> {
  return (await requireRole(request, ["GOV_BUREAU"])) as BureauActor;
}

/**
 * For a role's home page: other roles are sent to their own home instead of a 404,
 * because following a bookmark to the wrong home is an ordinary mistake.
 */
export async function requireHomeRole<R extends Role>(
  request: Request,
  roles: readonly R[],
): Promise<Actor & { role: R }> {
  const actor = await requireUser(request);
  if (!(roles as readonly Role[]).includes(actor.role)) throw redirect(homePathFor(actor.role));
  return actor as Actor & { role: R };
}
