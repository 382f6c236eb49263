// Shapes of the public API as the browser receives them (times are ISO UTC strings).
import { roles, type Permission, type Role } from "@/lib/auth/permissions";
import type { DriverConfig } from "@/lib/drivers/config";
import { driverKinds, type DriverKind, type Environment, type EnvironmentHealth } from "@/lib/drivers/types";

export { driverKinds, roles };
export type { DriverConfig, DriverKind, Environment, EnvironmentHealth, Permission, Role };

export interface LocalizedText {
  ko: string;
  en: string;
}

export type ReleaseStatus = "planned" | "in_progress" | "live" | "rolled_back" | "completed" | "cancelled";
export type ChecklistStatus = "todo" | "in_progress" | "done" | "blocked" | "n_a";
export type PhaseStatus = "pending" | "running" | "done" | "skipped" | "failed";
export type RiskStatus = "open" | "mitigated" | "accepted" | "closed";
export type ChecklistFilter = "all" | "mine" | "blocked" | "overdue";

export const checklistStatuses: readonly ChecklistStatus[] = ["todo", "in_progress", "done", "blocked", "n_a"];
export const checklistFilters: readonly ChecklistFilter[] = ["all", "mine", "blocked", "overdue"];

export interface Me {
  user: { id: string; email: string; name: string; role: Role };
  permissions: Permission[];
}

export interface Progress {
  done: number;
  applicable: number;
  total: number;
}

export interface ReleaseSummary {
  id: string;
  version: string;
  name: LocalizedText;
  status: ReleaseStatus;
  timezone: string;
  windowStart: string;
  windowEnd: string;
  isDemo: boolean;
  progress: Progress;
}

export interface SectionSummary {
  id: string;
  key: string;
  position: number;
  title: LocalizedText;
  progress: Progress;
  requiredOpen: number;
}

export interface Phase {
  id: string;
  key: string;
  position: number;
  kind: "deployment" | "post_deployment";
  title: LocalizedText;
  ownerTeams: string[];
  startsAt: string;
  endsAt: string | null;
  status: PhaseStatus;
  tasks: { id: string; title: LocalizedText; done: boolean }[];
}

export interface Team {
  id: string;
  key: string;
  name: LocalizedText;
  responsibility: LocalizedText;
  headcount: number;
}

export interface Criterion {
  id: string;
  kind: "rollback" | "success";
  key: string;
  title: LocalizedText;
  metric: string | null;
  aggregation: string | null;
  comparator: string | null;
  threshold: number | null;
  windowSec: number | null;
}

export interface Risk {
  id: string;
  key: string;
  title: LocalizedText;
  impact: LocalizedText;
  mitigation: LocalizedText;
  severity: number;
  likelihood: number;
  status: RiskStatus;
}

export interface ReleaseDetail extends ReleaseSummary {
  overview: LocalizedText;
  goals: LocalizedText[];
  rollbackProcedure: LocalizedText[];
  afterRollback: LocalizedText[];
  eventSeq: number;
  sections: SectionSummary[];
  phases: Phase[];
  teams: Team[];
  criteria: Criterion[];
  risks: Risk[];
}

export interface UserRef {
  id: string;
  name: string;
  email: string;
}

export interface ChecklistItem {
  id: string;
  sectionId: string;
  key: string;
  position: number;
  title: LocalizedText;
  status: ChecklistStatus;
  requiredForGoLive: boolean;
  assignee: UserRef | null;
  dueAt: string | null;
  evidenceUrl: string | null;
  note: string | null;
  completedAt: string | null;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
  version: number;
}

export interface ChecklistSection {
  id: string;
  key: string;
  position: number;
  title: LocalizedText;
  items: ChecklistItem[];
}

export interface Checklist {
  eventSeq: number;
  sections: ChecklistSection[];
}

export interface ItemPatch {
  status?: ChecklistStatus;
  note?: string | null;
  evidenceUrl?: string | null;
  assigneeId?: string | null;
  dueAt?: string | null;
  requiredForGoLive?: boolean;
}

export interface AuditEvent {
  id: string;
  seq: number | null;
  at: string;
  actor: { id: string | null; label: string };
  via: string;
  action: string;
  subjectType: string;
  subjectId: string;
  before: unknown;
  after: unknown;
}

