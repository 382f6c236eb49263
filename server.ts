import { createServer } from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
import next from "next";
import { readServerEnv } from "@/lib/config/env";
import { ensureAuthSecret } from "@/lib/config/auth-secret";
import { resolveDatabase } from "@/lib/db/resolve-database";
import { applyMigrations } from "@/lib/db/migrator";
import { disconnectPrisma } from "@/lib/db/client";
import { seedDemo } from "@/lib/seed/seed-demo";
import { withResponseScope } from "@/lib/http/after-response";
import { startLiveRelay } from "@/lib/realtime/relay";
import { attachSocketServer } from "@/lib/realtime/socket-server";
import { stopQueue } from "@/lib/operations/queue";
import { startWorkers } from "@/lib/workers";

const log = (message: string) => console.log(`[launch-control] ${message}`);

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  if (process.env.BENCH_EVENT_LOOP === "1") reportEventLoopDelayOnSignal();
  const env = readServerEnv();
  const database = await resolveDatabase();
  log(database.embedded ? `embedded Postgres ready (data in .data/postgres)` : "using DATABASE_URL");

  const { applied } = await applyMigrations(database.url, { log });
  log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  await ensureAuthSecret();
  process.env.NEXTAUTH_URL ??= `http://localhost:${env.PORT}`;

  if (env.DEMO === "1") {
    const demo = await seedDemo({ log });
    if (demo.demoPassword) log(`demo password (shown once): ${demo.demoPassword}`);
  }

  const stopWorkers = env.ROLE === "web" ? stopQueue : await startWorkers(log);
  if (env.ROLE === "worker") {
    log("ROLE=worker: background workers only, no HTTP server");
    // Its live events reach browsers only through the web processes' rooms.
    const stopRelay = env.REDIS_URL ? await startLiveRelay(env.REDIS_URL, log) : null;
    if (stopRelay) log("live events go to the web processes through Redis");
    else log("warning: without REDIS_URL this worker's live events reach no browser (pages still refetch what they show)");
    onShutdown(async () => {
      await stopRelay?.();
      await stopWorkers();
      await disconnectPrisma();
      await database.stop();
    });
    return;
  }

  const app = next({ dev, hostname: "localhost", port: env.PORT });
  const handle = app.getRequestHandler();
  await app.prepare();
  const upgradeNext = app.getUpgradeHandler();

  const trustProxy = env.TRUST_PROXY === "1";
  const httpServer = createServer((req, res) => {
    // The sign-in throttle keys on the client address; only a trusted proxy
    // may supply it, otherwise it is the TCP peer.
    if (!trustProxy) {
      delete req.headers["x-forwarded-for"];
      req.headers["x-real-ip"] = req.socket.remoteAddress ?? "";
    }
    // Live events raised while answering go out once the answer is written.
    withResponseScope(res, () => void handle(req, res));
  });
  const io = await attachSocketServer(httpServer);
  httpServer.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) void upgradeNext(req, socket, head);
  });

  await new Promise<void>((resolve) => httpServer.listen(env.PORT, env.HOST, resolve));
  log(`ready on http://localhost:${env.PORT}${dev ? " (dev)" : ""} — sign in at http://localhost:${env.PORT}/sign-in`);
  log(`first admin: echo 'a-long-password' | npm run cli -- user create --email you@example.com --role ADMIN --password-stdin`);

  onShutdown(async () => {
    await stopWorkers();
    await new Promise<void>((resolve) => io.close(() => resolve()));
    await disconnectPrisma();
    await database.stop();
  });
}

// Opt-in probe for bench/metrics-stream (BENCH_EVENT_LOOP=1, off otherwise):
// samples this process's event-loop delay every 10 ms and, on each SIGUSR2,
// logs `event-loop delay {"p50Ms","p99Ms","maxMs","samples"}` for the time
// since the previous report, then starts afresh. The histogram records the
// interval between samples, so the delay is what exceeds the 10 ms.
function reportEventLoopDelayOnSignal(): void {
  const resolutionMs = 10;
  const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  const delayMs = (ns: number) => Math.max(0, ns / 1e6 - resolutionMs);
  process.on("SIGUSR2", () => {
    const figures = { p50Ms: delayMs(histogram.percentile(50)), p99Ms: delayMs(histogram.percentile(99)), maxMs: delayMs(histogram.max), samples: histogram.count };
    log(`event-loop delay ${JSON.stringify(figures)}`);
    histogram.reset();
  });
}

function onShutdown(close: () => Promise<void>): void {
  let closing = false;
  const stop = (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`[launch-control] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
