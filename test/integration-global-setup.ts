import pg from "pg";
import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/lib/db/migrator";

// One fresh database per integration run, on the server named by
// TEST_DATABASE_URL (default: the local Postgres CI starts), dropped after.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `lc_test_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();

  const testUrl = new URL(serverUrl);
  testUrl.pathname = `/${name}`;
  process.env.DATABASE_URL = testUrl.toString();
  process.env.TEST_DATABASE_NAME = name;
  await applyMigrations(testUrl.toString(), { log: () => undefined });
  project.provide("databaseUrl", testUrl.toString());

  return async () => {
    const client = new pg.Client({ connectionString: serverUrl.toString() });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
