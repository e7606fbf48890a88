/**
 * Enterprise.authorisedUntil from the firm's authorisations: the latest expiry of its unrevoked
 * grants (any bank), null when none (docs/decisions/027-authorised-until.md). One statement for
 * every firm, as the demo seed and the bench's load write it after their raw inserts; the
 * portal's writers add `WHERE "id" = …` for the one firm (refreshAuthorisedUntil).
 */
export const REFRESH_EVERY_AUTHORISED_UNTIL = `UPDATE "Enterprise" SET "authorisedUntil" = (
    SELECT MAX("z"."expiresAt") FROM "Authorization" "z"
     WHERE "z"."enterpriseId" = "Enterprise"."id" AND "z"."revokedAt" IS NULL)`;
