/**
 * The query string of every list page: page, sort, choices, ids, a search text. A bad value is
 * ignored (the default is used), never an error page. Plain functions without zod, so that a
 * page parsing its query does not ship the form parsers to the browser.
 *
 * How to write a list (the screen half is app/components/list-kit.tsx):
 *
 *   const FIRM_SORTS = ["name", "createdAt"] as const;           // in domain/ or models/
 *   export async function loader({ request }: LoaderFunctionArgs) {
 *     const actor = await requireGovUser(request);
 *     const params = new URL(request.url).searchParams;
 *     const { page, sort } = parseListQuery(params, FIRM_SORTS, { key: "name", dir: "asc" });
 *     const filters = { size: parseChoice(ENTERPRISE_SIZES, params.get("size")), q: parseSearch(params.get("q")) };
 *     return { ...(await listGovFirms(actor, { filters, sort, page, pageSize: PAGE_SIZE })), page, sort };
 *   }
 */

/** Rows per page of a list unless the list has a reason for another size. */
export const PAGE_SIZE = 20;

/** Page `page` (from 1) of a query: the rows Prisma skips and takes. */
export function pageWindow(page: number, pageSize: number = PAGE_SIZE) {
  return { skip: (page - 1) * pageSize, take: pageSize };
}

/** The shape of the ids we issue (cuid), as the forms' id schema accepts them. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/** ?page= → 1…10000, default 1. */
export function parsePage(value: string | null): number {
  if (!value || !/^\d{1,5}$/.test(value)) return 1;
  const page = Number(value);
  return page >= 1 && page <= 10_000 ? page : 1;
}

/** A value of a fixed list, or undefined. */
export function parseChoice<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return value !== null && (list as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** An id-shaped value (cuid) or undefined. */
export function parseId(value: string | null | undefined): string | undefined {
  return typeof value === "string" && ID_PATTERN.test(value) ? value : undefined;
}

/** A search box's text: trimmed and capped; blank is undefined. */
export function parseSearch(value: string | null | undefined, max = 50): string | undefined {
  return value?.trim().slice(0, max) || undefined;
}

export type SortDir = "asc" | "desc";
export type Sort<K extends string> = { key: K; dir: SortDir };

/** "?sort=name&dir=desc" → a known key and direction (ascending unless "desc"), or the default. */
export function parseSort<K extends string>(
  params: URLSearchParams,
  keys: readonly K[],
  fallback: Sort<K>,
): Sort<K> {
  const key = parseChoice(keys, params.get("sort"));
  if (!key) return fallback;
  return { key, dir: params.get("dir") === "desc" ? "desc" : "asc" };
}

/** The page and the sort of a list with sortable headers. */
export function parseListQuery<K extends string>(
  params: URLSearchParams,
  sortKeys: readonly K[],
  defaultSort: Sort<K>,
): { page: number; sort: Sort<K> } {
  return { page: parsePage(params.get("page")), sort: parseSort(params, sortKeys, defaultSort) };
}
