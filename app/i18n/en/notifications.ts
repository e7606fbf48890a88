import type { Catalog } from "../zh-CN";

export const notifications: Catalog["notifications"] = {
  title: "Messages",
  unread: "{count} unread",
  none: "No messages",
  markAllRead: "Mark all as read",
  kinds: {
    "application.SUBMITTED": "{enterprise} applied: {number} ({product})",
    "application.ACCEPTED": "Your application {number} ({product}) was accepted by the bank",
    "application.APPROVED": "Your application {number} ({product}) was approved",
    "application.DISBURSED": "The loan of your application {number} ({product}) was disbursed",
    "application.REJECTED": "Your application {number} ({product}) was rejected",
    "application.WITHDRAWN": "{enterprise} withdrew application {number}",
    "application.CANCELLED": "Application {number} ({product}) was cancelled",
    "offer.CREATED": "{bank} made an offer on your financing need ({product})",
    "offer.ACCEPTED": "{enterprise} accepted your offer; application {number} was created",
    "offer.DECLINED": "{enterprise} declined your offer ({product})",
    "recommendation.REQUESTED": "{enterprise} asks to be recommended for the whitelist",
    "recommendation.APPROVED": "{enterprise} is on the whitelist ({batch})",
    "recommendation.REJECTED": "The whitelist recommendation of {enterprise} was rejected: {reason}",
    "whitelist.BATCH": "The bureau published whitelist batch {batch} with {count} firms",
    "whitelist.SUSPENDED": "The whitelist entry of {enterprise} is suspended: {reason}",
    "whitelist.REVOKED": "The whitelist entry of {enterprise} was revoked: {reason}",
    "objection.FILED": "{enterprise} filed an objection to a credit record",
    "objection.ACCEPTED": "Your objection was accepted and the record corrected",
    "objection.REJECTED": "Your objection was not accepted: {reason}",
  },
};
