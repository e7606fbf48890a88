/** Codes of the enterprise journey used by the browser and the server alike (not in a .server module). */
export const AUTHORIZATION_SCOPES = ["BASIC", "FULL"] as const;
export type AuthorizationScope = (typeof AUTHORIZATION_SCOPES)[number];

export const DEMAND_STATUSES = ["OPEN", "CLOSED", "FULFILLED"] as const;

export const APPLICATION_SORTS = ["newest", "oldest", "amount"] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];
