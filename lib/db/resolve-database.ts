import { startEmbeddedPostgres } from "./embedded";

export interface ResolvedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// DATABASE_URL wins; without it the process uses the embedded Postgres under
// `.data/`. Either way DATABASE_URL is set afterwards, for the Prisma client.
export async function resolveDatabase(opts: { log?: (msg: string) => void } = {}): Promise<ResolvedDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) return { url: configured, embedded: false, stop: async () => undefined };
  const database = await startEmbeddedPostgres({ log: opts.log });
  process.env.DATABASE_URL = database.url;
  return { url: database.url, embedded: true, stop: database.stop };
}
