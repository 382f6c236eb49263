import type { Tone } from "@/components/ui/badge";
import type { GateStatus, OperationStatus, StepStatus } from "@/lib/client/types";

export const gateStatusTone: Record<GateStatus, Tone> = {
  pending: "warn",
  approved: "ok",
  rejected: "danger",
};

export const operationStatusTone: Record<OperationStatus, Tone> = {
  scheduled: "neutral",
  pending: "neutral",
  running: "info",
  paused: "warn",
  needs_attention: "danger",
  succeeded: "ok",
  failed: "danger",
  aborted: "warn",
  cancelled: "muted",
};

export const stepStatusTone: Record<StepStatus, Tone> = {
  pending: "muted",
  running: "info",
  succeeded: "ok",
  failed: "danger",
  skipped: "muted",
  aborted: "warn",
};
