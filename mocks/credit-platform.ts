/**
 * msw handlers that play the municipal public credit platform. The contract and the mock's
 * rules are documented at the top of ./credit-data.
 */
import { http, HttpResponse } from "msw";

import { isValidUscc, normalizeUscc } from "../app/domain/uscc";
import { changeKindOf, creditRecord, registryRecord, specialKindOf } from "./credit-data";

/**
 * How many times this process served each changing firm (CHANGING_USCCS in ./credit-data): the
 * n-th answer is step n, so every refresh finds something new. In memory: a restart starts again.
 */
const steps = new Map<string, number>();

function nextStep(uscc: string, what: "credit" | "registry"): number {
  const kind = changeKindOf(uscc);
  // the 吊销 firm moves with its registry record, every other one with its credit record
  if (!kind || (kind === "revocation") !== (what === "registry")) return 0;
  const code = normalizeUscc(uscc);
  const step = (steps.get(code) ?? 0) + 1;
  steps.set(code, step);
  return step;
}

/** Back to step 0 for every changing firm (tests). */
export function resetCreditChanges() {
  steps.clear();
}

function problem(status: number, error: string, message: string, headers?: HeadersInit) {
  return HttpResponse.json({ error, message }, { status, headers });
}

/** null when the request carries a usable bearer token, else the 401 to answer with. */
function refuseUnauthorized(request: Request) {
  const header = request.headers.get("authorization") ?? "";
  if (/^Bearer\s+\S+\s*$/i.test(header)) return null;
  return problem(401, "unauthorized", "missing or invalid bearer token", { "WWW-Authenticate": "Bearer" });
}

function usccParam(params: Record<string, string | readonly string[] | undefined>): string {
  const raw = String(params.uscc ?? "");
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function creditPlatformHandlers(baseUrl: string) {
  const base = baseUrl.replace(/\/+$/, "");
  return [
    http.get(`${base}/v1/enterprises/:uscc`, ({ request, params }) => {
      const refused = refuseUnauthorized(request);
      if (refused) return refused;
      const uscc = usccParam(params);
      if (!isValidUscc(uscc)) return problem(400, "invalid_uscc", "not a valid 统一社会信用代码");
      const record = registryRecord(uscc, nextStep(uscc, "registry"));
      if (!record) return problem(404, "not_found", "no such market entity");
      return HttpResponse.json(record);
    }),

    http.get(`${base}/v1/enterprises/:uscc/credit`, ({ request, params }) => {
      const refused = refuseUnauthorized(request);
      if (refused) return refused;
      const uscc = usccParam(params);
      if (!isValidUscc(uscc)) return problem(400, "invalid_uscc", "not a valid 统一社会信用代码");
      if (specialKindOf(uscc) === "creditOutage") {
        return problem(500, "internal_error", "credit data service unavailable");
      }
      const record = creditRecord(uscc, new Date(), nextStep(uscc, "credit"));
      if (!record) return problem(404, "not_found", "no such market entity");
      return HttpResponse.json(record);
    }),
  ];
}
