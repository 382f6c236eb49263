import type { LocalizedText } from "@/lib/client/types";

// Actions the audit trail records today; others are shown by their name.
export const knownActions = [
  "checklist.item.updated",
  "release.created",
  "user.created",
  "user.updated",
  "token.created",
  "token.revoked",
  "guard.breached",
  "phase.updated",
  "team.members.updated",
  "oncall.created",
  "oncall.updated",
  "oncall.deleted",
  "risk.created",
  "risk.updated",
  "feedback.created",
  "feedback.updated",
] as const;

const messageKeys: Record<(typeof knownActions)[number], string> = {
  "checklist.item.updated": "checklistItemUpdated",
  "release.created": "releaseCreated",
  "user.created": "userCreated",
  "user.updated": "userUpdated",
  "token.created": "tokenCreated",
  "token.revoked": "tokenRevoked",
  "guard.breached": "guardBreached",
  "phase.updated": "phaseUpdated",
  "team.members.updated": "teamMembersUpdated",
  "oncall.created": "onCallCreated",
  "oncall.updated": "onCallUpdated",
  "oncall.deleted": "onCallDeleted",
  "risk.created": "riskCreated",
  "risk.updated": "riskUpdated",
  "feedback.created": "feedbackCreated",
  "feedback.updated": "feedbackUpdated",
};

export function actionLabel(action: string, t: (key: string) => string): string {
  const key = (messageKeys as Record<string, string | undefined>)[action];
  return key ? t(key) : action;
}

// A readable name for what an event is about, taken from its before/after.
export function subjectName(before: unknown, after: unknown, locale: string): string | null {
  const source = (isRecord(after) ? after : null) ?? (isRecord(before) ? before : null);
  if (!source) return null;
  if (isLocalizedText(source.title)) return locale === "ko" ? source.title.ko : source.title.en;
  // A guard breach names the criterion it is about.
  if (isRecord(source.criterion) && isLocalizedText(source.criterion.title)) {
    return locale === "ko" ? source.criterion.title.ko : source.criterion.title.en;
  }
  for (const key of ["title", "name", "version", "key", "email"]) {
    const value = source[key];
    if (typeof value === "string" && value) return value;
  }
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isLocalizedText(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value.ko === "string" && typeof value.en === "string";
}
