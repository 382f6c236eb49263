import type { NotificationEvent } from "./config";

// What each event carries. Callers pass names and titles already resolved,
// so sending needs no database read.
export interface GateNotice {
  gateKey: string;
  gateTitleEn: string;
  gateTitleKo: string;
  // Who requested or decided, as a display name.
  actorName?: string;
}

export interface OperationNotice {
  operationId: string;
  kind: "cutover" | "migration" | "rollback";
  rehearsal: boolean;
  actorName?: string;
  reason?: string;
}

export interface GuardNotice {
  criterionKey: string;
  criterionTitleEn: string;
  criterionTitleKo: string;
  // The engine's English reason: metric, aggregation, window, value, threshold.
  reason: string;
  observed: number | null;
  threshold: number | null;
  windowFrom: string;
  windowTo: string;
  // What the guard does about it: alert only, propose the rollback, or start it.
  policy: "alert" | "propose" | "auto";
  phase: "cutover" | "stabilisation";
}

export interface NotificationPayloads {
  "gate.requested": GateNotice;
  "gate.decided": GateNotice & {
    decision: "approve" | "reject" | "revoke" | "override";
    gateStatus: "pending" | "approved" | "rejected";
    comment?: string;
  };
  "operation.started": OperationNotice;
  "operation.succeeded": OperationNotice;
  "operation.failed": OperationNotice;
  "operation.needs_attention": OperationNotice;
  "operation.aborted": OperationNotice;
  "operation.cancelled": OperationNotice;
  "rollback.started": OperationNotice;
  "guard.breached": GuardNotice;
}

// Any event's payload, for code that passes events through without knowing
// which (notify still checks each call's pair when the event is a literal).
export type NotificationPayload = NotificationPayloads[NotificationEvent];

export interface ReleaseLabel {
  version: string;
  nameEn: string;
  nameKo: string;
}

export interface NotificationMessage {
  subject: string;
  // English, then Korean: one message for a mixed team.
  en: string;
  ko: string;
}

interface Lines {
  icon: string;
  en: { headline: string; details: string[] };
  ko: { headline: string; details: string[] };
}

const kindNames = {
  cutover: { en: "Cutover", ko: "컷오버" },
  migration: { en: "Database migration", ko: "데이터베이스 마이그레이션" },
  rollback: { en: "Rollback", ko: "롤백" },
} as const;

const decisionNames = {
  approve: { en: "approved", ko: "승인" },
  reject: { en: "rejected", ko: "반려" },
  revoke: { en: "approval revoked", ko: "승인 철회" },
  override: { en: "EMERGENCY OVERRIDE", ko: "긴급 오버라이드" },
} as const;

const gateStatusNames = {
  pending: { en: "waiting for approval", ko: "승인 대기" },
  approved: { en: "approved", ko: "승인됨" },
  rejected: { en: "rejected", ko: "반려됨" },
} as const;

const operationOutcomes = {
  "operation.started": { en: "started", ko: "시작", icon: "▶️" },
  "operation.succeeded": { en: "succeeded", ko: "완료", icon: "✅" },
  "operation.failed": { en: "FAILED", ko: "실패", icon: "❌" },
  "operation.needs_attention": { en: "needs attention", ko: "확인 필요", icon: "⚠️" },
  "operation.aborted": { en: "aborted", ko: "중단됨", icon: "⏹️" },
  "operation.cancelled": { en: "cancelled", ko: "취소됨", icon: "🚫" },
} as const;

export function renderMessage<E extends NotificationEvent>(event: E, payload: NotificationPayloads[E], release: ReleaseLabel): NotificationMessage {
  const lines = renderLines(event, payload);
  const prefix = `[${release.version}]`;
  return {
    subject: `${prefix} ${lines.en.headline} / ${lines.ko.headline}`,
    en: [`${lines.icon} ${prefix} ${release.nameEn}: ${lines.en.headline}`, ...lines.en.details].join("\n"),
    ko: [`${lines.icon} ${prefix} ${release.nameKo}: ${lines.ko.headline}`, ...lines.ko.details].join("\n"),
  };
}

