/** A `groupBy({ by: ["status"] })` as { status: count } for a list's tabs; a status without rows is absent. */
export function countsByStatus<S extends string = string>(
  rows: { status: string; _count: number | { _all: number } }[],
): Partial<Record<S, number>> {
  return Object.fromEntries(
    rows.map((row) => [row.status, typeof row._count === "number" ? row._count : row._count._all]),
  ) as Partial<Record<S, number>>;
}
