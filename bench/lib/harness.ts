import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { serverNodeArgs } from "../../scripts/server-node-args.mjs";

// A throwaway database on the local Postgres (TEST_DATABASE_URL's server).
export async function createBenchDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = new URL(process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl.toString() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export function ensureProductionBuild(): void {
  const result = spawnSync(process.execPath, ["-e", "import('./scripts/build-if-stale.mjs').then(m => process.exit(m.buildIfStale()))"], {
    stdio: "inherit",
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export interface BenchServer {
  baseUrl: string;
  // Everything the server printed so far (stdout and stderr).
  output(): string;
  signal(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

// The real server (Next.js + socket.io) as a child process on its own port,
// with the Node flags `npm start` uses;
// `env` adds to (or overrides) its environment.
export async function startServer(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<BenchServer> {
  // BENCH_NODE_ARGS adds flags for the server's Node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
  // to see where a benchmark's server time goes.
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(/\s+/).filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...serverNodeArgs, ...nodeArgs, "--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_PASSWORD: randomBytes(18).toString("base64url"),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      NEXTAUTH_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    const healthy = await fetch(`${baseUrl}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline) throw new Error(`server did not become healthy:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    output: () => output,
    signal(signal) {
      child.kill(signal);
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

// A personal API token through the public CLI, as a pipeline would get one.
export function createToken(databaseUrl: string, email: string, name: string): string {
  const result = spawnSync("npm", ["run", "--silent", "cli", "--", "token", "create", "--email", email, "--name", name], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`token create failed: ${result.stderr}${result.stdout}`);
  const lines = result.stdout.trim().split("\n");
  const token = lines[lines.length - 1]?.trim();
  if (!token) throw new Error("token create printed nothing");
  return token;
}
