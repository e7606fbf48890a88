/**
 * How a bank system pulls what is new (applications, loans): rows in the order they last changed,
 * by (updatedAt, id) so that rows changed in the same instant keep one order and none is skipped
 * or read twice between two pages.
 */

/** The last row a bank system has read. */
export type ChangeCursor = { updatedAt: Date; id: string };

export type ChangeWindow = { updatedSince?: Date; after?: ChangeCursor | null; limit: number };

/** The conditions for rows changed since `updatedSince` and after the cursor (for an AND list). */
export function changedAfterWhere({ updatedSince, after }: Omit<ChangeWindow, "limit">) {
  return [
    updatedSince ? { updatedAt: { gte: updatedSince } } : {},
    after
      ? {
          OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }],
        }
      : {},
  ];
}
