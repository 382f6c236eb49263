import type { Tone } from "@/components/ui/badge";
import type { PhaseStatus, ReleaseStatus, RiskStatus } from "@/lib/client/types";

export const releaseStatusTone: Record<ReleaseStatus, Tone> = {
  planned: "neutral",
  in_progress: "info",
  live: "ok",
  rolled_back: "danger",
  completed: "ok",
  cancelled: "muted",
};

export const phaseStatusTone: Record<PhaseStatus, Tone> = {
  pending: "neutral",
  running: "info",
  done: "ok",
  skipped: "muted",
  failed: "danger",
};

export const riskStatusTone: Record<RiskStatus, Tone> = {
  open: "warn",
  mitigated: "ok",
  accepted: "neutral",
  closed: "muted",
};
