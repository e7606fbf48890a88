import { ACCESS_PURPOSES } from "~/domain/bank-choices";
import { shanghaiDate } from "~/domain/shanghai-time";
import { normalizeUscc } from "~/domain/uscc";
import { openEnterpriseProfile } from "~/models/access-log.server";
import { findVisibleEnterpriseId } from "~/models/enterprise.server";

import { defineEndpoint, reply } from "../endpoint.server";
import { demandTermsShape, presentDemandTerms } from "./demands.server";
import { ApiError } from "../errors.server";
import { day, isoTime, time } from "../wire";
import { z } from "../zod";

const profileSchema = z
  .object({
    scope: z.enum(["BASIC", "FULL"]).openapi({ description: "what the firm's live authorisation covers" }),
    accessLog: z.object({ id: z.string(), at: time, purpose: z.enum(ACCESS_PURPOSES) }),
    enterprise: z.object({
      uscc: z.string(),
      name: z.string(),
      sectionCode: z.string(),
      divisionCode: z.string().nullable(),
      size: z.string(),
      subDistrict: z.string(),
      whitelisted: z.boolean(),
    }),
    openDemands: z.array(
      z.object({
        id: z.string(),
        ...demandTermsShape,
      }),
    ),
    credit: z
      .object({
        legalRepresentative: z.string(),
        address: z.string(),
        establishedOn: day,
        registeredCapitalWan: z.string(),
        employees: z.number().int(),
        taxGrade: z.string().nullable(),
        publicRating: z.string().nullable(),
        onDishonestyList: z.boolean(),
        onRedList: z.boolean(),
        refreshedAt: time.nullable(),
        sources: z.record(z.object({ asOf: time, data: z.unknown() })),
      })
      .nullable()
      .openapi({ description: "the credit profile: only under a FULL authorisation" }),
  })
  .openapi("CreditProfileView");

export const getCreditProfile = defineEndpoint({
  method: "GET",
  path: "/enterprises/{uscc}/credit-profile",
  operationId: "getCreditProfile",
  tag: "enterprises",
  summary: "A firm's credit profile, under its live authorisation",
  description:
    "Answered only while the firm authorises this bank (or all banks); otherwise 404, as for a firm that does not exist. Every call is a view: it is written to the firm's access log with the purpose and the API as its channel, before the data is read.",
  params: z.object({ uscc: z.string().max(18).openapi({ example: "91410100MAXYD1001T" }) }),
  query: z.object({ purpose: z.enum(ACCESS_PURPOSES).openapi({ description: "贷前 / 贷中 / 贷后" }) }),
  response: profileSchema,
  errors: [400, 404],
  examples: [
    {
      summary: "a BASIC authorisation",
      params: { uscc: "91410100MAXYD1001T" },
      query: { purpose: "PRE_LOAN" },
      response: {
        scope: "BASIC",
        accessLog: {
          id: "cm0log0000000000000000001",
          at: "2026-12-06T09:00:00.000+08:00",
          purpose: "PRE_LOAN",
        },
        enterprise: {
          uscc: "91410100MAXYD1001T",
          name: "郑州华信软件有限公司",
          sectionCode: "I",
          divisionCode: "65",
          size: "SMALL",
          subDistrict: "如意湖街道",
          whitelisted: false,
        },
        openDemands: [],
        credit: null,
      },
    },
  ],
  handle: async ({ actor, params, query, now }) => {
    const id = await findVisibleEnterpriseId(actor, normalizeUscc(params.uscc), now);
    if (!id) throw new ApiError("not_found");
    const view = await openEnterpriseProfile({ actor, enterpriseId: id, purpose: query.purpose, now });
    if (!view) throw new ApiError("not_found");
    const full = view.full;
    return reply({
      scope: view.scope,
      accessLog: { id: view.log.id, at: isoTime(view.log.at), purpose: query.purpose },
      enterprise: {
        uscc: view.firm.uscc,
        name: view.firm.name,
        sectionCode: view.firm.sectionCode,
        divisionCode: view.firm.divisionCode,
        size: view.firm.size,
        subDistrict: view.firm.subDistrict.name,
        whitelisted: view.firm.whitelisted,
      },
      openDemands: view.demands.map((d) => ({ id: d.id, ...presentDemandTerms(d) })),
      credit: full
        ? {
            legalRepresentative: full.legalRepresentative,
            address: full.address,
            establishedOn: shanghaiDate(full.establishedOn),
            registeredCapitalWan: full.registeredCapitalWan,
            employees: full.employees,
            taxGrade: full.taxGrade,
            publicRating: full.publicRating,
            onDishonestyList: full.onDishonestyList,
            onRedList: full.onRedList,
            refreshedAt: isoTime(full.creditRefreshedAt),
            sources: Object.fromEntries(
              Object.entries(full.sources).map(([source, data]) => [
                source,
                { asOf: isoTime(full.asOf[source]), data },
              ]),
            ),
          }
        : null,
    });
  },
});
