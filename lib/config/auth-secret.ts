import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

// Without NEXTAUTH_SECRET a newcomer still gets stable sessions across
// restarts: a random secret is made once and kept beside the embedded data.
export async function ensureAuthSecret(dataDir = ".data"): Promise<string> {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(dataDir, "auth-secret");
  let secret = await readFile(file, "utf8").then((text) => text.trim()).catch(() => "");
  if (secret.length < 32) {
    secret = randomBytes(32).toString("base64url");
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
