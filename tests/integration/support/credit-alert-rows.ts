import type { Prisma } from "@prisma/client";

import { db } from "../helpers";

let n = 0;

/**
 * A credit alert row as the nightly refresh writes it (app/models/credit-alert.server.ts), for
 * fixtures that need one without running the refresh: a penalty by default, due in three days.
 */
export async function plantAlert(
  options: {
    enterpriseId: string;
    bankId: string;
    kind?: string;
    decisionNo?: string;
    detectedAt?: Date;
    dueAt?: Date;
  } & Partial<
    Pick<Prisma.CreditAlertUncheckedCreateInput, "acknowledgedAt" | "action" | "actionNote" | "basis">
  >,
) {
  n += 1;
  const decisionNo = options.decisionNo ?? `郑东市监罚〔2026〕${1000 + n}号`;
  const detectedAt = options.detectedAt ?? new Date();
  return db.creditAlert.create({
    data: {
      enterpriseId: options.enterpriseId,
      bankId: options.bankId,
      kind: options.kind ?? "PENALTY",
      changeKey: `penalty:${decisionNo}`,
      detail: JSON.stringify({
        decisionNo,
        authority: "郑州市郑东新区市场监督管理局",
        decidedOn: "2026-11-20",
      }),
      source: "penalties",
      recordKey: decisionNo,
      basis: options.basis ?? "LOAN",
      detectedAt,
      dueAt: options.dueAt ?? new Date(detectedAt.getTime() + 3 * 86_400_000),
      acknowledgedAt: options.acknowledgedAt ?? null,
      action: options.action ?? null,
      actionNote: options.actionNote ?? null,
    },
  });
}
