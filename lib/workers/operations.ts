import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { runOperation } from "@/lib/operations/engine";
import { findRunnableOperations } from "@/lib/operations/find-runnable";
import { getQueue, operationJobSchema, operationRunQueue } from "@/lib/operations/queue";

// How often the worker looks for operations nobody runs (a crashed worker's,
// scheduled ones now due, a lost job), besides once at start.
export const sweepIntervalMs = 5_000;

export interface OperationsWorker {
  owner: string;
  // Stops taking work, lets running steps checkpoint and hands their
  // operations back for another worker to continue.
  stop(): Promise<void>;
}

// Runs operations from the `operation-run` queue. A job only starts a run;
// the run itself goes on in the background for as long as the operation
// takes (minutes of bake time), held by its lease rather than by the job.
export async function startOperationsWorker(log: (message: string) => void): Promise<OperationsWorker> {
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const shutdown = new AbortController();
  const running = new Map<string, Promise<void>>();

  const launch = (operationId: string) => {
    if (running.has(operationId) || shutdown.signal.aborted) return;
    const run = runOperation(operationId, { owner, shutdown: shutdown.signal })
      .catch((error: unknown) => log(`operation ${operationId} stopped with an error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`))
      .finally(() => running.delete(operationId));
    running.set(operationId, run);
  };

  const boss = await getQueue({ supervise: true });
  await boss.work(operationRunQueue, { pollingIntervalSeconds: 0.5, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) {
      const parsed = operationJobSchema.safeParse(job.data);
      if (parsed.success) launch(parsed.data.operationId);
      else log(`ignoring malformed ${operationRunQueue} job ${job.id}`);
    }
  });

  let sweeping = false;
  const sweep = async () => {
    if (sweeping || shutdown.signal.aborted) return;
    sweeping = true;
    try {
      for (const operationId of await findRunnableOperations()) launch(operationId);
    } catch (error) {
      log(`operations sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      sweeping = false;
    }
  };
  await sweep();
  const timer = setInterval(() => void sweep(), sweepIntervalMs);

  return {
    owner,
    async stop() {
      clearInterval(timer);
      shutdown.abort();
      await boss.offWork(operationRunQueue);
      await Promise.allSettled(running.values());
    },
  };
}
