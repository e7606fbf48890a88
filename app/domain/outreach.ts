/**
 * Codes of the outreach features (notices, invitations, training) that the server and the
 * browser share: audiences, statuses, channels, and the notice's optional links.
 */
export const NOTICE_AUDIENCES = ["PUBLIC", "ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"] as const;
export type NoticeAudience = (typeof NOTICE_AUDIENCES)[number];

export const NOTICE_STATUSES = ["DRAFT", "PUBLISHED", "WITHDRAWN"] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];

/** The audiences a reader may see: public notices, and those for the reader's role. */
export function audiencesFor(role: Exclude<NoticeAudience, "PUBLIC"> | null): NoticeAudience[] {
  return role ? ["PUBLIC", role] : ["PUBLIC"];
}

export type NoticeLink = { label: string; url: string };

/** At most this many links under a notice. */
export const MAX_NOTICE_LINKS = 5;

/** The stored JSON of a notice's links, tolerating anything malformed (→ no links). */
export function parseNoticeLinks(json: string): NoticeLink[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((item) =>
      item && typeof item === "object" && typeof item.label === "string" && typeof item.url === "string"
        ? [{ label: item.label, url: item.url }]
        : [],
    );
  } catch {
    return [];
  }
}

export const INVITATION_CHANNELS = ["VISIT", "PHONE", "EVENT", "WECHAT", "OTHER"] as const;
export type InvitationChannel = (typeof INVITATION_CHANNELS)[number];

export const TRAINING_AUDIENCES = ["ENTERPRISE", "BANK", "GOV_OFFICE", "GOV_BUREAU"] as const;
export type TrainingAudience = (typeof TRAINING_AUDIENCES)[number];
