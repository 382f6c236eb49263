import pg from "pg";
import { prisma } from "@/lib/db/client";
import { maskDatabaseUrl } from "./config";

// Connections to the migration target: the application's database, never
// Launch Control's own.

export class TargetDatabaseError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "TargetDatabaseError";
  }
}

export async function connectTarget(targetUrl: string, applicationName = "launch-control-migration"): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: targetUrl, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  // An idle client whose server goes away emits "error"; without a listener
  // that would crash the process instead of failing the step.
  client.on("error", () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new TargetDatabaseError(`Cannot connect to the target database ${maskDatabaseUrl(targetUrl)}: ${messageOf(error)}`, { cause: error });
  }
  try {
    await assertNotOwnDatabase(client);
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
  return client;
}

export async function withTarget<T>(targetUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectTarget(targetUrl);
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// The URL check in config.ts compares names; this compares the servers
// themselves, so an alias (another hostname, a proxy) for Launch Control's own
// database is refused too. The same server started at the same instant with
// the same database OID is the same database.
async function assertNotOwnDatabase(target: pg.Client): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const identity = `SELECT pg_postmaster_start_time()::text AS started, d.oid::text AS oid, current_database() AS name
                    FROM pg_database d WHERE d.datname = current_database()`;
  const [theirs] = (await target.query<{ started: string; oid: string; name: string }>(identity)).rows;
  const [ours] = await prisma.$queryRawUnsafe<{ started: string; oid: string; name: string }[]>(identity);
  if (theirs && ours && theirs.started === ours.started && theirs.oid === ours.oid && theirs.name === ours.name) {
    throw new TargetDatabaseError(
      `The target database "${theirs.name}" is Launch Control's own database; a migration must target the application's database`,
    );
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export async function currentDatabase(client: pg.Client): Promise<string> {
  const { rows } = await client.query<{ name: string }>("SELECT current_database() AS name");
  const name = rows[0]?.name;
  if (!name) throw new TargetDatabaseError("The target database did not report its name");
  return name;
}

// Whether new sessions on the target start read-only: the database-level
// setting as stored, not what this session happens to have.
export async function isReadOnly(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ on: boolean }>(
    `SELECT EXISTS (
       SELECT 1 FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase
       WHERE d.datname = current_database() AND s.setrole = 0
         AND 'default_transaction_read_only=on' = ANY (s.setconfig)
     ) AS on`,
  );
  return rows[0]?.on ?? false;
}

// In an explicitly read-write transaction: a session opened while the
// database is read-only may not even run ALTER DATABASE otherwise.
export async function setReadOnly(client: pg.Client, on: boolean): Promise<void> {
  const database = quoteIdent(await currentDatabase(client));
  await client.query("BEGIN READ WRITE");
  try {
    await client.query(
      on ? `ALTER DATABASE ${database} SET default_transaction_read_only = on` : `ALTER DATABASE ${database} RESET default_transaction_read_only`,
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

// Replaces the target's password wherever it could appear in text we log or
// store (command output, error messages).
export function secretRedactor(targetUrl: string): (text: string) => string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(targetUrl).password);
  } catch {
    password = "";
  }
  const secrets = [targetUrl, password, encodeURIComponent(password)].filter((value) => value.length >= 3);
  return (text) => secrets.reduce((out, secret) => out.replaceAll(secret, secret === targetUrl ? maskDatabaseUrl(targetUrl) : "***"), text);
}

// Environment for a child process working on the target: Launch Control's own
// secrets and database settings removed (a migration tool must never see our
// DATABASE_URL), the target's URL given as DATABASE_URL, and libpq told that
// this session may write while the database is read-only for everyone else.
export function targetProcessEnv(targetUrl: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (/^(PG|DATABASE_|TEST_DATABASE|NEXTAUTH_|OIDC_|REDIS_|DEMO_PASSWORD)/.test(name)) delete env[name];
  }
  const url = new URL(targetUrl);
  const password = decodeURIComponent(url.password);
  env.DATABASE_URL = targetUrl;
  env.TARGET_DATABASE_URL = targetUrl;
  if (password) env.PGPASSWORD = password;
  env.PGOPTIONS = "-c default_transaction_read_only=off";
  env.PGAPPNAME = "launch-control-migration";
  return env;
}

// The URL without its password, for a command line (visible to every user of
// the machine in `ps`); the password travels in PGPASSWORD instead.
export function urlWithoutPassword(targetUrl: string): string {
  const url = new URL(targetUrl);
  url.password = "";
  url.searchParams.delete("password");
  return url.toString();
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
