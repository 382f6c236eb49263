import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";

// The viewers live in a worker thread with its own event loop, so receiving a
// thousand messages does not delay the main thread's HTTP client and timings.
// Times are absolute (timeOrigin + now) so both threads share one clock.
export const now = (): number => performance.timeOrigin + performance.now();

export interface ViewerPool {
  // Resolves with the time the last viewer received an event whose `key` matches.
  waitForAll(key: string): Promise<number>;
  // The last event every viewer received, as a viewer decoded it.
  lastPayload(): unknown;
  close(): Promise<void>;
}

export async function startViewers(opts: {
  url: string;
  count: number;
  auth: Record<string, string>;
  subscribe?: string;
  event: string;
  // Path into the payload that identifies one event, e.g. "data.item.version".
  keyPath: string[];
}): Promise<ViewerPool> {
  const worker = new Worker(new URL("./viewers-worker.mjs", import.meta.url), { workerData: opts });
  const waiting = new Map<string, (at: number) => void>();
  const arrived = new Map<string, number>();
  let lastPayload: unknown = null;
  await new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (message: { type: "ready" } | { type: "all"; key: string; at: number; payload: unknown }) => {
      if (message.type === "ready") return resolve();
      lastPayload = message.payload;
      const resolveWait = waiting.get(message.key);
      if (resolveWait) {
        waiting.delete(message.key);
        resolveWait(message.at);
      } else arrived.set(message.key, message.at);
    });
  });
  return {
    waitForAll(key) {
      const at = arrived.get(key);
      if (at !== undefined) {
        arrived.delete(key);
        return Promise.resolve(at);
      }
      return new Promise((resolve) => waiting.set(key, resolve));
    },
    lastPayload: () => lastPayload,
    async close() {
      await worker.terminate();
    },
  };
}
