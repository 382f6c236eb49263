import type { LocalizedText, ReleaseEvent } from "@/lib/client/types";

// A breach of a rollback criterion as the guard reported it: which criterion,
// the values it saw and over which window, and what the policy does next.
export interface GuardBreach {
  id: string;
  at: string;
  criterionKey: string;
  title: LocalizedText | null;
  metric: string | null;
  comparator: string | null;
  observed: number | null;
  threshold: number | null;
  windowFrom: string | null;
  windowTo: string | null;
  windowSec: number | null;
  // "auto": the rollback is already under way; "propose": a person starts
  // it; "alert": the policy only tells.
  policy: "auto" | "propose" | "alert" | null;
  reason: string | null;
}

// Reads a `guard.breached` live event: its audited `after` carries what the
// notification does (criterionKey, criterionTitleEn/Ko, observed, threshold,
// windowFrom/To, policy, reason), and a nested criterion or evaluation when
// the live payload adds them. Anything else is not a breach.
export function guardBreachFrom(event: ReleaseEvent): GuardBreach | null {
  if (event.type !== "guard.breached" || !isRecord(event.data)) return null;
  const data = event.data;
  const after = isRecord(data.after) ? data.after : {};
  const criterion = firstRecord(data.criterion, after.criterion) ?? after;
  const evaluation = firstRecord(data.evaluation, after.evaluation);
  const values = firstRecord(data.values, after.values, evaluation?.values) ?? {};
  const window = firstRecord(data.window, after.window) ?? {};
  const key = text(criterion.key) ?? text(after.criterionKey) ?? text(evaluation?.criterionKey);
  if (!key) return null;
  const policy = text(data.policy) ?? text(after.policy);
  return {
    id: text(data.auditId) ?? `${event.seq}`,
    at: text(data.at) ?? new Date().toISOString(),
    criterionKey: key,
    title: localizedText(criterion.title) ?? titleFrom(after),
    metric: text(criterion.metric),
    comparator: text(criterion.comparator),
    observed: number(values.observed) ?? number(after.observed),
    threshold: number(values.threshold) ?? number(after.threshold) ?? number(criterion.threshold),
    windowFrom: text(window.from) ?? text(after.windowFrom) ?? text(values.from),
    windowTo: text(window.to) ?? text(after.windowTo) ?? text(values.to),
    windowSec: number(window.seconds) ?? number(criterion.windowSec),
    policy: policy === "auto" || policy === "propose" || policy === "alert" ? policy : null,
    reason: text(data.reason) ?? text(after.reason) ?? text(evaluation?.reason),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function firstRecord(...candidates: unknown[]): Record<string, unknown> | null {
  return candidates.find(isRecord) ?? null;
}

function text(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

function number(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function titleFrom(after: Record<string, unknown>): LocalizedText | null {
  const en = text(after.criterionTitleEn);
  const ko = text(after.criterionTitleKo);
  return en && ko ? { en, ko } : null;
}

function localizedText(value: unknown): LocalizedText | null {
  return isRecord(value) && typeof value.ko === "string" && typeof value.en === "string" ? { ko: value.ko, en: value.en } : null;
}
