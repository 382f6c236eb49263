import PgBoss from "pg-boss";
import { z } from "zod";
import { databaseUrl } from "@/lib/db/client";

// Durable jobs in Postgres (pg-boss, schema `pgboss`). A job only says "run
// this operation now (or at startAfter)"; the operation's own row and lease
// carry its progress, so a lost or duplicated job is harmless: the worker's
// sweep finds runnable operations without one, and a second job finds the
// lease taken.
export const operationRunQueue = "operation-run";

export const operationJobSchema = z.object({ operationId: z.uuid() });
export type OperationJob = z.infer<typeof operationJobSchema>;

// Route handlers (bundled by Next.js) and server.ts share one instance.
const holder = globalThis as unknown as { __launchControlBoss?: Promise<PgBoss> };

// `supervise` runs pg-boss's maintenance (expiry, archiving); the worker asks
// for it, a web-only process just sends.
export function getQueue(options: { supervise?: boolean } = {}): Promise<PgBoss> {
  holder.__launchControlBoss ??= startQueue(options.supervise ?? false).catch((error: unknown) => {
    holder.__launchControlBoss = undefined;
    throw error;
  });
  return holder.__launchControlBoss;
}

async function startQueue(supervise: boolean): Promise<PgBoss> {
  const boss = new PgBoss({ connectionString: databaseUrl(), max: 4, supervise, schedule: false });
  boss.on("error", (error) => console.error("[launch-control] job queue error", error));
  await boss.start();
  // A job that failed has nothing to retry: the sweep re-runs what is runnable.
  await boss.createQueue(operationRunQueue, { name: operationRunQueue, policy: "short", retryLimit: 0 });
  return boss;
}

// `short` policy + singletonKey: at most one queued job per operation.
export async function enqueueOperation(operationId: string, startAfter?: Date): Promise<void> {
  const boss = await getQueue();
  await boss.send(operationRunQueue, { operationId } satisfies OperationJob, { singletonKey: operationId, startAfter, retryLimit: 0 });
}

export async function stopQueue(): Promise<void> {
  const pending = holder.__launchControlBoss;
  holder.__launchControlBoss = undefined;
  if (!pending) return;
  const boss = await pending.catch(() => null);
  await boss?.stop({ graceful: false, close: true, wait: true });
}
