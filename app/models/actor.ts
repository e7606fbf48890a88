/** Roles of the portal; a user holds exactly one. */
export const ROLES = ["ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The signed-in user as every loader and action sees it (safe to send to the browser). */
export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  bankId: string | null;
  subDistrictId: string | null;
  /** the organisation the user acts for, in both languages */
  organization: { zh: string; en: string } | null;
  /**
   * Set when a bank system acts through /api/v1 (its client's own BANK user is `id`): the
   * access log records the channel and the audit log the key (never sent to a browser).
   */
  apiClient?: { id: string; keyId: string };
};

export type EnterpriseActor = Actor & { role: "ENTERPRISE"; enterpriseId: string };
export type BankActor = Actor & { role: "BANK"; bankId: string };
export type OfficeActor = Actor & { role: "GOV_OFFICE"; subDistrictId: string };
export type BureauActor = Actor & { role: "GOV_BUREAU" };
export type GovActor = OfficeActor | BureauActor;

/**
 * An actor with the address their request came from — server.js's, never a header
 * (`withClientIp` in app/client-ip.server.ts). Model functions that write the audit trail take
 * one, so that every row says from where.
 */
export type AuditedActor<A extends Actor = Actor> = A & { ip: string };

/** What a model function that reads or changes one row for an actor takes: the row, who, when. */
export type RowOfActor<A extends Actor> = { id: string; actor: A; now?: Date };

export function homePathFor(role: Role): string {
  switch (role) {
    case "ENTERPRISE":
      return "/enterprise";
    case "BANK":
      return "/bank";
    case "GOV_OFFICE":
    case "GOV_BUREAU":
      return "/gov";
  }
}
