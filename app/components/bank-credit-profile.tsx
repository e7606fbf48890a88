import type { ReactNode } from "react";

import { formatDate } from "~/domain/format-date";
import { findSection } from "~/domain/industry-sections";
import { formatYuan } from "~/domain/money";
import { useLocale, useT } from "~/i18n/use-t";

import { Badge, Card } from "./ui";

/** "C 制造业" in the page's language. */
export function useSectionName() {
  const locale = useLocale();
  return (code: string) => {
    const section = findSection(code);
    return section ? `${code} ${locale === "zh-CN" ? section.zh : section.en}` : code;
  };
}

export type FirmBasics = {
  name: string;
  uscc: string;
  sectionCode: string;
  size: string;
  whitelisted: boolean;
  subDistrict: { name: string; nameEn: string };
};

function Row({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-1 py-2 sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="text-sm text-slate-900 sm:col-span-2">{children}</dd>
    </div>
  );
}

export function FirmBasicsCard({ firm }: { firm: FirmBasics }) {
  const t = useT();
  const locale = useLocale();
  const sectionName = useSectionName();
  return (
    <Card title={t("bank.profile.basicInfo")}>
      <dl className="divide-y divide-slate-100">
        <Row label={t("bank.profile.uscc")}>
          <span className="font-mono">{firm.uscc}</span>
        </Row>
        <Row label={t("bank.profile.industry")}>{sectionName(firm.sectionCode)}</Row>
        <Row label={t("bank.profile.size")}>{t(`domain.size.${firm.size as "SMALL"}`)}</Row>
        <Row label={t("bank.profile.subDistrict")}>
          {locale === "zh-CN" ? firm.subDistrict.name : firm.subDistrict.nameEn}
        </Row>
        <Row label={t("bank.profile.whitelist")}>
          {firm.whitelisted ? (
            <Badge tone="green">{t("bank.profile.whitelisted")}</Badge>
          ) : (
            t("bank.profile.notWhitelisted")
          )}
        </Row>
      </dl>
    </Card>
  );
}

export type CreditSummaryView = {
  taxGrade: string | null;
  publicRating: string | null;
  onDishonestyList: boolean;
  onRedList: boolean;
};

export function CreditSummary({ credit }: { credit: CreditSummaryView }) {
  const t = useT();
  return (
    <dl className="grid grid-cols-2 gap-3 text-sm">
      <div>
        <dt className="text-slate-600">{t("bank.profile.taxGrade")}</dt>
        <dd className="text-lg font-semibold">{credit.taxGrade ?? "—"}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("bank.profile.publicRating")}</dt>
        <dd className="text-lg font-semibold">{credit.publicRating ?? "—"}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("bank.profile.redList")}</dt>
        <dd>{credit.onRedList ? <Badge tone="green">✓</Badge> : t("bank.profile.none")}</dd>
      </div>
      <div>
        <dt className="text-slate-600">{t("bank.profile.dishonestyList")}</dt>
        <dd>{credit.onDishonestyList ? <Badge tone="red">!</Badge> : t("bank.profile.none")}</dd>
      </div>
    </dl>
  );
}

type ListEntry = { listName: string; authority: string; listedOn: string };
type Penalty = {
  decisionNo: string;
  authority: string;
  decidedOn: string;
  reason: string;
  amount: number;
  repaired: boolean;
};
type License = { name: string; licenseNo: string; authority: string; validTo: string };

/** The credit profile as the bank sees it under a FULL authorisation. */
export type CreditDetailsView = CreditSummaryView & {
  legalRepresentative: string;
  address: string;
  establishedOn: string | Date;
  registeredCapitalWan: string;
  employees: number;
  creditRefreshedAt: string | Date | null;
  sources: {
    tax?: { grade: string; year: number; taxPaid: number };
    socialInsurance?: { insuredEmployees: number; arrearsMonths: number };
    housingFund?: { contributors: number };
    utilities?: { waterArrears: number; powerArrears: number; gasArrears: number };
    licenses?: { items: License[] };
    penalties?: { items: Penalty[] };
    redList?: { items: ListEntry[] };
    dishonestyList?: { items: ListEntry[] };
    judicial?: { enforcementCases: number };
    ip?: { patents: number; trademarks: number };
    publicRating?: { grade: string };
  };
  asOf: Record<string, string | Date>;
};

