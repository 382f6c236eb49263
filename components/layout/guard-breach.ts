import type { LocalizedText, ReleaseEvent } from "@/lib/client/types";

// A breach of a rollback criterion as the guard reported it: which criterion,
// the values it saw and over which window, and what the policy does next.
export interface GuardBreach {
  id: string;
  at: string;
  criterionKey: string;
  title: LocalizedText | null;
  metric: string | null;
  observed: number | null;
  threshold: number | null;
  windowFrom: string | null;
  windowTo: string | null;
  // "auto": the rollback is already under way; "propose": a person starts
  // it; "alert": the policy only tells.
  policy: "auto" | "propose" | "alert" | null;
  reason: string | null;
}

// Reads a `guard.breached` live event, whose audited `after` is the breach:
// `{ criterion: { key, title, metric }, values: { observed, threshold },
// window: { from, to }, reason, policy }`. Anything else is not a breach.
export function guardBreachFrom(event: ReleaseEvent): GuardBreach | null {
  if (event.type !== "guard.breached" || !isRecord(event.data)) return null;
  return breachOf(event.data.after, text(event.data.auditId) ?? `${event.seq}`, text(event.data.at));
}

// The same breach as the guard's state lists it (its `alerts[].breach`).
export function breachOf(value: unknown, id: string, at: string | null): GuardBreach | null {
  if (!isRecord(value) || !isRecord(value.criterion)) return null;
  const { criterion } = value;
  const values = isRecord(value.values) ? value.values : {};
  const window = isRecord(value.window) ? value.window : {};
  const key = text(criterion.key);
  if (!key) return null;
  const policy = value.policy;
  return {
    id,
    at: at ?? new Date().toISOString(),
    criterionKey: key,
    title: localizedText(criterion.title),
    metric: text(criterion.metric),
    observed: number(values.observed),
    threshold: number(values.threshold),
    windowFrom: text(window.from),
    windowTo: text(window.to),
    policy: policy === "auto" || policy === "propose" || policy === "alert" ? policy : null,
    reason: text(value.reason),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function localizedText(value: unknown): LocalizedText | null {
  return isRecord(value) && typeof value.ko === "string" && typeof value.en === "string" ? { ko: value.ko, en: value.en } : null;
}