// The payload's type follows from the event; TypeScript cannot narrow a
// generic pair through a switch, hence the one cast per branch.
function renderLines(event: NotificationEvent, payload: NotificationPayloads[NotificationEvent]): Lines {
  switch (event) {
    case "gate.requested": {
      const gate = payload as NotificationPayloads["gate.requested"];
      return {
        icon: "🔔",
        en: { headline: `Approval requested: ${gate.gateTitleEn}`, details: by(gate.actorName, "Requested by") },
        ko: { headline: `승인 요청: ${gate.gateTitleKo}`, details: by(gate.actorName, "요청자") },
      };
    }
    case "gate.decided":
      return gateDecided(payload as NotificationPayloads["gate.decided"]);
    case "guard.breached":
      return guardBreached(payload as NotificationPayloads["guard.breached"]);
    case "rollback.started": {
      const operation = payload as OperationNotice;
      const rehearsal = rehearsalMark(operation);
      return {
        icon: "⏪",
        en: { headline: `Rollback started${rehearsal.en}: traffic goes back to blue`, details: [...by(operation.actorName, "By"), ...reason(operation).en] },
        ko: { headline: `롤백 시작${rehearsal.ko}: 트래픽을 블루로 되돌립니다`, details: [...by(operation.actorName, "실행자"), ...reason(operation).ko] },
      };
    }
    default: {
      const operation = payload as OperationNotice;
      const outcome = operationOutcomes[event];
      const kind = kindNames[operation.kind];
      const rehearsal = rehearsalMark(operation);
      return {
        icon: outcome.icon,
        en: { headline: `${kind.en} ${outcome.en}${rehearsal.en}`, details: [...by(operation.actorName, "By"), ...reason(operation).en] },
        ko: { headline: `${kind.ko} ${outcome.ko}${rehearsal.ko}`, details: [...by(operation.actorName, "실행자"), ...reason(operation).ko] },
      };
    }
  }
}

function gateDecided(gate: NotificationPayloads["gate.decided"]): Lines {
  const decision = decisionNames[gate.decision];
  const status = gateStatusNames[gate.gateStatus];
  const comment = gate.comment ? [`“${gate.comment}”`] : [];
  return {
    icon: gate.decision === "override" ? "🚨" : gate.decision === "approve" ? "👍" : "✋",
    en: { headline: `${gate.gateTitleEn} ${decision.en}${gate.actorName ? ` by ${gate.actorName}` : ""}`, details: [`Gate is now ${status.en}`, ...comment] },
    ko: { headline: `${gate.gateTitleKo} ${decision.ko}${gate.actorName ? ` (${gate.actorName})` : ""}`, details: [`게이트 상태: ${status.ko}`, ...comment] },
  };
}

const guardPolicies = {
  alert: { en: "Alert only: no rollback by policy", ko: "알림만: 정책상 롤백하지 않음" },
  propose: { en: "Rollback proposed: one click in Launch Control (Rollback gate)", ko: "롤백 제안: Launch Control에서 한 번에 실행 (롤백 게이트)" },
  auto: { en: "Rollback started automatically by policy", ko: "정책에 따라 자동 롤백 시작" },
} as const;

function guardBreached(guard: GuardNotice): Lines {
  const window = `${guard.windowFrom} → ${guard.windowTo}`;
  const values = `observed ${guard.observed ?? "—"}, threshold ${guard.threshold ?? "—"}`;
  const during = guard.phase === "cutover" ? { en: "during the cutover", ko: "컷오버 중" } : { en: "during stabilisation", ko: "안정화 기간 중" };
  return {
    icon: "🚨",
    en: { headline: `Rollback criterion breached ${during.en}: ${guard.criterionTitleEn}`, details: [guard.reason, `${values}; window ${window}`, guardPolicies[guard.policy].en] },
    ko: { headline: `롤백 기준 위반 (${during.ko}): ${guard.criterionTitleKo}`, details: [guard.reason, `관측값 ${guard.observed ?? "—"}, 임계값 ${guard.threshold ?? "—"}; 구간 ${window}`, guardPolicies[guard.policy].ko] },
  };
}

function rehearsalMark(operation: OperationNotice): { en: string; ko: string } {
  return operation.rehearsal ? { en: " (rehearsal)", ko: " (리허설)" } : { en: "", ko: "" };
}

function reason(operation: OperationNotice): { en: string[]; ko: string[] } {
  return operation.reason ? { en: [`Reason: ${operation.reason}`], ko: [`사유: ${operation.reason}`] } : { en: [], ko: [] };
}

function by(name: string | undefined, label: string): string[] {
  return name ? [`${label}: ${name}`] : [];
}

// Slack-compatible incoming-webhook body: `text` is the fallback every
// compatible receiver shows; blocks give Slack one section per language.
export function slackBody(message: NotificationMessage): { text: string; blocks: unknown[] } {
  return {
    text: `${escapeSlack(message.en)}\n\n${escapeSlack(message.ko)}`,
    blocks: [
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.en) } },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.ko) } },
    ],
  };
}

export function emailBody(message: NotificationMessage): { subject: string; text: string } {
  return { subject: `[Launch Control] ${message.subject}`, text: `${message.en}\n\n${message.ko}\n\n— Launch Control` };
}

// Slack reads <…> as links and mentions (<!channel>); user text must not.
function escapeSlack(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}
