/**
 * Secrets the portal must use again later (it signs webhooks with the bank's secret, so a one-way
 * hash cannot do) are stored sealed: AES-256-GCM under a key derived from SECRETS_KEY (HKDF, one
 * key per purpose), never in plain text. A database copy alone does not reveal them.
 * docs/decisions/017-outbox-and-webhooks.md.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

import { getEnv } from "~/env.server";

const VERSION = "v1";

function keyFor(purpose: string, master: string) {
  return Buffer.from(hkdfSync("sha256", master, "xinyidai-secret-box", purpose, 32));
}

/** "v1.<iv>.<ciphertext+tag>" (base64url); the purpose is bound in as associated data. */
export function sealSecret(plain: string, purpose: string, master = getEnv().SECRETS_KEY): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, master), iv);
  cipher.setAAD(Buffer.from(purpose));
  const sealed = Buffer.concat([cipher.update(plain, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, iv.toString("base64url"), sealed.toString("base64url")].join(".");
}

/** The plain secret, or null when it was sealed under another key or purpose, or is damaged. */
export function openSecret(sealed: string, purpose: string, master = getEnv().SECRETS_KEY): string | null {
  const [version, iv, body] = sealed.split(".");
  if (version !== VERSION || !iv || !body) return null;
  try {
    const bytes = Buffer.from(body, "base64url");
    if (bytes.length < 16) return null;
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, master), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(bytes.subarray(bytes.length - 16));
    return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - 16)), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    return null;
  }
}
