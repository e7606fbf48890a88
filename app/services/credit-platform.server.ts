/**
 * The one client of the municipal public credit platform (市公共信用信息平台).
 *
 * The contract (paths, JSON shapes, errors) is written out at the top of
 * mocks/credit-data.ts; the zod schemas below are its authority.
 *
 * Behaviour:
 * - The USCC is normalised and checked locally first; an invalid code throws `bad_request`
 *   without a request.
 * - Not found: `getRegistration` returns null (an unknown firm is a normal answer during
 *   registration); `getCredit` throws `not_found` (a registered firm without a credit record is
 *   an anomaly, handled like any other platform failure: keep the cache, show the notice).
 * - Retried (up to `retries` more attempts): 429 (waiting `Retry-After`, capped), 5xx, network
 *   errors and timeouts, with exponential backoff and jitter otherwise. Never retried: 400, 401,
 *   403, 404, other 4xx, malformed bodies.
 * - `timeoutMs` bounds each attempt, including reading the body.
 */
import { z } from "zod";

import { PUBLIC_RATINGS, TAX_GRADES } from "~/domain/credit-grades";

import { isValidUscc, normalizeUscc } from "~/domain/uscc";
import { getEnv, parseEnv } from "~/env.server";

export const CREDIT_SOURCES = [
  "tax",
  "socialInsurance",
  "housingFund",
  "utilities",
  "licenses",
  "penalties",
  "redList",
  "dishonestyList",
  "judicial",
  "ip",
  "publicRating",
  "abnormalOperations",
] as const;
export type CreditSource = (typeof CREDIT_SOURCES)[number];

export const REGISTRY_STATUSES = ["存续", "注销", "吊销"] as const;

// ---------------------------------------------------------------------------------------
// Schemas. Unknown keys are stripped (the real platform may add fields); missing fields,
// wrong types, unknown enum values and impossible dates are rejected.

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
  .refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "not a calendar date");
const isoDateTime = z.string().datetime({ offset: true });
const yuan = z.number().int().nonnegative();
const count = z.number().int().nonnegative();
const text = z.string().min(1);

export const registrationSchema = z.object({
  uscc: z.string().refine(isValidUscc, "not a valid USCC"),
  name: text,
  status: z.enum(REGISTRY_STATUSES),
  establishedOn: isoDate,
  /** 万元 */
  registeredCapital: z.number().nonnegative().finite(),
  legalRepresentative: text,
  address: text,
});

const listed = <T extends z.ZodTypeAny>(item: T) =>
  z.object({ items: z.array(item), updatedAt: isoDateTime });

const listEntry = z.object({
  listName: text,
  authority: text,
  listedOn: isoDate,
  reason: z.string(),
});

export const creditSchema = z.object({
  updatedAt: isoDateTime,
  sources: z.object({
    tax: z.object({
      grade: z.enum(TAX_GRADES),
      year: z.number().int().min(1990).max(2100),
      /** 元 */
      taxPaid: yuan,
      updatedAt: isoDateTime,
    }),
    socialInsurance: z.object({ insuredEmployees: count, arrearsMonths: count, updatedAt: isoDateTime }),
    housingFund: z.object({ contributors: count, updatedAt: isoDateTime }),
    utilities: z.object({
      waterArrears: yuan,
      powerArrears: yuan,
      gasArrears: yuan,
      updatedAt: isoDateTime,
    }),
    licenses: listed(
      z.object({ name: text, licenseNo: text, authority: text, validFrom: isoDate, validTo: isoDate }),
    ),
    penalties: listed(
      z.object({
        decisionNo: text,
        authority: text,
        decidedOn: isoDate,
        reason: z.string(),
        amount: yuan,
        repaired: z.boolean(),
      }),
    ),
    redList: listed(listEntry),
    /** Every entry is a 严重失信主体名单 listing. */
    dishonestyList: listed(listEntry),
    judicial: z.object({ enforcementCases: count, updatedAt: isoDateTime }),
    ip: z.object({ patents: count, trademarks: count, updatedAt: isoDateTime }),
    publicRating: z.object({ grade: z.enum(PUBLIC_RATINGS), updatedAt: isoDateTime }),
    /** 经营异常名录; optional: a platform without it tells nothing about it (not "not listed"). */
    abnormalOperations: listed(listEntry).optional(),
  }),
});

