import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * API client secrets at rest (docs/decisions/016-bank-api.md). The portal must recompute each
 * request's HMAC, so it needs the secret itself: a one-way hash cannot verify a signature. The
 * secret is sealed with AES-256-GCM under a server key that is not in the database, and the seal
 * is bound to the client's key id and secret generation (the GCM associated data), so a sealed
 * secret copied to another row or generation does not open.
 *
 * The server key: API_SECRET_KEY when set (recommended: then changing SESSION_SECRET does not
 * touch the API); otherwise derived from SESSION_SECRET (required in production); outside
 * production without either, a fixed development key, so that the seed and the server — two
 * processes — agree.
 */

const VERSION = "v1";
const DEVELOPMENT_KEY_MATERIAL = "xinyidai-development-only-api-secret-key";

let cachedKey: { material: string; key: Buffer } | undefined;

function keyMaterial(env: NodeJS.ProcessEnv = process.env): string {
  if (env.API_SECRET_KEY) return `api:${env.API_SECRET_KEY}`;
  if (env.SESSION_SECRET) return `session:${env.SESSION_SECRET}`;
  if (env.NODE_ENV === "production")
    throw new Error("API_SECRET_KEY or SESSION_SECRET is required in production");
  return `dev:${DEVELOPMENT_KEY_MATERIAL}`;
}

function serverKey(): Buffer {
  const material = keyMaterial();
  if (cachedKey?.material !== material) {
    const key = Buffer.from(hkdfSync("sha256", material, "xinyidai-portal", "api-client-secrets/v1", 32));
    cachedKey = { material, key };
  }
  return cachedKey.key;
}

const b64 = (buffer: Buffer) => buffer.toString("base64url");

/** Seals `secret` for the client `keyId` at `generation`: "v1.<iv>.<tag>.<ciphertext>". */
export function sealSecret(secret: string, keyId: string, generation: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", serverKey(), iv);
  cipher.setAAD(Buffer.from(`${keyId}:${generation}`));
  const ciphertext = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [VERSION, b64(iv), b64(cipher.getAuthTag()), b64(ciphertext)].join(".");
}

/** The secret, or null when the seal does not open (another server key, row or generation). */
export function openSecret(sealed: string, keyId: string, generation: number): string | null {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", serverKey(), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${keyId}:${generation}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}

/** A new client secret: 32 random bytes, base64url (43 characters). */
export function generateSecret(): string {
  return `xyd_${randomBytes(32).toString("base64url")}`;
}
