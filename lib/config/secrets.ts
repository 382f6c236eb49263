import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { z } from "zod";

// Secret settings (driver signing keys, target database URLs, SMTP passwords)
// are stored encrypted in ReleaseSetting.secrets. The key is derived from
// NEXTAUTH_SECRET so an operator has one secret to keep, and HKDF's `info`
// keeps this key apart from the one next-auth derives for sessions.
//
// Format: `v1:<iv>:<tag>:<ciphertext>`, each part base64url. The version
// prefix lets a later format (or key rotation) sit beside old blobs.
const VERSION = "v1";
const HKDF_INFO = "launch-control/secrets";
// Binds the ciphertext to its format version: a blob relabelled as another
// version fails authentication instead of being read the wrong way.
const AAD = Buffer.from(`launch-control/secrets/${VERSION}`);
const IV_BYTES = 12;
const TAG_BYTES = 16;

const secretValues = z.record(z.string(), z.string());

export class SecretsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretsError";
  }
}

export function encryptSecrets(values: Record<string, string>): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", secretsKey(), iv);
  cipher.setAAD(AAD);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(values), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(":");
}

export function decryptSecrets(blob: string | null): Record<string, string> {
  if (blob === null || blob === "") return {};
  const parts = blob.split(":");
  if (parts.length !== 4 || parts[0] !== VERSION) {
    throw new SecretsError(`Stored secrets are not in a known format (expected "${VERSION}:<iv>:<tag>:<ciphertext>")`);
  }
  const [iv, tag, ciphertext] = parts.slice(1).map((part) => Buffer.from(part, "base64url"));
  if (!iv || iv.length !== IV_BYTES || !tag || tag.length !== TAG_BYTES || !ciphertext) {
    throw new SecretsError("Stored secrets are truncated or corrupt");
  }
  const decipher = createDecipheriv("aes-256-gcm", secretsKey(), iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(AAD);
  decipher.setAuthTag(tag);
  let plaintext: string;
  try {
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretsError(
      "Stored secrets cannot be decrypted: they were encrypted with a different NEXTAUTH_SECRET (or altered). Enter the secret values again.",
    );
  }
  const parsed = secretValues.safeParse(JSON.parse(plaintext));
  if (!parsed.success) throw new SecretsError("Stored secrets decrypted to an unexpected shape");
  return parsed.data;
}

function secretsKey(): Buffer {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new SecretsError("NEXTAUTH_SECRET is not set, so stored secrets can be neither encrypted nor decrypted");
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), HKDF_INFO, 32));
}
