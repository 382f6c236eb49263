import { pathToFileURL } from "node:url";
import { disconnectPrisma } from "@/lib/db/client";
import { startWorkers } from "./index";

// The background workers alone, against an already migrated DATABASE_URL:
// `node --import tsx lib/workers/run-worker.ts`. The same startWorkers() runs
// in server.ts (ROLE=worker or all); the crash test starts and kill -9s this
// entry to prove an operation survives its worker.
export async function runWorkerProcess(log: (message: string) => void = (message) => console.log(`[launch-control worker] ${message}`)): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error("DATABASE_URL is not set; the worker needs the database the server uses");
  const stop = await startWorkers(log);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping; running steps checkpoint and are handed back`);
    stop()
      .then(() => disconnectPrisma())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runWorkerProcess().catch((error: unknown) => {
    console.error(`[launch-control worker] failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
