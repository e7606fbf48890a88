/**
 * 贷后预警 (SPEC "Early warning and renewals"): a change in a firm's credit data raises one
 * CreditAlert per bank entitled to it — every bank with an outstanding loan to the firm, and every
 * bank whose live authorisation covers the data — with a notification to the bank's officers, one
 * to the firm, and a `credit.alert` event for the bank's systems, all in the transaction that
 * stores the refresh. Idempotent by (firm, change, bank): the unique key of the table.
 */
import type { Prisma } from "@prisma/client";

import type { CreditChange } from "~/domain/credit-changes";
import { shanghaiIsoTime } from "~/domain/webhook-events";

import { notify } from "./notification.server";
import { recordEvent } from "./webhook-event.server";

type Tx = Prisma.TransactionClient;

export type AlertBasis = "LOAN" | "AUTHORIZATION";

type Recipient = { basis: AlertBasis; scope: "BASIC" | "FULL" };

/**
 * The banks told of a change of this firm now, with why and what they may see: lenders with an
 * outstanding loan (FULL until the loan is settled), then banks of live authorisations — a grant
 * to all banks covering every active bank — with the widest scope granted.
 */
export async function alertRecipients(
  tx: Tx,
  enterpriseId: string,
  now: Date,
): Promise<Map<string, Recipient>> {
  const [loans, grants] = await Promise.all([
    tx.loan.findMany({ where: { enterpriseId, status: "ACTIVE" }, select: { bankId: true } }),
    tx.authorization.findMany({
      where: { enterpriseId, revokedAt: null, expiresAt: { gt: now } },
      select: { bankId: true, scope: true },
    }),
  ]);
  const recipients = new Map<string, Recipient>();
  for (const loan of loans) recipients.set(loan.bankId, { basis: "LOAN", scope: "FULL" });
  const allBanks = grants.some((grant) => grant.bankId === null)
    ? (await tx.bank.findMany({ where: { active: true }, select: { id: true } })).map((bank) => bank.id)
    : [];
  for (const grant of grants) {
    for (const bankId of grant.bankId === null ? allBanks : [grant.bankId]) {
      const known = recipients.get(bankId);
      if (known?.basis === "LOAN") continue;
      const scope = grant.scope === "FULL" || known?.scope === "FULL" ? "FULL" : "BASIC";
      recipients.set(bankId, { basis: "AUTHORIZATION", scope });
    }
  }
  return recipients;
}

/** The notification parameters of a change (the catalogue's `creditAlert.<KIND>` messages use them). */
function messageParams(firmName: string, change: CreditChange) {
  return { enterprise: firmName, ...change.detail };
}

/**
 * Raises the alerts of `changes` for the firm, inside the caller's transaction (the one storing
 * the refresh that found them). A change already alerted to a bank is skipped for that bank, so a
 * refresh seen twice raises, notifies and emits nothing twice. Returns the alerts created.
 */
export async function raiseCreditAlerts(
  tx: Tx,
  {
    enterpriseId,
    changes,
    now,
    dueAt,
  }: { enterpriseId: string; changes: readonly CreditChange[]; now: Date; dueAt: Date },
): Promise<number> {
  if (!changes.length) return 0;
  const [recipients, firm, existing] = await Promise.all([
    alertRecipients(tx, enterpriseId, now),
    tx.enterprise.findUniqueOrThrow({ where: { id: enterpriseId }, select: { name: true, uscc: true } }),
    tx.creditAlert.findMany({
      where: { enterpriseId, changeKey: { in: changes.map((c) => c.key) } },
      select: { changeKey: true, bankId: true },
    }),
  ]);
  const told = new Set(existing.map((alert) => `${alert.changeKey}\u0000${alert.bankId}`));
  const changesAlerted = new Set(existing.map((alert) => alert.changeKey));
  let created = 0;
  for (const change of changes) {
    const banks = [...recipients]
      .filter(
        ([bankId, r]) =>
          (change.scope === "BASIC" || r.scope === "FULL") && !told.has(`${change.key}\u0000${bankId}`),
      )
      .sort(([a], [b]) => a.localeCompare(b));
    if (!banks.length) continue;
    for (const [bankId, recipient] of banks) {
      const alert = await tx.creditAlert.create({
        data: {
          enterpriseId,
          bankId,
          kind: change.kind,
          changeKey: change.key,
          detail: JSON.stringify(change.detail),
          source: change.source,
          recordKey: change.recordKey,
          basis: recipient.basis,
          detectedAt: now,
          dueAt,
        },
        select: { id: true },
      });
      await notify.bank(tx, bankId, {
        kind: `creditAlert.${change.kind}`,
        params: messageParams(firm.name, change),
        link: `/bank/alerts/${alert.id}`,
      });
      created += 1;
    }
    // The firm hears once per change (not once per bank), when its banks are first told.
    if (!changesAlerted.has(change.key)) {
      await notify.enterprise(tx, enterpriseId, {
        kind: `creditAlertOwn.${change.kind}`,
        params: messageParams(firm.name, change),
        link: "/enterprise/alerts",
      });
    }
    await recordEvent(tx, {
      type: "credit.alert",
      bankIds: banks.map(([bankId]) => bankId),
      orderingKey: `enterprise:${enterpriseId}`,
      now,
      data: {
        enterprise: { uscc: firm.uscc, name: firm.name },
        kind: change.kind,
        changeKey: change.key,
        detail: change.detail,
        detectedAt: shanghaiIsoTime(now),
        acknowledgeBy: shanghaiIsoTime(dueAt),
      },
    });
  }
  return created;
}
