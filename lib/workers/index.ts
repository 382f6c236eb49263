import { dispatchDueAnnouncements } from "@/lib/announcements/dispatch";
import { runRollbackGuard } from "@/lib/criteria/rollback-guard";
import { runDueSyntheticChecks } from "@/lib/criteria/run-synthetic-checks";
import { prisma } from "@/lib/db/client";
import { downsample } from "@/lib/metrics/downsample";
import { metricsPollerWorker } from "@/lib/metrics/poller";
import { deliverDueNotifications } from "@/lib/notifications";
import { stopQueue } from "@/lib/operations/queue";
import { startOperationsWorker } from "./operations";

export interface Worker {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

// Periodic background work that `ROLE=worker|all` runs beside the durable
// operations queue (./operations.ts).
const workers: Worker[] = [
  {
    name: "sign-in-throttle-cleanup",
    intervalMs: 15 * 60_000,
    async run() {
      await prisma.signInThrottle.deleteMany({
        where: { windowStart: { lt: new Date(Date.now() - 24 * 3600_000) } },
      });
    },
  },
  {
    // Passes may overlap when a send is slow; claiming with SKIP LOCKED keeps
    // each delivery to one pass.
    name: "notification-delivery",
    intervalMs: 2_000,
    async run() {
      await deliverDueNotifications();
    },
  },
  {
    // Same claiming as notifications: overlapping passes and several worker
    // processes never send an announcement twice.
    name: "announcement-dispatch",
    intervalMs: 2_000,
    async run() {
      await dispatchDueAnnouncements();
    },
  },
  { name: "metrics-downsample", intervalMs: 60_000, run: async () => { await downsample(); } },
  {
    // Overlapping passes are harmless: each release is judged under an
    // advisory lock, so a slow metric source delays only its own release.
    name: "rollback-guard",
    intervalMs: 5_000,
    async run() {
      await runRollbackGuard();
    },
  },
  {
    // Each due check is claimed in one UPDATE before it is fetched.
    name: "synthetic-checks",
    intervalMs: 5_000,
    async run() {
      await runDueSyntheticChecks();
    },
  },
  metricsPollerWorker,
];

// Starts the periodic workers and the operations worker (pg-boss); the
// returned function stops them all, letting running steps checkpoint.
export async function startWorkers(log: (message: string) => void): Promise<() => Promise<void>> {
  const operations = await startOperationsWorker(log);
  const timers = workers.map((worker) => {
    const tick = () => {
      worker.run().catch((error: unknown) => log(`worker ${worker.name} failed: ${String(error)}`));
    };
    return setInterval(tick, worker.intervalMs);
  });
  log(`workers: ${[...workers.map((worker) => worker.name), `operations (${operations.owner})`].join(", ")}`);
  return async () => {
    timers.forEach(clearInterval);
    await operations.stop();
    await stopQueue();
  };
}
