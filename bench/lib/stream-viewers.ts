import { Worker } from "node:worker_threads";

// Viewers of a 1 Hz stream, in worker threads with their own event loops so
// receiving thousands of messages does not delay the sender's timings. Each
// viewer records every update's delivery latency (receipt − the send stamp in
// the payload); see stream-viewers-worker.mjs.
export interface StreamViewers {
  // Send stamp → the delivery latencies (ms) of every viewer that received it.
  deliveries(): Promise<{ byStamp: Map<number, number[]>; dropped: number }>;
  close(): Promise<void>;
}

export async function startStreamViewers(opts: {
  kind: "socket.io" | "ws";
  url: string;
  count: number;
  // Threads to spread the viewers over.
  workers: number;
  // The sample whose value is the send time (timeOrigin + now, in ms).
  stampMetric: string;
  auth?: Record<string, string>;
  subscribe?: string;
  event?: string;
}): Promise<StreamViewers> {
  const threads = Math.max(1, Math.min(opts.workers, opts.count));
  const workers = Array.from({ length: threads }, (_, i) => {
    const count = Math.floor(opts.count / threads) + (i < opts.count % threads ? 1 : 0);
    return new Worker(new URL("./stream-viewers-worker.mjs", import.meta.url), { workerData: { ...opts, count } });
  });
  const ask = <T>(worker: Worker, type: string, request?: unknown) =>
    new Promise<T>((resolve, reject) => {
      const onMessage = (message: { type: string } & T) => {
        if (message.type !== type) return;
        worker.off("message", onMessage);
        worker.off("error", reject);
        resolve(message);
      };
      worker.on("message", onMessage);
      worker.once("error", reject);
      if (request) worker.postMessage(request);
    });
  try {
    await Promise.all(workers.map((worker) => ask(worker, "ready")));
  } catch (error) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return {
    async deliveries() {
      const replies = await Promise.all(
        workers.map((worker) => ask<{ deliveries: [number, number[]][]; dropped: number }>(worker, "deliveries", { type: "collect" })),
      );
      const byStamp = new Map<number, number[]>();
      for (const reply of replies) {
        for (const [stamp, latencies] of reply.deliveries) byStamp.set(stamp, [...(byStamp.get(stamp) ?? []), ...latencies]);
      }
      return { byStamp, dropped: replies.reduce((sum, reply) => sum + reply.dropped, 0) };
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
