import { prisma } from "@/lib/db/client";

export interface Worker {
  name: string;
  intervalMs: number;
  run(): Promise<void>;
}

// Background work that `ROLE=worker|all` runs. Later issues add the durable
// job queue (operations, announcements, metric polling) here.
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
];

export function startWorkers(log: (message: string) => void): () => void {
  const timers = workers.map((worker) => {
    const tick = () => {
      worker.run().catch((error: unknown) => log(`worker ${worker.name} failed: ${String(error)}`));
    };
    return setInterval(tick, worker.intervalMs);
  });
  log(`workers: ${workers.map((worker) => worker.name).join(", ")}`);
  return () => timers.forEach(clearInterval);
}
