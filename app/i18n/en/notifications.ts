import type { Catalog } from "../zh-CN";

export const notifications: Catalog["notifications"] = {
  title: "Messages",
  unread: "{count} unread",
  none: "No messages",
  markAllRead: "Mark all as read",
  new: "New",
  allRead: "All messages marked as read",
  bell: "Messages, {count} unread",
  kinds: {
    "notice.PUBLISHED": "The bureau published a notice: {title}",
    "enterprise.REGISTERED": "{enterprise}, a firm of your sub-district, registered on the portal",
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
    "recommendation.PENDING": "{office} recommends {enterprise} for the whitelist; review pending",
    "sla.OVERDUE": "Application {number} ({enterprise}) is past its deadline",
    "followUp.REJECTED":
      "The application {number} of {enterprise} in your sub-district was rejected; consider a follow-up visit",
    "whitelist.BATCH": "The bureau published whitelist batch {batch} with {count} firms",
    "whitelist.SUSPENDED": "The whitelist entry of {enterprise} is suspended: {reason}",
    "whitelist.REVOKED": "The whitelist entry of {enterprise} was revoked: {reason}",
    "whitelist.RESTORED": "The whitelist entry of {enterprise} was restored: {reason}",
    "recommendation.DECLINED": "The sub-district office did not recommend {enterprise}: {reason}",
    "objection.FILED": "{enterprise} filed an objection to a credit record",
    "objection.ACCEPTED": "Your objection was accepted and the record corrected",
    "objection.REJECTED": "Your objection was not accepted: {reason}",
    "claim.FILED": "Compensation claim filed on {enterprise}'s loan ({number}), awaiting review",
    "claim.REFILED":
      "The claim on {enterprise}'s loan ({number}) came back with more material, awaiting review",
    "claim.APPROVED":
      "The claim on {enterprise}'s loan ({number}) was approved; payment from the pool follows",
    "claim.RETURNED": "The claim on {enterprise}'s loan ({number}) was returned: please add material",
    "claim.REJECTED": "The claim on {enterprise}'s loan ({number}) was rejected",
    "claim.PAID": "Compensation on {enterprise}'s loan ({number}) was paid",
    "bankSuspension.SUSPENDED":
      "The overdue ratio of your filed loans is {ratio}, above {threshold}: new filings with the pool are suspended",
    "bankSuspension.ENDED":
      "The overdue ratio of your filed loans fell to {ratio}: filing with the pool is open again",
    "bankSuspension.LIFTED": "The bureau lifted your suspension from filing: {reason}",
    "recovery.REPORTED":
      "A recovery on {enterprise}'s loan ({number}) was reported; the pool's share is owed",
    "recovery.RECEIVED": "The pool's share of recovery {reference} was received",
    "loan.REPAID": "A repayment of CNY {amount} on loan {number} has been recorded ({date})",
    "loan.SETTLED": "Loan {number} is settled ({date}, last payment CNY {amount})",
    "loan.DUE_SOON":
      "Loan {number} has CNY {amount} falling due on {date}; please pay it in full and on time",
    "loan.RENEWAL_DUE":
      "Loan {number} matures on {date} (about {days} days from now), CNY {amount} of principal outstanding. To renew it, send a renewal request in one step",
    "loan.RENEWAL_DUE_BANK":
      "Renewal reminder: loan {number} of {enterprise} matures on {date} (about {days} days from now), CNY {amount} of principal outstanding",
    "webhook.FAILED":
      "Event {type} could not be delivered (72 hours of retries failed); redeliver it on the webhooks page",
    "creditAlert.PENALTY":
      "Credit alert: {enterprise} has a new administrative penalty {decisionNo} ({authority})",
    "creditAlert.DISHONESTY": "Credit alert: {enterprise} was put on the {listName} ({authority})",
    "creditAlert.ENFORCEMENT":
      "Credit alert: enforcement cases against {enterprise} rose from {from} to {to}",
    "creditAlert.TAX_DOWNGRADE":
      "Credit alert: the tax credit grade of {enterprise} fell from {from} to {to}",
    "creditAlert.SOCIAL_INSURANCE_ARREARS":
      "Credit alert: {enterprise} is {months} months behind on social insurance",
    "creditAlert.ABNORMAL_OPERATIONS":
      "Credit alert: {enterprise} was put on the abnormal operations list ({reason})",
    "creditAlert.REGISTRY_STATUS":
      "Credit alert: the registry status of {enterprise} changed from {from} to {to}",
    "creditAlertOwn.PENALTY":
      "The portal found a new administrative penalty {decisionNo} on your record and told your banks; you may object to it",
    "creditAlertOwn.DISHONESTY":
      "The portal found your firm on the {listName} and told your banks; you may object to it",
    "creditAlertOwn.ENFORCEMENT":
      "The portal found {to} enforcement cases against your firm and told your banks; you may object to it",
    "creditAlertOwn.TAX_DOWNGRADE":
      "The portal found your tax credit grade fell from {from} to {to} and told your banks; you may object to it",
    "creditAlertOwn.SOCIAL_INSURANCE_ARREARS":
      "The portal found your firm {months} months behind on social insurance and told your banks; you may object to it",
    "creditAlertOwn.ABNORMAL_OPERATIONS":
      "The portal found your firm on the abnormal operations list and told your banks; you may object to it",
    "creditAlertOwn.REGISTRY_STATUS":
      "The portal found your registry status changed to {to} and told your banks",
  },
};
