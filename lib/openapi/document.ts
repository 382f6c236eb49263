import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject } from "zod-openapi";
import {
  announcementActionBody,
  announcementConflictResponse,
  announcementListResponse,
  announcementParams,
  announcementResponse,
  createAnnouncementBody,
  holdAnnouncementBody,
  listAnnouncementsQuery,
  rescheduleAnnouncementBody,
  updateAnnouncementBody,
} from "@/lib/announcements/announcements.validation";
import { auditListResponse, auditQuery } from "@/lib/audit/audit.validation";
import { permissions, type Permission } from "@/lib/auth/permissions";
import { apiTokenSchema, createTokenBody, tokenParams } from "@/lib/auth/tokens.validation";
import {
  calendarFeedListResponse,
  calendarFeedParams,
  calendarLanguageQuery,
  createCalendarFeedBody,
  createCalendarFeedResponse,
  listCalendarFeedsQuery,
} from "@/lib/calendar/calendar.validation";
import { checklistQuery, checklistResponse, itemParams, itemResponse, updateItemBody, versionConflictResponse } from "@/lib/checklist/checklist.validation";
import { simulationFaultsBody, simulationFaultsResponse } from "@/lib/drivers/simulation.validation";
import { decideGateBody, gateListResponse, gateParams, gateResponse } from "@/lib/gates/gates.validation";
import {
  createCriterionBody,
  criterionListResponse,
  criterionParams,
  criterionResponse,
  deleteCriterionQuery,
  evaluationListResponse,
  evaluationResponse,
  evaluationsQuery,
  flagCriterionBody,
  updateCriterionBody,
} from "@/lib/criteria/criteria.validation";
import { guardStateResponse, scorecardResponse } from "@/lib/criteria/guard.validation";
import {
  createSyntheticCheckBody,
  deleteSyntheticCheckQuery,
  syntheticCheckListResponse,
  syntheticCheckParams,
  syntheticCheckResponse,
  updateSyntheticCheckBody,
} from "@/lib/criteria/synthetic-checks.validation";
import { metricSeriesQuery, metricSeriesResponse, metricSourcesResponse, pushMetricsBody, pushMetricsQuery, pushMetricsResponse } from "@/lib/metrics/metrics.validation";
import { healthSchema } from "@/lib/health/check-health";
import {
  attachEvidenceBody,
  attachEvidenceResponse,
  createRollbackReportBody,
  operationDetailResponse,
  operationListResponse,
  operationParams,
  operationResponse,
  rollbackReportListResponse,
  rollbackReportResponse,
  startOperationBody,
  trafficQuery,
  trafficResponse,
} from "@/lib/operations/operations.validation";
import { errorResponseSchema, releaseParams, roleSchema } from "@/lib/http/common.validation";
import { releaseDetailResponse, releaseListResponse } from "@/lib/releases/releases.validation";
import { saveSettingBodyDocument, settingParams, settingViewSchema } from "@/lib/settings/settings.validation";
import { createUserBody, updateUserBody, userListResponse, userParams, userResponse } from "@/lib/users/users.validation";
import { createFeedbackBody, feedbackListResponse, feedbackParams, feedbackQuery, feedbackResponse, updateFeedbackBody } from "@/lib/feedback/feedback.validation";
import { createShiftBody, deleteShiftQuery, onCallResponse, shiftParams, shiftResponse, updateShiftBody } from "@/lib/oncall/oncall.validation";
import { phaseListResponse, phaseParams, phaseResponse, updatePhaseBody } from "@/lib/phases/phases.validation";
import { createReleaseBody } from "@/lib/releases/create-release.validation";
import { releaseReportResponse, reportQuery } from "@/lib/report/report.validation";
import { createRiskBody, riskListResponse, riskParams, riskResponse, updateRiskBody } from "@/lib/risks/risks.validation";
import { putTeamMembersBody, teamListResponse, teamParams, teamResponse } from "@/lib/teams/teams.validation";