export interface AuditPage {
  events: AuditEvent[];
  nextCursor: string | null;
}

export interface AuditFilters {
  actorId: string;
  action: string;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  active?: boolean;
  createdAt?: string;
  version?: number;
}

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface UserPatch {
  version: number;
  role?: Role;
  active?: boolean;
  name?: string;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix?: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt?: string | null;
}

export interface CreatedToken {
  token: ApiToken;
  secret: string;
}

export interface Health {
  status: string;
  db: string;
  version: string;
}

export interface ReleaseEvent {
  releaseId: string;
  seq: number;
  type: string;
  data: unknown;
}

// Control plane: gates, traffic, operations, settings (docs/CONTROL-PLANE.md).

export type GateStatus = "pending" | "approved" | "rejected";
export type GateDecisionKind = "approve" | "reject" | "revoke" | "override";

export interface GateDecision {
  id: string;
  kind: GateDecisionKind;
  user: { id: string; name: string };
  comment: string | null;
  at: string;
  expiresAt: string | null;
  expired: boolean;
  revokedAt: string | null;
}

export interface GateBlocker {
  code: "REJECTED" | "APPROVALS_MISSING" | "ITEMS_NOT_DONE";
  message: string;
  itemKeys?: string[];
}

export interface Gate {
  id: string;
  key: string;
  position: number;
  title: LocalizedText;
  requiredRoles: Role[];
  approvalsNeeded: number;
  allowSelfApproval: boolean;
  approvalTtlSec: number | null;
  requiredItemKeys: string[];
  status: GateStatus;
  round: number;
  requestedBy: { id: string; name: string } | null;
  requestedAt: string | null;
  decidedAt: string | null;
  version: number;
  state: { approved: boolean; overridden: boolean; approvals: number; needed: number; blockers: GateBlocker[] };
  decisions: GateDecision[];
}

export interface Traffic {
  driver: DriverKind;
  greenPercent: number;
  weights: { blue: number; green: number };
  health: Record<Environment, EnvironmentHealth>;
  readAt: string;
}

export type OperationKind = "cutover" | "migration" | "rollback";
export type OperationStatus =
  | "scheduled"
  | "pending"
  | "running"
  | "paused"
  | "needs_attention"
  | "succeeded"
  | "failed"
  | "aborted"
  | "cancelled";
export type StepStatus = "pending" | "running" | "succeeded" | "failed" | "skipped" | "aborted";

export const operationKinds: readonly OperationKind[] = ["cutover", "migration", "rollback"];

export interface OperationSummary {
  id: string;
  kind: OperationKind;
  status: OperationStatus;
  rehearsal: boolean;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  createdAt: string;
  requestedBy: { id: string; name: string } | null;
  reason: string | null;
  currentStep: number;
  confirmedGreen: number | null;
  version: number;
}

export interface OperationStep {
  id: string;
  position: number;
  kind: string;
  params: unknown;
  status: StepStatus;
  attempts: number;
  error: string | null;
  startedAt: string | null;
  finishedAt: string | null;
}

export type LogLevel = "info" | "warn" | "error";

export interface OperationLogLine {
  id: string;
  stepId: string | null;
  at: string;
  level: LogLevel;
  message: string;
}

export interface OperationDetail extends OperationSummary {
  steps: OperationStep[];
  logs: OperationLogLine[];
}

export interface StartOperation {
  kind: OperationKind;
  idempotencyKey: string;
  scheduledAt?: string;
  rehearsal?: boolean;
  confirmVersion?: string;
}

export type DriverPurpose = "production" | "rehearsal";

export interface RollbackReportList {
  reports: RollbackReport[];
  // Finished real rollbacks still waiting for their report.
  outstanding: { operationId: string; finishedAt: string | null }[];
}

export interface RollbackReport {
  id: string;
  operationId: string | null;
  cause: string;
  fixPlan: string;
  newScheduleAt: string | null;
  author: { id: string; name: string } | null;
  createdAt: string;
}

export interface NewRollbackReport {
  operationId?: string;
  cause: string;
  fixPlan: string;
  newScheduleAt?: string | null;
}

export interface ReleaseSettingView<T> {
  key: string;
  settings: T;
  secretsSet: string[];
  version: number;
}

