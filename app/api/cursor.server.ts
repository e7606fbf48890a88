/**
 * The cursor of a list ordered by a time column and the id (applications and loans by updatedAt,
 * products and demands by createdAt): the `after` a client sends back and the `next` it is given.
 */
import { ApiError } from "./errors.server";
import { decodeCursor, encodeCursor } from "./wire";

type Position<K extends string> = { [P in K]: Date } & { id: string };

/** Where the page starts (null: the first page); 400 for a cursor this kind of list did not issue. */
export function positionAfter<K extends string>(after: string | undefined, key: K): Position<K> | null {
  if (!after) return null;
  const cursor = decodeCursor(after);
  if (!cursor || typeof cursor.key !== "number")
    throw new ApiError("invalid_request", { fields: { after: { key: "api.fields.cursor" } } });
  return { [key]: new Date(cursor.key), id: cursor.id } as Position<K>;
}

/** The `next` of a page: after its last row when the page is full, otherwise null (the end). */
export function nextCursor<K extends string>(rows: Position<K>[], limit: number, key: K): string | null {
  const last = rows.at(-1);
  return rows.length === limit && last ? encodeCursor(last[key].getTime(), last.id) : null;
}
