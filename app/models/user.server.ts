import { hash, verify } from "@node-rs/argon2";

import { db } from "~/db.server";

import { isRole, type Actor } from "./actor";

export async function hashPassword(password: string) {
  return hash(password);
}

/**
 * What a sign-in is checked against when the name has no account (or the account no password):
 * a hash of a random password nobody knows, made by hashPassword, so with the same argon2id
 * parameters and the same cost as a real check. Without it an unknown name answered in half
 * the time of a wrong password, which told which names exist. A unit test keeps its
 * parameters equal to hashPassword's.
 */
export const DUMMY_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$APO1IF8s5J4k7DAGvYUIQg$bOkfdO8TX9rPT8DRfxCcfed3C/E10NBpFxSPCPg+J1Y";

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** The actor for a user id, with the organisation's name; null for unknown or disabled users. */
export async function getActorById(userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      displayName: true,
      role: true,
      enterpriseId: true,
      bankId: true,
      subDistrictId: true,
      disabledAt: true,
      enterprise: { select: { name: true } },
      bank: { select: { name: true, nameEn: true } },
      subDistrict: { select: { name: true, nameEn: true } },
    },
  });
  if (!user || user.disabledAt || !isRole(user.role)) return null;
  const organization = user.enterprise
    ? { zh: user.enterprise.name, en: user.enterprise.name }
    : user.bank
      ? { zh: user.bank.name, en: user.bank.nameEn }
      : user.subDistrict
        ? { zh: user.subDistrict.name, en: user.subDistrict.nameEn }
        : user.role === "GOV_BUREAU"
          ? { zh: "郑东新区经济发展局", en: "Economic Development Bureau" }
          : null;
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    enterpriseId: user.enterpriseId,
    bankId: user.bankId,
    subDistrictId: user.subDistrictId,
    organization,
  };
}

export async function setUserLocale(userId: string, locale: string) {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
