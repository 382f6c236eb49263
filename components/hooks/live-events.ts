"use client";

import { useEffect, useRef } from "react";
import type { MetricSamplesEvent, ReleaseEvent } from "@/lib/client/types";

// What the release's socket delivers to components that want the events
// themselves rather than the refreshed queries: the page has one socket (the
// live provider's), so its listeners are one set.
export type LiveEvent = { kind: "release"; event: ReleaseEvent } | { kind: "metrics"; batch: MetricSamplesEvent };

type LiveListener = (event: LiveEvent) => void;

const listeners = new Set<LiveListener>();

export function publishLiveEvent(event: LiveEvent): void {
  for (const listener of listeners) listener(event);
}

// Calls the latest `onEvent` for every live event while mounted.
export function useLiveEvents(onEvent: LiveListener): void {
  const latest = useRef(onEvent);
  useEffect(() => {
    latest.current = onEvent;
  });
  useEffect(() => {
    const listener: LiveListener = (event) => latest.current(event);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }, []);
}