// Built from the same zod schemas the route handlers parse with, so the
// document cannot drift from what the server accepts.
type OperationSpec = {
  summary: string;
  // Rules and error codes specific to this operation, after the permission line.
  notes?: string;
  permission?: Permission;
  path?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  status?: 200 | 201;
  response: z.ZodType;
  conflict?: z.ZodType;
  // When the operation answers 503 UNAVAILABLE, and why.
  unavailable?: string;
};

function errorResponse(description: string) {
  return { description, content: { "application/json": { schema: errorResponseSchema } } };
}

function operation(spec: OperationSpec): ZodOpenApiOperationObject {
  const roles = spec.permission ? ` Roles: ${permissions[spec.permission].join(", ")}.` : "";
  const description = [spec.permission ? `Requires \`${spec.permission}\`.${roles}` : "", spec.notes ?? ""].filter(Boolean).join("\n\n");
  return {
    summary: spec.summary,
    ...(description ? { description } : {}),
    requestParams: { ...(spec.path ? { path: spec.path } : {}), ...(spec.query ? { query: spec.query } : {}) },
    ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: spec.body } } } } : {}),
    responses: {
      [String(spec.status ?? 200)]: { description: "Success", content: { "application/json": { schema: spec.response } } },
      "400": errorResponse("BAD_REQUEST or VALIDATION_FAILED (details: zod issues)"),
      "401": errorResponse("UNAUTHENTICATED"),
      "403": errorResponse("FORBIDDEN, or CROSS_ORIGIN for a cookie-authenticated request from another origin"),
      "404": errorResponse("NOT_FOUND"),
      ...(spec.conflict ? { "409": { description: "Stale version or conflicting state", content: { "application/json": { schema: spec.conflict } } } } : {}),
      ...(spec.body ? { "413": errorResponse("PAYLOAD_TOO_LARGE (over 64 KiB)"), "415": errorResponse("UNSUPPORTED_MEDIA_TYPE") } : {}),
      "500": errorResponse("INTERNAL"),
      ...(spec.unavailable ? { "503": errorResponse(spec.unavailable) } : {}),
    },
  };
}

let cached: ReturnType<typeof createDocument> | undefined;

