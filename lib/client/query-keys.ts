import type { AuditFilters, ChecklistFilter, DriverPurpose, Environment } from "./types";

// Everything about one release lives under ["release", id] so that a live
// resync can invalidate it with one prefix.
export const queryKeys = {
  me: ["me"] as const,
  health: ["health"] as const,
  releases: ["releases"] as const,
  users: ["users"] as const,
  tokens: ["tokens"] as const,
  release: (releaseId: string) => ["release", releaseId] as const,
  releaseDetail: (releaseId: string) => ["release", releaseId, "detail"] as const,
  checklists: (releaseId: string) => ["release", releaseId, "checklist"] as const,
  checklist: (releaseId: string, filter: ChecklistFilter) => ["release", releaseId, "checklist", filter] as const,
  audit: (releaseId: string, filters: AuditFilters) => ["release", releaseId, "audit", filters] as const,
  gates: (releaseId: string) => ["release", releaseId, "gates"] as const,
  traffic: (releaseId: string) => ["release", releaseId, "traffic"] as const,
  trafficOf: (releaseId: string, purpose: DriverPurpose) => ["release", releaseId, "traffic", purpose] as const,
  operations: (releaseId: string) => ["release", releaseId, "operations"] as const,
  operation: (releaseId: string, operationId: string) => ["release", releaseId, "operation", operationId] as const,
  rollbackReports: (releaseId: string) => ["release", releaseId, "rollback-reports"] as const,
  setting: (releaseId: string, key: string) => ["release", releaseId, "settings", key] as const,
  metrics: (releaseId: string) => ["release", releaseId, "metrics"] as const,
  metricSeries: (releaseId: string, metric: string, environment: Environment, range: string) =>
    ["release", releaseId, "metrics", metric, environment, range] as const,
  // Criteria, their evaluations, the scorecard and the guard change together.
  criteria: (releaseId: string) => ["release", releaseId, "criteria"] as const,
  criteriaList: (releaseId: string) => ["release", releaseId, "criteria", "list"] as const,
  guard: (releaseId: string) => ["release", releaseId, "criteria", "guard"] as const,
  scorecard: (releaseId: string) => ["release", releaseId, "criteria", "scorecard"] as const,
  syntheticChecks: (releaseId: string) => ["release", releaseId, "criteria", "synthetic-checks"] as const,
  announcements: (releaseId: string) => ["release", releaseId, "announcements"] as const,
  calendarFeeds: (releaseId: string) => ["release", releaseId, "calendar-feeds"] as const,
};
