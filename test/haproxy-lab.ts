import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, request, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseShowStat, runtimeCommand } from "@/lib/drivers/haproxy-runtime";
import type { Environment } from "@/lib/drivers/types";

// A real HAProxy (Debian's package) in front of two tiny HTTP servers that
// answer "blue" and "green", for the driver's integration test and the
// abort-latency bench. Runtime API on a unix socket and on TCP, both admin.
export const haproxyBinary = "/usr/sbin/haproxy";
export const haproxyInstalled = existsSync(haproxyBinary);

export interface HaproxyLab {
  frontendUrl: string;
  unixAddress: string;
  tcpAddress: string;
  backend: "app";
  stopEnvironment(environment: Environment): Promise<void>;
  startEnvironment(environment: Environment): Promise<void>;
  // Weights as `show stat` reports them, read without the driver.
  reportedWeights(): Promise<Record<Environment, number>>;
  stop(): Promise<void>;
}

export async function startHaproxyLab(options: { greenWeight?: number } = {}): Promise<HaproxyLab> {
  const dir = await mkdtemp(path.join(tmpdir(), "lc-haproxy-"));
  const [frontendPort, statsPort, bluePort, greenPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
  const ports: Record<Environment, number> = { blue: bluePort, green: greenPort };
  const servers: Partial<Record<Environment, Server>> = {};
  await Promise.all((["blue", "green"] as const).map(async (environment) => void (servers[environment] = await answer(environment, ports[environment]))));

  const socketPath = path.join(dir, "admin.sock");
  const config = [
    "global",
    `  stats socket ${socketPath} mode 600 level admin`,
    `  stats socket ipv4@127.0.0.1:${statsPort} level admin`,
    "defaults",
    "  mode http",
    "  timeout connect 1s",
    "  timeout client 5s",
    "  timeout server 5s",
    "frontend web",
    `  bind 127.0.0.1:${frontendPort}`,
    "  default_backend app",
    "backend app",
    "  balance roundrobin",
    "  option httpchk GET /health",
    "  default-server inter 100ms fastinter 100ms downinter 100ms fall 2 rise 1",
    `  server blue 127.0.0.1:${bluePort} check weight 100`,
    `  server green 127.0.0.1:${greenPort} check weight ${options.greenWeight ?? 0}`,
    "",
  ].join("\n");
  const configPath = path.join(dir, "haproxy.cfg");
  await writeFile(configPath, config);

  const child: ChildProcess = spawn(haproxyBinary, ["-f", configPath, "-db"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const address = { type: "unix", path: socketPath } as const;

  const reportedWeights = async (): Promise<Record<Environment, number>> => {
    const rows = parseShowStat(await runtimeCommand(address, "show stat app 4 -1", 1000));
    const weight = (server: Environment) => rows.find((row) => row.server === server)?.userWeight ?? Number.NaN;
    return { blue: weight("blue"), green: weight("green") };
  };

  // Ready once both servers have passed a health check.
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}:\n${output}`);
    const rows = await runtimeCommand(address, "show stat app 4 -1", 500).then(parseShowStat, () => []);
    if (rows.length === 2 && rows.every((row) => row.status === "UP")) break;
    if (Date.now() > deadline) throw new Error(`haproxy did not report both servers UP:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    frontendUrl: `http://127.0.0.1:${frontendPort}/`,
    unixAddress: `unix:${socketPath}`,
    tcpAddress: `tcp://127.0.0.1:${statsPort}`,
    backend: "app",
    async stopEnvironment(environment) {
      const server = servers[environment];
      servers[environment] = undefined;
      if (server) await closeServer(server);
    },
    async startEnvironment(environment) {
      servers[environment] ??= await answer(environment, ports[environment]);
    },
    reportedWeights,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        await new Promise((resolve) => child.once("exit", resolve));
      }
      await Promise.all(Object.values(servers).map((server) => (server ? closeServer(server) : undefined)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

// One request on a fresh connection, so every request is balanced anew.
export function whoAnswers(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: { connection: "close" } }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve(res.statusCode === 200 ? body : `status ${res.statusCode}`));
    });
    req.on("error", reject);
    req.end();
  });
}

export async function countAnswers(url: string, total: number, concurrency = 16): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let sent = 0;
  const worker = async () => {
    while (sent < total) {
      sent += 1;
      const who = await whoAnswers(url);
      counts[who] = (counts[who] ?? 0) + 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return counts;
}

function answer(environment: Environment, port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.setHeader("content-type", "text/plain");
    res.end(environment);
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
