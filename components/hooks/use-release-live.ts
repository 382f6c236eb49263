"use client";

import { useEffect, useState } from "react";
import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { io } from "socket.io-client";
import { queryKeys } from "@/lib/client/query-keys";
import type { ChecklistItem, LogLevel, MetricSample, MetricSamplesEvent, ReleaseEvent } from "@/lib/client/types";
import { publishLiveEvent } from "./live-events";
import { applyItem, refreshAfterItemChange } from "./use-checklist";
import { applyMetricSamples } from "./use-metrics";
import { appendOperationLog, type LiveLogLine } from "./use-operations";
import { refreshKeepingInFlight } from "./refresh";

export type LiveState = "idle" | "connecting" | "live" | "offline";

// Keeps the react-query cache of one release in step with its socket.io room.
// Events carry a per-release `seq`; a jump, a reconnect or a subscription
// that finds our data older than the room means we missed something, and the
// release's queries are refetched.
export function useReleaseLive(releaseId: string | null): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("idle");

  useEffect(() => {
    if (!releaseId) {
      setState("idle");
      return;
    }
    setState("connecting");
    const socket = io({ path: "/socket.io", withCredentials: true });
    let lastSeq: number | null = null;
    let subscribedBefore = false;

    const resync = () => {
      refreshKeepingInFlight(queryClient, { queryKey: queryKeys.release(releaseId) });
      refreshKeepingInFlight(queryClient, { queryKey: queryKeys.releases });
    };

    socket.on("connect", () => {
      socket.emit("subscribe", { releaseId }, (ack: unknown) => {
        const seq = ackSeq(ack);
        if (seq === null) {
          setState("offline");
          return;
        }
        if (subscribedBefore || (lastSeq !== null && seq > lastSeq) || cacheIsBehind(queryClient, releaseId, seq)) {
          resync();
        }
        subscribedBefore = true;
        lastSeq = Math.max(seq, lastSeq ?? seq);
        setState("live");
      });
    });
    socket.on("disconnect", () => setState("offline"));
    socket.on("connect_error", () => setState("offline"));
    socket.on("release:event", (payload: unknown) => {
      if (!isReleaseEvent(payload) || payload.releaseId !== releaseId) return;
      if (lastSeq !== null && payload.seq <= lastSeq) return;
      const gap = lastSeq !== null && payload.seq > lastSeq + 1;
      lastSeq = payload.seq;
      publishLiveEvent({ kind: "release", event: payload });
      if (gap) {
        resync();
        return;
      }
      const item = payload.type === "checklist.item.updated" ? eventItem(payload.data) : null;
      if (item) {
        applyItem(queryClient, releaseId, item);
        refreshAfterItemChange(queryClient, releaseId);
        return;
      }
      const affected = affectedBy(payload.type);
      if (!affected) {
        resync();
        return;
      }
      for (const part of [...affected, "audit"]) {
        refreshKeepingInFlight(queryClient, { queryKey: [...queryKeys.release(releaseId), part] });
      }
      // The switcher and the overview list show the release's status.
      if (affected.includes("detail")) refreshKeepingInFlight(queryClient, { queryKey: queryKeys.releases });
    });
    // Log lines are not audit events and carry no seq; after a reconnect the
    // resync above refetches the operation with its persisted lines. A line
    // often means the driver just moved traffic, so the split is read again.
    socket.on("operation:log", (payload: unknown) => {
      const line = logLine(payload, releaseId);
      if (!line) return;
      appendOperationLog(queryClient, releaseId, line);
      refreshKeepingInFlight(queryClient, { queryKey: queryKeys.traffic(releaseId) });
    });

    // 1 Hz samples for the charts; like log lines they carry no seq, and the
    // reconnect resync refetches the ranges they would have extended.
    socket.on("metrics:samples", (payload: unknown) => {
      const batch = metricSamplesBatch(payload, releaseId);
      if (!batch) return;
      applyMetricSamples(queryClient, releaseId, batch.samples);
      publishLiveEvent({ kind: "metrics", batch });
    });

    return () => {
      socket.disconnect();
    };
  }, [releaseId, queryClient]);

  return state;
}

