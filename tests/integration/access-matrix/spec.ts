import type { Who } from "./markers";
import type { World } from "./world";

/**
 * Who may do what: for each requester, "all" targets or the names of the targets allowed.
 * A requester left out is denied everything.
 */
export type Allow = Partial<Record<Who, "all" | readonly string[]>>;

/** One thing to request a route about: URL params, query string and form fields. */
export type Target = {
  params?: Record<string, string>;
  query?: Record<string, string>;
  fields?: Record<string, string | string[]>;
};
export type Targets = (w: World) => Record<string, Target>;

export type PostSpec = {
  allow: Allow;
  /** the form that an allowed requester would send (besides `intent` and the target's fields) */
  fields?: (w: World) => Record<string, string | string[]>;
  /** targets of this intent when they differ from the route's */
  targets?: Targets;
  /** sign in afresh for each cell (the action ends the session) */
  freshSession?: boolean;
};

export type RouteSpec = {
  /** the ids to request: default one target without params */
  targets?: Targets;
  /** who may load (GET); omit only for a route without a loader */
  get?: Allow;
  /**
   * The action's intents (the `intent` field), each with who may take it. A key starting with
   * "-" names an action that has no intent field.
   */
  post?: Record<string, PostSpec>;
};

export const ANYONE: Allow = {
  anonymous: "all",
  ENTERPRISE: "all",
  BANK: "all",
  GOV_OFFICE: "all",
  GOV_BUREAU: "all",
};
export const SIGNED_IN: Allow = { ENTERPRISE: "all", BANK: "all", GOV_OFFICE: "all", GOV_BUREAU: "all" };
export const ENTERPRISE: Allow = { ENTERPRISE: "all" };
export const BANK: Allow = { BANK: "all" };
export const GOV: Allow = { GOV_OFFICE: "all", GOV_BUREAU: "all" };
export const OFFICE: Allow = { GOV_OFFICE: "all" };
export const BUREAU: Allow = { GOV_BUREAU: "all" };

/** Whether `who` may act on the target named `target`. */
export function allows(allow: Allow, who: Who, target: string): boolean {
  const rule = allow[who];
  return rule === "all" || (rule !== undefined && rule.includes(target));
}
