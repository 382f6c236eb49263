"use client";

import { createContext, useContext, type ReactNode } from "react";
import { useReleaseLive, type LiveState } from "@/components/hooks/use-release-live";

const LiveContext = createContext<LiveState>("idle");

export function LiveProvider({ releaseId, children }: { releaseId: string | null; children: ReactNode }) {
  const state = useReleaseLive(releaseId);
  return <LiveContext.Provider value={state}>{children}</LiveContext.Provider>;
}

export function useLiveState(): LiveState {
  return useContext(LiveContext);
}
