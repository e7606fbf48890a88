import {
  bankOfficerOf,
  createApplication,
  createAuthorization,
  createProduct,
  createReferenceData,
  createRegisteredEnterprise,
} from "../../../prisma/factories";
import { issueApiClient } from "~/models/api-client.server";

import { db } from "../helpers";

import type { ApiKey } from "./api-client";

async function client(bankId: string, keyId?: string, secret?: string): Promise<ApiKey & { id: string }> {
  const issued = await issueApiClient(null, { bankId, keyId, secret });
  if (!issued.ok) throw new Error(`could not issue a client: ${issued.error}`);
  return { id: issued.client.id, keyId: issued.client.keyId, secret: issued.client.secret };
}

/**
 * Two banks, each with an officer and an API client; a firm that authorised bank A (FULL), one
 * that authorised nobody; a published product per bank and an application to each.
 */
export async function createApiWorld() {
  const { subDistricts, banks } = await createReferenceData(db);
  const [bankA, bankB] = banks;
  // officers first: the factories' "first officer of the bank" must not be a client's user
  const officerA = await bankOfficerOf(db, bankA.id);
  const officerB = await bankOfficerOf(db, bankB.id);
  const keyA = await client(bankA.id);
  const keyB = await client(bankB.id);
  const firm = await createRegisteredEnterprise(db, { subDistrictId: subDistricts[0].id });
  const stranger = await createRegisteredEnterprise(db, { subDistrictId: subDistricts[0].id });
  await createAuthorization(db, { enterpriseId: firm.enterprise.id, bankId: bankA.id, scope: "FULL" });
  const productA = await createProduct(db, { bankId: bankA.id });
  const productB = await createProduct(db, { bankId: bankB.id });
  const applicationA = await createApplication(db, {
    enterpriseId: firm.enterprise.id,
    productId: productA.id,
    amountYuan: 1_000_000,
    termMonths: 12,
  });
  const applicationB = await createApplication(db, {
    enterpriseId: firm.enterprise.id,
    productId: productB.id,
    amountYuan: 500_000,
    termMonths: 12,
  });
  return {
    banks: { a: bankA, b: bankB },
    officers: { a: officerA, b: officerB },
    keys: { a: keyA, b: keyB },
    firm,
    stranger,
    products: { a: productA, b: productB },
    applications: { a: applicationA, b: applicationB },
    subDistricts,
  };
}

export type ApiWorld = Awaited<ReturnType<typeof createApiWorld>>;
