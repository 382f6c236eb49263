import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt parameters are stored with each hash so they can be raised later
// without invalidating existing passwords.
const N = 16384;
const r = 8;
const p = 1;
const keyLength = 64;
const saltLength = 16;

export const minPasswordLength = 12;

export async function hashPassword(plain: string): Promise<string> {
  const salt = randomBytes(saltLength);
  const hash = await scrypt(plain, salt, keyLength, { N, r, p });
  return ["scrypt", N, r, p, salt.toString("base64"), hash.toString("base64")].join("$");
}

// Never throws on a malformed stored value: a broken hash simply does not match.
export async function verifyPassword(plain: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [cost, blockSize, parallelism] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4] ?? "", "base64");
  const expected = Buffer.from(parts[5] ?? "", "base64");
  if (!cost || !blockSize || !parallelism || salt.length === 0 || expected.length === 0) return false;
  try {
    const actual = await scrypt(plain, salt, expected.length, {
      N: cost,
      r: blockSize,
      p: parallelism,
      maxmem: 256 * cost * blockSize,
    });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

export function passwordPolicyError(plain: string): string | null {
  if (plain.length < minPasswordLength) return `Password must be at least ${minPasswordLength} characters`;
  return null;
}

function scrypt(plain: string, salt: Buffer, length: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(plain.normalize("NFKC"), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
