import { can } from "@/lib/auth/permissions";
import type { AuthUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import type { AnnouncementAudience } from "./announcements.validation";

// Routes let in everyone with `announcement.edit_internal`; what they may
// touch depends on the announcement's audience, known only once it is read.
export function mayEditAnnouncement(role: AuthUser["role"], audience: AnnouncementAudience): boolean {
  return can(role, audience === "external" ? "announcement.edit" : "announcement.edit_internal");
}

export function maySendAnnouncement(role: AuthUser["role"], audience: AnnouncementAudience): boolean {
  return can(role, audience === "external" ? "announcement.send_external" : "announcement.edit_internal");
}

export function assertMayEdit(user: AuthUser, audience: AnnouncementAudience): void {
  if (!mayEditAnnouncement(user.role, audience)) {
    throw new AppError("FORBIDDEN", "Your role may only plan internal announcements", { permission: "announcement.edit" });
  }
}

export function assertMaySend(user: AuthUser, audience: AnnouncementAudience): void {
  if (!maySendAnnouncement(user.role, audience)) {
    throw new AppError("FORBIDDEN", "Your role may not send external announcements", { permission: "announcement.send_external" });
  }
}
