// A stand-in worker process for lib/realtime/relay.integration.test.ts: runs
// the live relay (as server.ts does under ROLE=worker) and raises one event of
// each kind on its own in-process bus, then exits.
import { publishMetricSamples, publishOperationLog, publishReleaseEvents } from "@/lib/events/bus";
import { startLiveRelay } from "@/lib/realtime/relay";

const [redisUrl, releaseId] = process.argv.slice(2);
if (!redisUrl || !releaseId) throw new Error("usage: relay-worker.ts <redis-url> <release-id>");
const stop = await startLiveRelay(redisUrl, (message) => console.error(message));
publishReleaseEvents([{ releaseId, seq: 1_000_001, type: "guard.breached", data: { after: { criterion: "error_rate", value: 8 } } }]);
publishOperationLog({ releaseId, operationId: "op-1", stepId: null, id: "line-1", at: new Date(0).toISOString(), level: "error", message: "rolling back" });
publishMetricSamples({ releaseId, source: "simulated", samples: [{ metric: "error_rate", environment: "green", at: new Date(0).toISOString(), value: 8 }] });
// The emitter publishes asynchronously; let it flush before disconnecting.
await new Promise((resolve) => setTimeout(resolve, 200));
await stop();