function ackSeq(ack: unknown): number | null {
  if (typeof ack !== "object" || ack === null) return null;
  const { ok, seq } = ack as { ok?: unknown; seq?: unknown };
  return ok === true && typeof seq === "number" ? seq : null;
}

function isReleaseEvent(value: unknown): value is ReleaseEvent {
  if (typeof value !== "object" || value === null) return false;
  const event = value as Partial<ReleaseEvent>;
  return typeof event.releaseId === "string" && typeof event.seq === "number" && typeof event.type === "string";
}

// What each control-plane event changes, by the event's family; anything
// unknown refetches the whole release.
const affectedParts: [prefix: string, parts: string[]][] = [
  ["gate.", ["gates"]],
  ["operation.", ["operations", "operation", "traffic", "detail", "rollback-reports"]],
  ["rollback_report.", ["rollback-reports"]],
  ["settings.", ["settings", "traffic"]],
  ["simulation.", ["traffic"]],
  ["release.status.", ["detail"]],
  // The dispatcher's outcomes (sending, sent, held, failed) arrive this way too.
  ["announcement.", ["announcements"]],
  ["criteria.", ["criteria"]],
  ["criterion.", ["criteria"]],
  ["guard.", ["criteria"]],
  ["synthetic_check.", ["criteria"]],
];

function affectedBy(type: string): string[] | null {
  return affectedParts.find(([prefix]) => type.startsWith(prefix))?.[1] ?? null;
}

const logLevels: readonly LogLevel[] = ["info", "warn", "error"];

function logLine(payload: unknown, releaseId: string): LiveLogLine | null {
  if (typeof payload !== "object" || payload === null) return null;
  const event = payload as Record<string, unknown>;
  if (event.releaseId !== releaseId || typeof event.operationId !== "string" || typeof event.id !== "string") return null;
  if (typeof event.at !== "string" || typeof event.message !== "string") return null;
  return {
    operationId: event.operationId,
    id: event.id,
    stepId: typeof event.stepId === "string" ? event.stepId : null,
    at: event.at,
    level: logLevels.find((level) => level === event.level) ?? "info",
    message: event.message,
  };
}

function metricSamplesBatch(payload: unknown, releaseId: string): MetricSamplesEvent | null {
  if (typeof payload !== "object" || payload === null) return null;
  const event = payload as Partial<MetricSamplesEvent>;
  if (event.releaseId !== releaseId || !Array.isArray(event.samples)) return null;
  const samples = event.samples.filter(
    (sample): sample is MetricSample =>
      typeof sample === "object" &&
      sample !== null &&
      typeof sample.metric === "string" &&
      (sample.environment === "blue" || sample.environment === "green") &&
      typeof sample.at === "string" &&
      typeof sample.value === "number",
  );
  return { releaseId, samples };
}

function eventItem(data: unknown): ChecklistItem | null {
  if (typeof data !== "object" || data === null || !("item" in data)) return null;
  const item = (data as { item: unknown }).item;
  if (typeof item !== "object" || item === null) return null;
  const candidate = item as Partial<ChecklistItem>;
  return typeof candidate.id === "string" && typeof candidate.version === "number" ? (item as ChecklistItem) : null;
}

// Data fetched before we joined the room may predate events we never saw.
function cacheIsBehind(queryClient: QueryClient, releaseId: string, seq: number): boolean {
  return queryClient
    .getQueriesData<unknown>({ queryKey: queryKeys.release(releaseId) })
    .some(([, data]) => {
      const cachedSeq = eventSeqOf(data);
      return cachedSeq !== null && cachedSeq < seq;
    });
}

function eventSeqOf(data: unknown): number | null {
  if (typeof data !== "object" || data === null) return null;
  if ("eventSeq" in data && typeof data.eventSeq === "number") return data.eventSeq;
  if ("release" in data) return eventSeqOf(data.release);
  return null;
}
