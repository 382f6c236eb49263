// Who may do what: the one table read by route handlers, socket handlers and
// the UI (to hide or disable controls). The server always re-checks.
export const roles = ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING", "VIEWER"] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  "release.read": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING", "VIEWER"],
  "release.create": ["ADMIN", "RELEASE_MANAGER"],
  "release.update": ["ADMIN", "RELEASE_MANAGER"],
  "checklist.update": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "checklist.configure": ["ADMIN", "RELEASE_MANAGER"],
  "audit.read": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING", "VIEWER"],
  "token.manage": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING", "VIEWER"],
  "gate.decide": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "gate.override": ["ADMIN", "RELEASE_MANAGER"],
  "gate.configure": ["ADMIN", "RELEASE_MANAGER"],
  "operation.start": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "operation.control": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "settings.read": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  "settings.update": ["ADMIN", "RELEASE_MANAGER"],
  "simulation.fault": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  // Pipelines and collectors push samples with an API token of one of these roles.
  "metrics.push": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "criteria.update": ["ADMIN", "RELEASE_MANAGER"],
  "criteria.flag": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER"],
  // Marketing plans announcements; engineers may plan internal ones (briefings,
  // live Slack updates) but never create, move or send external ones.
  "announcement.edit": ["ADMIN", "RELEASE_MANAGER", "MARKETING"],
  "announcement.edit_internal": ["ADMIN", "RELEASE_MANAGER", "ENGINEER", "MARKETING"],
  "announcement.send_external": ["ADMIN", "RELEASE_MANAGER", "MARKETING"],
  "phase.update": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "team.update": ["ADMIN", "RELEASE_MANAGER"],
  "oncall.update": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "risk.update": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  // Anyone who works on the release may log an enquiry or a survey finding;
  // deciding what it means (triage, resolve) is for the people who act on it.
  "feedback.create": ["ADMIN", "RELEASE_MANAGER", "APPROVER", "ENGINEER", "MARKETING"],
  "feedback.triage": ["ADMIN", "RELEASE_MANAGER", "ENGINEER"],
  "user.list": ["ADMIN"],
  "user.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;

export function can(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  return (permissions[permission] as readonly Role[]).includes(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (roles as readonly string[]).includes(value);
}