export interface SaveSetting<T> {
  settings: T;
  secrets?: Record<string, string>;
  version?: number;
}

export interface SimulationFaults {
  environment: Environment;
  errorRate: number;
  latencyMs: number;
}

// Metrics and release criteria (docs/ARCHITECTURE.md, "Live updates").

export type MetricSourceState = "ok" | "failing" | "quiet";

export interface MetricSourceHealth {
  source: string;
  status: MetricSourceState;
  lastSampleAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
}

export interface MetricSeries {
  metric: string;
  environment: Environment | "all";
  unit: string | null;
  from: string;
  to: string;
  // Seconds per averaged point; null for raw samples.
  step: number | null;
  points: { at: string; value: number }[];
  // The source that last supplied the series, or the configured one.
  source: MetricSourceHealth | null;
}

export interface MetricSample {
  metric: string;
  environment: Environment;
  at: string;
  value: number;
}

// The socket's `metrics:samples` event: not audited, no seq.
export interface MetricSamplesEvent {
  releaseId: string;
  samples: MetricSample[];
}

export type Outcome = "pass" | "fail" | "inconclusive";

// A release criterion as the criteria API serves it (the release detail's
// `criteria` is the short form).
export interface CriterionDetail {
  id: string;
  kind: "rollback" | "success";
  key: string;
  position: number;
  title: LocalizedText;
  metric: string | null;
  aggregation: string | null;
  comparator: string | null;
  threshold: number | null;
  windowSec: number | null;
  environment: string;
  baseline: string | null;
  relativePercent: number | null;
  intervalSec: number;
  failureLimit: number;
  consecutiveBreaches: number;
  inconclusiveLimit: number;
  isKey: boolean;
  dryRun: boolean;
  action: string;
  manual: boolean;
  version: number;
}

export type CriterionPatch = { version: number } & Partial<
  Pick<
    CriterionDetail,
    | "metric"
    | "aggregation"
    | "comparator"
    | "threshold"
    | "windowSec"
    | "environment"
    | "baseline"
    | "relativePercent"
    | "intervalSec"
    | "failureLimit"
    | "consecutiveBreaches"
    | "inconclusiveLimit"
    | "isKey"
    | "dryRun"
    | "action"
  >
>;

export interface CriterionEvaluation {
  id: string;
  criterionId: string;
  criterionKey: string;
  at: string;
  outcome: Outcome;
  judgement: string;
  reason: string;
  reasonCode: string;
  dryRun: boolean;
  actionable: boolean;
  context: string;
  operationId: string | null;
  // observed, baseline, threshold, sampleCount, windowCoverage, from, to, breachCount, …
  values: Record<string, unknown>;
}

export type GuardPolicy = "alert" | "propose" | "auto";

export interface GuardView {
  state: "idle" | "watching" | "breached";
  phase: "cutover" | "stabilisation" | null;
  operationId: string | null;
  watchingSince: string | null;
  watchingUntil: string | null;
  policy: "propose" | "auto";
  criteria: { id: string; key: string; policy: GuardPolicy }[];
  lastEvaluation: { at: string; evaluations: CriterionEvaluation[] } | null;
  // `breach` is the guard.breached audit event's payload.
  alerts: { id: string; at: string; breach: unknown }[];
  history: CriterionEvaluation[];
}

export interface ScorecardEntry {
  criterionId: string;
  key: string;
  title: LocalizedText;
  metric: string | null;
  environment: string;
  aggregation: string | null;
  comparator: string | null;
  windowSec: number | null;
  isKey: boolean;
  dryRun: boolean;
  value: number | null;
  threshold: number | null;
  // Share of the window with data, 0–1.
  windowCoverage: number;
  sampleCount: number;
  outcome: Outcome;
  reasonCode: string;
  reason: string;
}

export interface Scorecard {
  at: string;
  outcome: Outcome;
  score: number | null;
  reason: string;
  criteria: ScorecardEntry[];
}

export interface SyntheticCheck {
  id: string;
  key: string;
  name: string;
  url: string;
  expectStatus: number;
  expectBody: string | null;
  intervalSec: number;
  lastRunAt: string | null;
  lastOk: boolean | null;
  lastDetail: string | null;
  version: number;
}
