import { Emitter } from "@socket.io/redis-emitter";
import { createClient } from "redis";
import { onMetricSamples, onOperationLog, onReleaseEvent, roomForRelease } from "@/lib/events/bus";

// A process without a socket.io server (ROLE=worker) still raises live
// events: a cutover step, an operation's log lines, the rollback guard's
// alert, metric samples from the poller. With REDIS_URL they go through
// Redis to the rooms of every web process (which run socket.io's Redis
// adapter with the same key prefix), exactly as a web process would emit them.
export async function startLiveRelay(redisUrl: string, log: (message: string) => void): Promise<() => Promise<void>> {
  const client = createClient({ url: redisUrl });
  client.on("error", (error) => log(`live relay: redis ${String(error)}`));
  await client.connect();
  const emitter = new Emitter(client);
  const stops = [
    onReleaseEvent((event) => emitter.to(roomForRelease(event.releaseId)).emit("release:event", event)),
    onOperationLog((event) => emitter.to(roomForRelease(event.releaseId)).emit("operation:log", event)),
    onMetricSamples((event) => emitter.to(roomForRelease(event.releaseId)).emit("metrics:samples", event)),
  ];
  return async () => {
    for (const stop of stops) stop();
    await client.quit();
  };
}