export type RegistrationRecord = z.infer<typeof registrationSchema>;
export type CreditRecord = z.infer<typeof creditSchema>;
export type PenaltyRecord = CreditRecord["sources"]["penalties"]["items"][number];
export type ListEntryRecord = CreditRecord["sources"]["redList"]["items"][number];

// ---------------------------------------------------------------------------------------
// Errors

export type CreditPlatformErrorKind =
  | "not_found"
  | "unauthorized"
  | "rate_limited"
  | "unavailable"
  | "timeout"
  | "network"
  | "malformed"
  | "bad_request";

export class CreditPlatformError extends Error {
  readonly kind: CreditPlatformErrorKind;
  /** HTTP status of the last answer, when there was one. */
  readonly status: number | undefined;
  /** Requests made before giving up (0 when the input was rejected locally). */
  readonly attempts: number;

  constructor(
    kind: CreditPlatformErrorKind,
    message: string,
    options: { status?: number; attempts?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "CreditPlatformError";
    this.kind = kind;
    this.status = options.status;
    this.attempts = options.attempts ?? 0;
  }
}

export function isCreditPlatformError(error: unknown): error is CreditPlatformError {
  return error instanceof CreditPlatformError;
}

// ---------------------------------------------------------------------------------------
// Client

export interface CreditPlatformClientOptions {
  baseUrl: string;
  token: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts after the first, for retryable failures. */
  retries?: number;
  /** Defaults to the global fetch as it is at request time (so msw can patch it later). */
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  /** First backoff step; doubles each retry, plus up to 50% jitter. */
  backoffMs?: number;
  /** Cap on any single wait, including one asked for by Retry-After. */
  maxWaitMs?: number;
  /** Source of jitter in [0, 1). */
  random?: () => number;
}

export interface CreditPlatformClient {
  /** The registry record, or null when the platform does not know the firm (404). */
  getRegistration(uscc: string): Promise<RegistrationRecord | null>;
  /** The credit record; throws CreditPlatformError (kind "not_found" on 404). */
  getCredit(uscc: string): Promise<CreditRecord>;
}

type Attempt =
  | { ok: true; status: number; body: unknown }
  | { ok: false; error: CreditPlatformError; retryable: boolean; waitMs?: number };

const NOT_FOUND = Symbol("not found");

export function createCreditPlatformClient(options: CreditPlatformClientOptions): CreditPlatformClient {
  const {
    token,
    timeoutMs = 5000,
    retries = 2,
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    backoffMs = 250,
    maxWaitMs = 10_000,
    random = Math.random,
  } = options;
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const doFetch: typeof globalThis.fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  function backoff(attempt: number): number {
    const step = backoffMs * 2 ** (attempt - 1);
    return Math.min(maxWaitMs, Math.round(step + random() * step * 0.5));
  }

  async function attemptOnce(url: string, attempt: number): Promise<Attempt> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const failed = (
      kind: CreditPlatformErrorKind,
      message: string,
      retryable: boolean,
      extra: { status?: number; cause?: unknown; waitMs?: number } = {},
    ): Attempt => ({
      ok: false,
      retryable,
      waitMs: extra.waitMs,
      error: new CreditPlatformError(kind, message, {
        status: extra.status,
        attempts: attempt,
        cause: extra.cause,
      }),
    });
    const transportFailure = (cause: unknown): Attempt =>
      controller.signal.aborted
        ? failed("timeout", `credit platform did not answer within ${timeoutMs} ms`, true, { cause })
        : failed("network", `credit platform unreachable: ${describe(cause)}`, true, { cause });

    try {
      let response: Response;
      try {
        response = await doFetch(url, {
          headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
          signal: controller.signal,
        });
      } catch (cause) {
        return transportFailure(cause);
      }
      const { status } = response;

      if (status >= 200 && status < 300) {
        let raw: string;
        try {
          raw = await response.text();
        } catch (cause) {
          return transportFailure(cause);
        }
        try {
          return { ok: true, status, body: JSON.parse(raw) as unknown };
        } catch (cause) {
          return failed("malformed", "credit platform answered with invalid JSON", false, { status, cause });
        }
      }

      // The body of an error answer is not needed; release the connection. Not awaited: with
      // msw's interception, cancel() of a mocked body never settles.
      void response.body?.cancel().catch(() => undefined);
      if (status === 404) return { ok: true, status, body: NOT_FOUND };
      if (status === 401 || status === 403) {
        return failed("unauthorized", `credit platform refused the token (${status})`, false, { status });
      }
      if (status === 429) {
        const waitMs = retryAfterMs(response.headers.get("retry-after"), Date.now());
        return failed("rate_limited", "credit platform rate limit reached (429)", true, {
          status,
          waitMs: waitMs === null ? undefined : Math.min(waitMs, maxWaitMs),
        });
      }
      if (status >= 500) return failed("unavailable", `credit platform error (${status})`, true, { status });
      return failed("bad_request", `credit platform rejected the request (${status})`, false, { status });
    } finally {
      clearTimeout(timer);
    }
  }

