import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One client per process. Next.js bundles route handlers separately from
// server.ts, so the instance lives on globalThis for both to share.
const holder = globalThis as unknown as { __launchControlPrisma?: PrismaClient };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it when it starts the embedded Postgres)");
  return url;
}

export function getPrisma(): PrismaClient {
  holder.__launchControlPrisma ??= new PrismaClient({
    adapter: new PrismaPg({ connectionString: databaseUrl(), max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
  });
  return holder.__launchControlPrisma;
}

// `prisma` resolves the client on first use, so modules may import it before
// the process has decided which database (embedded or DATABASE_URL) to use.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectPrisma(): Promise<void> {
  const client = holder.__launchControlPrisma;
  holder.__launchControlPrisma = undefined;
  await client?.$disconnect();
}
