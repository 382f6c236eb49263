import { z } from "zod";
import { prisma } from "@/lib/db/client";

const dbTimeoutMs = 2000;

export const healthSchema = z
  .object({ status: z.enum(["ok", "error"]), db: z.enum(["ok", "down"]), version: z.string() })
  .meta({ id: "Health" });
export type Health = z.infer<typeof healthSchema>;

export async function checkHealth(): Promise<Health> {
  const version = process.env.npm_package_version ?? process.env.APP_VERSION ?? "0.1.0";
  const dbUp = await withTimeout(
    // Deferred so a missing DATABASE_URL also counts as "down" instead of throwing.
    Promise.resolve().then(() => prisma.$queryRaw`SELECT 1`),
    dbTimeoutMs,
  ).then(
    () => true,
    () => false,
  );
  return dbUp ? { status: "ok", db: "ok", version } : { status: "error", db: "down", version };
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
