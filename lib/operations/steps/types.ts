import type { TrafficDriver, TrafficState } from "@/lib/drivers/types";

// The contract between the operation engine and a step. The engine owns the
// lifecycle (status, attempts, lease, audit); a step only does its work and
// says how it went.

export type StepLogLevel = "info" | "warn" | "error";

export interface StepContext {
  operationId: string;
  releaseId: string;
  // A rehearsal runs against the "rehearsal" driver configuration.
  rehearsal: boolean;
  stepId: string;
  // The step's own params as planned; each step validates them with zod.
  params: unknown;
  // The release's traffic driver for this operation (production or
  // rehearsal); created on first call and reused for the rest of the step.
  driver(): Promise<TrafficDriver>;
  // Persisted in OperationLog and streamed live as `operation:log`.
  log(level: StepLogLevel, message: string): Promise<void>;
  // Fires on abort, on pause and when the worker shuts down: stop waiting,
  // leave things consistent (checkpoint progress) and return. The engine
  // ignores the outcome of an interrupted run; after a pause the step runs
  // again later with `previousResult` set to its checkpoint.
  signal: AbortSignal;
  // What this step last passed to checkpoint() in an earlier attempt (after a
  // pause or a crash), or undefined on the first attempt.
  previousResult: unknown;
  // Stores progress so a later attempt can resume instead of starting over.
  checkpoint(result: unknown): Promise<void>;
  // Records the split the driver reported as the operation's confirmed state
  // (what the UI shows and what a crash recovery compares against).
  recordTraffic(state: TrafficState): Promise<void>;
}

export type StepOutcome =
  | { status: "succeeded"; result?: unknown }
  | { status: "failed"; reason: string }
  | { status: "needs_attention"; reason: string }
  // The step judged that the operation must not go on (a cutover's analysis
  // saw a rollback criterion fail): the engine aborts it and, for an
  // operation that moves traffic, puts all of it back on blue.
  | { status: "abort"; reason: string; details?: unknown }
  // The step cannot decide (an inconclusive analysis): the engine pauses the
  // operation with the reason for a person; resuming runs the step again.
  | { status: "pause"; reason: string; details?: unknown };

export interface StepDefinition {
  kind: string;
  // True when running the step again after a crash mid-step has the same
  // effect as running it once (setting a split, waiting); false when a second
  // run could differ (a migration half applied) and a person must look first.
  safeToRepeat: boolean;
  // For steps that are not safe to repeat: what a person should check before
  // resuming after a crash mid-step, e.g. "which SQL files the target
  // database has applied". Completes "server stopped during <kind>; check …".
  recoveryHint?: string;
  run(ctx: StepContext): Promise<StepOutcome>;
}
