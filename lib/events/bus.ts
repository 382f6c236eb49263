import { EventEmitter } from "node:events";

// A release's live stream: what the server emits to the room `release:<id>`
// as "release:event". `seq` rises by one per release, so a client that sees a
// gap refetches.
export interface ReleaseEvent {
  releaseId: string;
  seq: number;
  type: string;
  data: unknown;
}

// Route handlers are bundled by Next.js apart from server.ts; the emitter sits
// on globalThis so both halves of the process see the same one. server.ts
// forwards every event to socket.io (and so, with REDIS_URL, to every instance).
const holder = globalThis as unknown as { __launchControlBus?: EventEmitter };

function bus(): EventEmitter {
  if (!holder.__launchControlBus) {
    holder.__launchControlBus = new EventEmitter();
    holder.__launchControlBus.setMaxListeners(100);
  }
  return holder.__launchControlBus;
}

export function publishReleaseEvents(events: readonly ReleaseEvent[]): void {
  for (const event of events) bus().emit("release-event", event);
}

export function onReleaseEvent(listener: (event: ReleaseEvent) => void): () => void {
  bus().on("release-event", listener);
  return () => bus().off("release-event", listener);
}

// A line of an operation's log as it is written: emitted to the release room
// as "operation:log". Log lines carry no `seq` (they are not audit events); a
// client that reconnects refetches the operation, which includes its last lines.
export interface OperationLogEvent {
  releaseId: string;
  operationId: string;
  stepId: string | null;
  id: string;
  at: string;
  level: string;
  message: string;
}

export function publishOperationLog(event: OperationLogEvent): void {
  bus().emit("operation-log", event);
}

export function onOperationLog(listener: (event: OperationLogEvent) => void): () => void {
  bus().on("operation-log", listener);
  return () => bus().off("operation-log", listener);
}

// Metric samples as they are stored, emitted to the release room as
// "metrics:samples" for the live charts. No `seq`: a chart that reconnects
// fills its gap from the metrics API instead.
export interface MetricSamplesEvent {
  releaseId: string;
  source: string;
  samples: { metric: string; environment: string; at: string; value: number }[];
}

export function publishMetricSamples(event: MetricSamplesEvent): void {
  bus().emit("metric-samples", event);
}

export function onMetricSamples(listener: (event: MetricSamplesEvent) => void): () => void {
  bus().on("metric-samples", listener);
  return () => bus().off("metric-samples", listener);
}

export function roomForRelease(releaseId: string): string {
  return `release:${releaseId}`;
}