export function openApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: "3.1.0",
    info: { title: "Launch Control API", version: "1" },
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "Personal API token (lc_…), acting with its owner's role" },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token", description: "Browser session (same-origin mutations only)" },
      },
      schemas: { Error: errorResponseSchema, Role: roleSchema },
    },
    paths: {
      "/api/health": {
        get: {
          summary: "Liveness and database health",
          security: [],
          responses: {
            "200": { description: "Healthy", content: { "application/json": { schema: healthSchema } } },
            "503": { description: "Database down", content: { "application/json": { schema: healthSchema } } },
          },
        },
      },
      "/api/v1/me": {
        get: operation({ summary: "The signed-in user and their permissions", response: z.object({ user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: roleSchema }), permissions: z.array(z.string()) }) }),
      },
      "/api/v1/me/tokens": {
        get: operation({ summary: "List your API tokens", permission: "token.manage", response: z.object({ tokens: z.array(apiTokenSchema) }) }),
        post: operation({ summary: "Create an API token; the secret is returned once", permission: "token.manage", body: createTokenBody, status: 201, response: z.object({ token: apiTokenSchema, secret: z.string() }) }),
      },
      "/api/v1/me/tokens/{tokenId}": {
        delete: operation({ summary: "Revoke one of your API tokens", permission: "token.manage", path: tokenParams, response: z.object({ token: apiTokenSchema }) }),
      },
      "/api/v1/users": {
        get: operation({ summary: "List users (admins: all with details; others: active users only)", response: userListResponse }),
        post: operation({ summary: "Create a user", permission: "user.manage", body: createUserBody, status: 201, response: userResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/users/{userId}": {
        patch: operation({ summary: "Change a user's role, name or active flag", permission: "user.manage", path: userParams, body: updateUserBody, response: userResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases": {
        get: operation({ summary: "List releases with checklist progress", permission: "release.read", response: releaseListResponse }),
        post: operation({
          summary: "Create a release from the built-in template, or as a copy of another release",
          notes:
            "from=clone copies sections and items (status reset to todo, notes and evidence dropped), phases and tasks, teams with their members, criteria, risks (reopened) and gates (pending, no decisions); " +
            "every planned time moves by launchAt minus the source's window start. Audited as release.created in the new release's trail. 409 CONFLICT when the version is taken; 400 for an unknown time zone or source release.",
          permission: "release.create",
          body: createReleaseBody,
          status: 201,
          response: releaseDetailResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}": {
        get: operation({ summary: "A release with sections, phases, teams, criteria and risks", permission: "release.read", path: releaseParams, response: releaseDetailResponse }),
      },
      "/api/v1/releases/{releaseId}/checklist": {
        get: operation({ summary: "The checklist by section", permission: "release.read", path: releaseParams, query: checklistQuery, response: checklistResponse }),
      },
      "/api/v1/releases/{releaseId}/checklist/items/{itemId}": {
        patch: operation({ summary: "Update a checklist item (optimistic concurrency on version)", permission: "checklist.update", path: itemParams, body: updateItemBody, response: itemResponse, conflict: versionConflictResponse }),
      },
      "/api/v1/releases/{releaseId}/gates": {
        get: operation({ summary: "The release's approval gates with their computed state, blockers and current-round decisions", permission: "release.read", path: releaseParams, response: gateListResponse }),
      },
      "/api/v1/releases/{releaseId}/gates/{gateId}/request": {
        post: operation({
          summary: "Request a gate's approval",
          notes: "You become the requester, who may not approve (unless the gate allows self-approval). Requesting again while pending is a reminder; after a rejection it starts a new round. 409 CONFLICT when the gate is already approved.",
          permission: "gate.decide",
          path: gateParams,
          response: gateResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/gates/{gateId}/decisions": {
        post: operation({
          summary: "Approve, reject, revoke or override a gate",
          notes:
            "Reject needs a comment; revoke withdraws your own approval; override needs `gate.override` and a reason of at least 10 characters, and is audited as `gate.overridden`. " +
            "Approvals count once per person and expire after the gate's approvalTtlSec. 403 FORBIDDEN when your role is not one of the gate's requiredRoles, " +
            "403 SELF_APPROVAL when you requested the gate, 409 CONFLICT when nobody requested it yet or there is nothing to revoke, 409 VERSION_CONFLICT on a stale version (details.current is the gate).",
          permission: "gate.decide",
          path: gateParams,
          body: decideGateBody,
          response: gateResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/audit": {
        get: operation({ summary: "The release's audit trail, newest first", permission: "audit.read", path: releaseParams, query: auditQuery, response: auditListResponse }),
      },
      "/api/v1/releases/{releaseId}/settings/{key}": {
        get: operation({ summary: "A release setting (driver, migration, cutover, notifications): settings and which secrets are set, never their values", permission: "settings.read", path: settingParams, response: settingViewSchema }),
        put: operation({ summary: "Save a release setting; secrets not resent are kept (optimistic concurrency on version)", permission: "settings.update", path: settingParams, body: saveSettingBodyDocument, response: settingViewSchema, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/simulation/faults": {
        put: operation({ summary: "Inject (or heal with 0/0) errors and latency in one simulated fleet", permission: "simulation.fault", path: releaseParams, body: simulationFaultsBody, response: simulationFaultsResponse }),
      },
      "/api/v1/releases/{releaseId}/metrics": {
        get: operation({
          summary: "One metric's series for one environment (raw samples, or averages per step) with the status of the source behind it",
          notes: "Points are raw within the raw retention window (48 h by default) and 60 s averages before it. A time without data has no point; an empty series with source.status quiet or failing means the source is silent or broken, not that the figure is zero.",
          permission: "release.read",
          path: releaseParams,
          query: metricSeriesQuery,
          response: metricSeriesResponse,
        }),
        post: pushMetricsOperation(),
      },
      "/api/v1/releases/{releaseId}/metrics/sources": {
        get: operation({ summary: "Each metric source of the release with its status (ok, quiet, failing), last sample and last error", permission: "release.read", path: releaseParams, response: metricSourcesResponse }),
      },
      "/api/v1/releases/{releaseId}/criteria": {
        get: operation({ summary: "The release's rollback and success criteria", permission: "release.read", path: releaseParams, response: criterionListResponse }),
        post: operation({
          summary: "Add a rollback or success criterion",
          notes:
            "Rollback comparators say when to roll back (error_rate gt 5); success comparators say what must hold (availability gte 99.9). " +
            "A measured criterion needs metric, aggregation (avg, min, max, last, p95, sum, ratio), comparator (lt, lte, gt, gte, eq) and windowSec, plus either threshold or baseline with relativePercent (not eq). " +
            'ratio reads a metric written "numerator/denominator" as 100 × Σ numerator / Σ denominator. metric null: a check made by people, raised or cleared through …/flag. ' +
            "action (propose_rollback, auto_rollback) only on rollback criteria. 400 VALIDATION_FAILED lists every broken rule; 409 CONFLICT when the key exists.",
          permission: "criteria.update",
          path: releaseParams,
          body: createCriterionBody,
          status: 201,
          response: criterionResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/criteria/{criterionId}": {
        patch: operation({ summary: "Change a criterion (optimistic concurrency on version; the rules are checked on the result)", notes: "409 VERSION_CONFLICT on a stale version (details.current is the criterion).", permission: "criteria.update", path: criterionParams, body: updateCriterionBody, response: criterionResponse, conflict: errorResponseSchema }),
        delete: operation({ summary: "Delete a criterion and its evaluations (the audit trail keeps it)", permission: "criteria.update", path: criterionParams, query: deleteCriterionQuery, response: criterionResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/criteria/{criterionId}/flag": {
        post: operation({
          summary: "Raise (fail) or clear (pass) a check made by people, e.g. data loss or a security vulnerability",
          notes: "Stored as the criterion's evaluation; a raised rollback flag is acted on by the rollback guard's next pass like a measured breach. 409 CONFLICT for a measured criterion.",
          permission: "criteria.flag",
          path: criterionParams,
          body: flagCriterionBody,
          response: evaluationResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/criteria/evaluations": {
        get: operation({ summary: "Evaluations of the release's criteria, newest first, with the values seen and the reason", notes: "context: analysis (the cutover's analysis step), guard (the rollback guard), manual (a person's flag).", permission: "release.read", path: releaseParams, query: evaluationsQuery, response: evaluationListResponse }),
      },
      "/api/v1/releases/{releaseId}/guard": {
        get: operation({ summary: "The rollback guard: idle, watching (a cutover or its stabilisation window) or breached, each criterion's latest evaluation, alerts and history", permission: "release.read", path: releaseParams, response: guardStateResponse }),
      },
      "/api/v1/releases/{releaseId}/scorecard": {
        get: operation({ summary: "Each success criterion now: value over its window, window coverage and pass, fail or inconclusive; key features from the synthetic checks", notes: "A snapshot: limits do not apply and nothing is stored. Too little data (coverage under half the window, too few samples, a failing source) is inconclusive, never a pass.", permission: "release.read", path: releaseParams, response: scorecardResponse }),
      },
      "/api/v1/releases/{releaseId}/synthetic-checks": {
        get: operation({ summary: "The release's synthetic checks with their latest result", permission: "release.read", path: releaseParams, response: syntheticCheckListResponse }),
        post: operation({ summary: "Add a synthetic check: a URL fetched on an interval, expecting a status and optionally body text", notes: "409 CONFLICT when the key exists.", permission: "criteria.update", path: releaseParams, body: createSyntheticCheckBody, status: 201, response: syntheticCheckResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/synthetic-checks/{checkId}": {
        patch: operation({ summary: "Change a synthetic check (optimistic concurrency on version); a new target clears the last result", permission: "criteria.update", path: syntheticCheckParams, body: updateSyntheticCheckBody, response: syntheticCheckResponse, conflict: errorResponseSchema }),
        delete: operation({ summary: "Delete a synthetic check", permission: "criteria.update", path: syntheticCheckParams, query: deleteSyntheticCheckQuery, response: syntheticCheckResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/operations": {
        get: operation({ summary: "The release's last 50 operations (cutover, migration, rollback; rehearsals marked), newest first", permission: "release.read", path: releaseParams, response: operationListResponse }),
        post: operation({
          summary: "Start or schedule a cutover, migration or rollback",
          notes:
            "201 for a new operation; 200 with the existing one when idempotencyKey was used before (a different kind with the same key is 409 CONFLICT). " +
            "Cutover and rollback need confirmVersion equal to the release's version (400 otherwise). " +
            "409 PRECONDITION_FAILED lists everything missing at once in details.missing (code, message, gate?, itemKeys?, operationId?): " +
            "cutover — go_no_go gate, required checklist items, a usable driver, no active operation; migration — migration gate and settings; rollback — rollback gate (or its override). " +
            "Rehearsals run on the driver.rehearsal configuration, skip gates and checklist, and only wait for another rehearsal. " +
            "With scheduledAt the operation starts then, and only if its gate is still approved (otherwise it is cancelled with the reason).",
          permission: "operation.start",
          path: releaseParams,
          body: startOperationBody,
          status: 201,
          response: operationResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/operations/{operationId}": {
        get: operation({ summary: "An operation with its steps and its last 500 log lines (live lines arrive on the socket as operation:log)", permission: "release.read", path: operationParams, response: operationDetailResponse }),
      },
      "/api/v1/releases/{releaseId}/operations/{operationId}/pause": {
        post: operation({ summary: "Pause a running or pending operation; the current bake stops and later resumes with its remainder", notes: "409 CONFLICT in any other state.", permission: "operation.control", path: operationParams, response: operationResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/operations/{operationId}/resume": {
        post: operation({ summary: "Resume a paused operation, or one in needs_attention after you checked its reason; the failed step runs again", notes: "409 CONFLICT in any other state.", permission: "operation.control", path: operationParams, response: operationResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/operations/{operationId}/abort": {
        post: operation({
          summary: "Abort an operation; a cutover or rollback that has moved traffic puts 100 % on blue before this answers",
          notes: "confirmedGreen in the answer is the split the driver confirmed. If the driver could not be reached, the operation is still aborted and its reason says traffic was not confirmed on blue. 409 CONFLICT when it already ended.",
          permission: "operation.control",
          path: operationParams,
          response: operationResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/operations/{operationId}/evidence": {
        post: operation({
          summary: "Attach a successful cutover or rollback rehearsal as the evidence link of the checklist items it proves",
          notes: "Needs a successful cutover rehearsal and a successful rollback rehearsal on the release (409 PRECONDITION_FAILED otherwise). Items: environment.rollback-tested, automation.blue-green-scripts (default: both).",
          permission: "checklist.update",
          path: operationParams,
          body: attachEvidenceBody,
          response: attachEvidenceResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/traffic": {
        get: operation({ summary: "The blue/green split as the driver reports it now (not as requested)", permission: "release.read", path: releaseParams, query: trafficQuery, response: trafficResponse, unavailable: "UNAVAILABLE: the driver did not answer (message says why)" }),
      },
      "/api/v1/releases/{releaseId}/rollback-reports": {
        get: operation({ summary: "Rollback reports, and finished rollbacks still waiting for one", permission: "release.read", path: releaseParams, response: rollbackReportListResponse }),
        post: operation({ summary: "File a rollback report: cause, fix plan, new schedule", permission: "operation.control", path: releaseParams, body: createRollbackReportBody, status: 201, response: rollbackReportResponse }),
      },
      "/api/v1/releases/{releaseId}/phases": {
        get: operation({ summary: "The release's phases with dependencies, tasks and a status that follows the cutover and migration operations", permission: "release.read", path: releaseParams, response: phaseListResponse }),
      },
      "/api/v1/releases/{releaseId}/phases/{phaseId}": {
        patch: operation({
          summary: "Reschedule or edit a phase (optimistic concurrency on version), optionally moving the phases that depend on it",
          notes:
            "shiftDependents moves every phase that depends on this one, directly or not, by the move of its end (or of its start when it has no end), all in one transaction; each change is audited as phase.updated. " +
            "400 VALIDATION_FAILED for an end before the start, a time more than a year from the release window (also for a dependent, at path dependents.<key>), or an unknown owner team. 409 VERSION_CONFLICT with details.current.",
          permission: "phase.update",
          path: phaseParams,
          body: updatePhaseBody,
          response: phaseResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/teams": {
        get: operation({ summary: "Teams with planned headcount and assigned members", permission: "release.read", path: releaseParams, response: teamListResponse }),
      },
      "/api/v1/releases/{releaseId}/teams/{teamId}/members": {
        put: operation({
          summary: "Replace a team's members",
          notes: "Send the membersVersion you read; 409 VERSION_CONFLICT (details.current) when the list changed meanwhile. Members must be active users. Audited as team.members.updated.",
          permission: "team.update",
          path: teamParams,
          body: putTeamMembersBody,
          response: teamResponse,
          conflict: errorResponseSchema,
        }),
      },
      "/api/v1/releases/{releaseId}/oncall": {
        get: operation({ summary: "The on-call rota for the stabilisation window, with the parts of phases whose owner team has nobody on shift", permission: "release.read", path: releaseParams, response: onCallResponse }),
        post: operation({ summary: "Add an on-call shift", notes: "400 for an end not after the start, times more than a year from the window, a team of another release or an inactive person. Audited as oncall.created.", permission: "oncall.update", path: releaseParams, body: createShiftBody, status: 201, response: shiftResponse }),
      },
      "/api/v1/releases/{releaseId}/oncall/{shiftId}": {
        patch: operation({ summary: "Move or reassign an on-call shift (optimistic concurrency on version)", permission: "oncall.update", path: shiftParams, body: updateShiftBody, response: shiftResponse, conflict: errorResponseSchema }),
        delete: operation({ summary: "Remove an on-call shift; ?version= must be the version you saw", permission: "oncall.update", path: shiftParams, query: deleteShiftQuery, response: shiftResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/risks": {
        get: operation({ summary: "The risk register with scores (impact × likelihood), owners and linked checklist items", permission: "release.read", path: releaseParams, response: riskListResponse }),
        post: operation({ summary: "Add a risk; text given in one language fills both", notes: "400 for scores outside 1–5, unknown checklist item keys or an inactive owner. Audited as risk.created.", permission: "risk.update", path: releaseParams, body: createRiskBody, status: 201, response: riskResponse }),
      },
      "/api/v1/releases/{releaseId}/risks/{riskId}": {
        patch: operation({ summary: "Edit a risk (optimistic concurrency on version); text sent in one language keeps the other", permission: "risk.update", path: riskParams, body: updateRiskBody, response: riskResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/feedback": {
        get: operation({ summary: "User enquiries and survey findings after launch: open first, then by severity, newest first", permission: "release.read", path: releaseParams, query: feedbackQuery, response: feedbackListResponse }),
        post: operation({ summary: "Log an enquiry or a survey finding", notes: "Audited as feedback.created.", permission: "feedback.create", path: releaseParams, body: createFeedbackBody, status: 201, response: feedbackResponse }),
      },
      "/api/v1/releases/{releaseId}/feedback/{feedbackId}": {
        patch: operation({ summary: "Triage, resolve or correct feedback (optimistic concurrency on version)", permission: "feedback.triage", path: feedbackParams, body: updateFeedbackBody, response: feedbackResponse, conflict: errorResponseSchema }),
      },
      "/api/v1/releases/{releaseId}/report": {
        get: operation({
          summary: "The release report: plan against what happened",
          notes: "Checklist completion, approvals with decisions, operations with their steps and times, failed operations, rollbacks and rollback reports, announcements sent (tracked=false when this installation keeps none), feedback counts, risks and the success and rollback criteria.",
          permission: "release.read",
          path: releaseParams,
          response: releaseReportResponse,
        }),
      },
      "/api/v1/releases/{releaseId}/report.md": {
        get: {
          ...operation({ summary: "The release report as a markdown file (content-disposition: attachment)", permission: "release.read", path: releaseParams, query: reportQuery, response: z.string() }),
          responses: {
            ...operation({ summary: "", permission: "release.read", path: releaseParams, response: z.string() }).responses,
            "200": { description: "Markdown file", content: { "text/markdown": { schema: z.string() } } },
          },
        },
      },
      "/api/v1/releases/{releaseId}/announcements": {
        get: operation({
          summary: "The launch calendar: announcements with their deliveries and conflict warnings, the release's phases and working hours",
          notes: "from/to (optional) limit announcements by scheduledAt; 400 when to is not after from. The template's communication plan is created on the first read of a release that has none.",
          permission: "release.read",
          path: releaseParams,
          query: listAnnouncementsQuery,
          response: announcementListResponse,
        }),
        post: operation({
          summary: "Plan an announcement (draft or scheduled)",
          notes:
            "External announcements need `announcement.edit`; internal ones `announcement.edit_internal` (403 otherwise). 400 VALIDATION_FAILED, all problems in details: unknown channel, invalid recipients, recipients on a channel that sends no mail, a body over the channel's limit (social 280 characters, Slack 40,000, email/website/press 100 KiB), a time more than 90 days from the launch window. Bodies up to 256 KiB of JSON. Audited as announcement.created.",
          permission: "announcement.edit_internal",
          path: releaseParams,
          body: createAnnouncementBody,
          status: 201,
          response: announcementResponse,
        }),
      },
      "/api/v1/releases/{releaseId}/announcements/{announcementId}": {
        patch: operation({
          summary: "Edit an announcement (optimistic concurrency on version)",
          notes: "Same rules and 400s as creating; status may go back to scheduled (after held, failed or cancelled) or to draft. 409 VERSION_CONFLICT with details.current on a stale version, 409 CONFLICT once it is being sent or was sent. Audited as announcement.updated.",
          permission: "announcement.edit_internal",
          path: announcementParams,
          body: updateAnnouncementBody,
          response: announcementResponse,
          conflict: announcementConflictResponse,
        }),
      },
      "/api/v1/releases/{releaseId}/announcements/{announcementId}/reschedule": {
        post: operation({
          summary: "Move an announcement to a new time (the calendar's drag); a held or failed one is scheduled again",
          notes: "External announcements need `announcement.edit`. 400 outside the release's range, 409 as for PATCH. Audited as announcement.rescheduled.",
          permission: "announcement.edit_internal",
          path: announcementParams,
          body: rescheduleAnnouncementBody,
          response: announcementResponse,
          conflict: announcementConflictResponse,
        }),
      },
      "/api/v1/releases/{releaseId}/announcements/{announcementId}/send-now": {
        post: operation({
          summary: "Send an announcement now: it becomes due at once and the dispatcher sends it within seconds, after checking its condition",
          notes: "External announcements need `announcement.send_external`. A failing condition holds it (status held, heldReason) and tells its owner. Audited as announcement.send_requested.",
          permission: "announcement.edit_internal",
          path: announcementParams,
          body: announcementActionBody,
          response: announcementResponse,
          conflict: announcementConflictResponse,
        }),
      },
      "/api/v1/releases/{releaseId}/announcements/{announcementId}/cancel": {
        post: operation({ summary: "Cancel an announcement that was not sent", notes: "External announcements need `announcement.edit`. 409 CONFLICT once sending or sent. Audited as announcement.cancelled.", permission: "announcement.edit_internal", path: announcementParams, body: announcementActionBody, response: announcementResponse, conflict: announcementConflictResponse }),
      },
      "/api/v1/releases/{releaseId}/announcements/{announcementId}/hold": {
        post: operation({ summary: "Hold a draft or scheduled announcement with a reason", notes: "External announcements need `announcement.edit`. Audited as announcement.held.", permission: "announcement.edit_internal", path: announcementParams, body: holdAnnouncementBody, response: announcementResponse, conflict: announcementConflictResponse }),
      },
      "/api/v1/releases/{releaseId}/calendar.ics": {
        get: {
          ...operation({ summary: "The release calendar as an iCalendar file (announcements and phases, UTC times, stable UIDs)", permission: "release.read", path: releaseParams, query: calendarLanguageQuery, response: z.string() }),
          responses: {
            ...operation({ summary: "", permission: "release.read", path: releaseParams, response: z.string() }).responses,
            "200": { description: "iCalendar file", content: { "text/calendar": { schema: z.string() } } },
          },
        },
      },
      "/api/v1/me/calendar-feeds": {
        get: operation({ summary: "Your secret calendar feeds (never their URLs)", permission: "release.read", query: listCalendarFeedsQuery, response: calendarFeedListResponse }),
        post: operation({ summary: "Create a secret calendar feed URL for a release; the URL is returned once", permission: "release.read", body: createCalendarFeedBody, status: 201, response: createCalendarFeedResponse }),
      },
      "/api/v1/me/calendar-feeds/{feedId}": {
        delete: operation({ summary: "Revoke one of your calendar feeds", permission: "release.read", path: calendarFeedParams, response: z.object({ feed: createCalendarFeedResponse.shape.feed }) }),
      },
      "/api/calendar/feed/{token}": {
        get: {
          summary: "A calendar feed for Google Calendar, Outlook or Apple Calendar; the path is `lcf_….ics` as returned when the feed was created",
          security: [],
          requestParams: { path: z.object({ token: z.string() }), query: calendarLanguageQuery },
          responses: {
            "200": { description: "iCalendar feed", content: { "text/calendar": { schema: z.string() } } },
            "404": errorResponse("NOT_FOUND: unknown or revoked feed, or its owner no longer has access"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document" } } },
      },
    },
  });
  return cached;
}

// The push route reads JSON or text exposition itself (up to 1 MiB), so its
// body and size limit are spelled out here rather than derived from `body`.
function pushMetricsOperation(): ZodOpenApiOperationObject {
  const base = operation({
    summary: "Push metric samples (a pipeline's or collector's figures), as JSON or Prometheus text exposition format",
    notes:
      "Up to 5,000 samples and 1 MiB per request, stored all together or not at all. 400 VALIDATION_FAILED lists every bad sample by index (details[].index, path, message): " +
      "unknown metric names (custom names need allowCustomMetrics), environments other than blue, green, all, NaN or infinite values, times more than 5 minutes ahead or older than the raw retention. " +
      "text/plain: one gauge per line, the `environment` label as the environment (all when absent), the optional timestamp in ms; the source from `?source=`. " +
      "Stored samples go live to the release's socket room as metrics:samples.",
    permission: "metrics.push",
    path: releaseParams,
    query: pushMetricsQuery,
    status: 201,
    response: pushMetricsResponse,
  });
  return {
    ...base,
    requestBody: {
      required: true,
      content: {
        "application/json": { schema: pushMetricsBody },
        "text/plain": { schema: z.string().meta({ example: '# TYPE error_rate gauge\nerror_rate{environment="green"} 0.42\n' }) },
      },
    },
    responses: { ...base.responses, "413": errorResponse("PAYLOAD_TOO_LARGE (over 1 MiB)"), "415": errorResponse("UNSUPPORTED_MEDIA_TYPE (send application/json or text/plain)") },
  };
}