  async function get(path: string): Promise<{ body: unknown; attempts: number }> {
    const url = `${baseUrl}${path}`;
    for (let attempt = 1; ; attempt++) {
      const result = await attemptOnce(url, attempt);
      if (result.ok) return { body: result.body, attempts: attempt };
      if (!result.retryable || attempt > retries) throw result.error;
      await sleep(result.waitMs ?? backoff(attempt));
    }
  }

  function checkedUscc(input: string): string {
    const uscc = normalizeUscc(input);
    if (!isValidUscc(uscc)) {
      throw new CreditPlatformError("bad_request", `not a valid USCC: ${JSON.stringify(input)}`);
    }
    return uscc;
  }

  function parse<T extends z.ZodTypeAny>(
    schema: T,
    body: unknown,
    what: string,
    attempts: number,
  ): z.infer<T> {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const issues = result.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
      .join("; ");
    throw new CreditPlatformError("malformed", `unexpected ${what} from credit platform: ${issues}`, {
      status: 200,
      attempts,
      cause: result.error,
    });
  }

  return {
    async getRegistration(input) {
      const uscc = checkedUscc(input);
      const { body, attempts } = await get(`/v1/enterprises/${encodeURIComponent(uscc)}`);
      if (body === NOT_FOUND) return null;
      const record = parse(registrationSchema, body, "registration", attempts);
      if (record.uscc !== uscc) {
        throw new CreditPlatformError("malformed", `registration is for ${record.uscc}, asked for ${uscc}`, {
          status: 200,
          attempts,
        });
      }
      return record;
    },

    async getCredit(input) {
      const uscc = checkedUscc(input);
      const { body, attempts } = await get(`/v1/enterprises/${encodeURIComponent(uscc)}/credit`);
      if (body === NOT_FOUND) {
        throw new CreditPlatformError("not_found", `no credit record for ${uscc}`, { status: 404, attempts });
      }
      return parse(creditSchema, body, "credit record", attempts);
    },
  };
}

/** Retry-After as delay-seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
    return `${error.message}${cause}`;
  }
  return String(error);
}

/**
 * The client configured from the environment (env.server.ts): CREDIT_PLATFORM_URL and
 * CREDIT_PLATFORM_TOKEN, which default to the msw mock and a dev token when MOCKS is on and are
 * required when it is off. Pass `source` to read another environment than process.env.
 */
export function creditPlatformFromEnv(source?: NodeJS.ProcessEnv): CreditPlatformClient {
  const env = source ? parseEnv(source) : getEnv();
  if (!env.CREDIT_PLATFORM_URL || !env.CREDIT_PLATFORM_TOKEN) {
    throw new Error("CREDIT_PLATFORM_URL and CREDIT_PLATFORM_TOKEN must be set when MOCKS is off");
  }
  return createCreditPlatformClient({ baseUrl: env.CREDIT_PLATFORM_URL, token: env.CREDIT_PLATFORM_TOKEN });
}