export function CreditDetails({ full }: { full: CreditDetailsView }) {
  const t = useT();
  const locale = useLocale();
  const s = full.sources;
  const asOf = (key: string) =>
    full.asOf[key] ? (
      <span className="block text-xs text-slate-500">
        {t("bank.profile.asOf", { date: formatDate(full.asOf[key], locale) })}
      </span>
    ) : null;
  const missing = <span className="text-slate-500">{t("bank.profile.unavailable")}</span>;
  const money = (yuan: number) => formatYuan(yuan, locale);
  const list = (items: ListEntry[] | undefined) =>
    !items ? (
      missing
    ) : items.length === 0 ? (
      t("bank.profile.none")
    ) : (
      <ul className="list-disc pl-5">
        {items.map((item, i) => (
          <li key={i}>
            {t("bank.profile.listLine", {
              name: item.listName,
              authority: item.authority,
              date: item.listedOn,
            })}
          </li>
        ))}
      </ul>
    );
  return (
    <>
      <Card title={t("bank.profile.registry")}>
        <dl className="divide-y divide-slate-100">
          <Row label={t("bank.profile.legalRepresentative")}>{full.legalRepresentative}</Row>
          <Row label={t("bank.profile.address")}>{full.address}</Row>
          <Row label={t("bank.profile.establishedOn")}>{formatDate(full.establishedOn, locale)}</Row>
          <Row label={t("bank.profile.registeredCapital")}>
            {t("bank.profile.registeredCapitalValue", { amount: full.registeredCapitalWan })}
          </Row>
          <Row label={t("bank.profile.employees")}>
            {t("bank.profile.employeesValue", { count: full.employees })}
          </Row>
        </dl>
      </Card>
      <Card
        title={t("bank.profile.credit")}
        actions={
          full.creditRefreshedAt ? (
            <p className="text-sm text-slate-600">
              {t("bank.profile.refreshedAt", { date: formatDate(full.creditRefreshedAt, locale) })}
            </p>
          ) : undefined
        }
      >
        <CreditSummary credit={full} />
        <dl className="mt-4 divide-y divide-slate-100">
          <Row label={t("bank.profile.taxGrade")}>
            {s.tax
              ? `${s.tax.grade} · ${t("bank.profile.taxYear")} ${s.tax.year} · ${t("bank.profile.taxPaid")} ${money(s.tax.taxPaid)}`
              : missing}
            {asOf("tax")}
          </Row>
          <Row label={t("bank.profile.socialInsurance")}>
            {s.socialInsurance
              ? `${t("bank.profile.insuredEmployees", { count: s.socialInsurance.insuredEmployees })} · ${t("bank.profile.arrearsMonths", { count: s.socialInsurance.arrearsMonths })}`
              : missing}
            {s.housingFund && (
              <span className="block">
                {t("bank.profile.housingFund", { count: s.housingFund.contributors })}
              </span>
            )}
            {asOf("socialInsurance")}
          </Row>
          <Row label={t("bank.profile.utilities")}>
            {s.utilities
              ? t("bank.profile.utilitiesValue", {
                  water: money(s.utilities.waterArrears),
                  power: money(s.utilities.powerArrears),
                  gas: money(s.utilities.gasArrears),
                })
              : missing}
            {asOf("utilities")}
          </Row>
          <Row label={t("bank.profile.penalties")}>
            {!s.penalties ? (
              missing
            ) : s.penalties.items.length === 0 ? (
              t("bank.profile.none")
            ) : (
              <ul className="list-disc pl-5">
                {s.penalties.items.map((p) => (
                  <li key={p.decisionNo}>
                    {t("bank.profile.penaltyLine", {
                      date: p.decidedOn,
                      authority: p.authority,
                      reason: p.reason,
                      amount: money(p.amount),
                    })}{" "}
                    {p.repaired && <Badge tone="green">{t("bank.profile.repaired")}</Badge>}
                  </li>
                ))}
              </ul>
            )}
            {asOf("penalties")}
          </Row>
          <Row label={t("bank.profile.redList")}>
            {list(s.redList?.items)}
            {asOf("redList")}
          </Row>
          <Row label={t("bank.profile.dishonestyList")}>
            {list(s.dishonestyList?.items)}
            {asOf("dishonestyList")}
          </Row>
          <Row label={t("bank.profile.licenses")}>
            {!s.licenses ? (
              missing
            ) : s.licenses.items.length === 0 ? (
              t("bank.profile.none")
            ) : (
              <ul className="list-disc pl-5">
                {s.licenses.items.map((l) => (
                  <li key={l.licenseNo}>
                    {l.name} · {l.authority}
                  </li>
                ))}
              </ul>
            )}
          </Row>
          <Row label={t("bank.profile.judicialAndIp")}>
            {s.judicial ? t("bank.profile.judicial", { count: s.judicial.enforcementCases }) : missing}
            <span className="block">
              {s.ip ? t("bank.profile.ip", { patents: s.ip.patents, trademarks: s.ip.trademarks }) : missing}
            </span>
          </Row>
        </dl>
      </Card>
    </>
  );
}
