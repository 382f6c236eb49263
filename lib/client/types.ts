// Shapes of the public API as the browser receives them (times are ISO UTC strings).
import { roles, type Permission, type Role } from "@/lib/auth/permissions";

export { roles };
export type { Permission, Role };

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
