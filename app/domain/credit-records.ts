import type { CreditSource } from "~/services/credit-platform.server";
import { DEFAULT_LOCALE, type Locale } from "~/i18n/locales";
import { translate, type MessageParams } from "~/i18n/translate";

/** One record of a source, as an objection refers to it: its key and a readable summary. */
export type CreditRecordRef = { source: CreditSource; recordKey: string; recordSummary: string };

/**
 * The records of the firm's cached profile that an objection can be filed against, each summed
 * up in `locale` through the catalogue (domain.creditRecord.*). A filed objection stores the
 * Chinese summary: the record as it stood when filed, read by the bureau.
 */
export function objectableRecords(
  sources: { source: string; data: unknown }[],
  locale: Locale = DEFAULT_LOCALE,
): CreditRecordRef[] {
  const refs: CreditRecordRef[] = [];
  const summary = (key: string, params: MessageParams) =>
    translate(locale, `domain.creditRecord.${key}`, params);
  for (const { source, data } of sources) {
    const d = data as Record<string, unknown>;
    switch (source) {
      case "penalties":
        for (const p of (d.items as {
          decisionNo: string;
          authority: string;
          decidedOn: string;
          reason: string;
          amount: number;
        }[]) ?? [])
          refs.push({ source, recordKey: p.decisionNo, recordSummary: summary("penalties", p) });
        break;
      case "dishonestyList":
      case "redList":
        for (const e of (d.items as {
          listName: string;
          authority: string;
          listedOn: string;
          reason: string;
        }[]) ?? [])
          refs.push({
            source,
            recordKey: `${e.listName}:${e.listedOn}`,
            recordSummary: summary("listing", e),
          });
        break;
      case "licenses":
        for (const l of (d.items as {
          name: string;
          licenseNo: string;
          authority: string;
          validTo: string;
        }[]) ?? [])
          refs.push({ source, recordKey: l.licenseNo, recordSummary: summary("licenses", l) });
        break;
      case "tax":
        refs.push({
          source,
          recordKey: `tax:${String(d.year)}`,
          recordSummary: summary("tax", { year: String(d.year), grade: String(d.grade) }),
        });
        break;
      case "publicRating":
        refs.push({
          source,
          recordKey: "publicRating",
          recordSummary: summary("publicRating", { grade: String(d.grade) }),
        });
        break;
      case "socialInsurance":
        refs.push({
          source,
          recordKey: "socialInsurance",
          recordSummary: summary("socialInsurance", {
            insured: String(d.insuredEmployees),
            arrears: String(d.arrearsMonths),
          }),
        });
        break;
      case "utilities":
        refs.push({
          source,
          recordKey: "utilities",
          recordSummary: summary("utilities", {
            water: String(d.waterArrears),
            power: String(d.powerArrears),
            gas: String(d.gasArrears),
          }),
        });
        break;
      case "judicial":
        refs.push({
          source,
          recordKey: "judicial",
          recordSummary: summary("judicial", { cases: String(d.enforcementCases) }),
        });
        break;
      default:
        break;
    }
  }
  return refs;
}
