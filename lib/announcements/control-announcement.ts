import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { readAnnouncement, toConflictSubject } from "./announcement-dto";
import { announcementDto, assertChangeable, versionConflict } from "./announcement-write";
import type { AnnouncementDto, AnnouncementStatus } from "./announcements.validation";
import { assertMayEdit, assertMaySend } from "./access";
import { writeVersioned } from "./update-announcement";

interface Transition {
  action: string;
  allowedFrom: readonly AnnouncementStatus[];
  check(user: AuthUser, audience: "internal" | "external"): void;
  data(now: Date, reason: string | undefined): { status: AnnouncementStatus; scheduledAt?: Date; heldReason: string | null };
}

const transitions = {
  // Due at once: the dispatcher (every 2 s) sends it, after checking its
  // condition like any other. A cancelled one may be revived this way.
  sendNow: {
    action: "announcement.send_requested",
    allowedFrom: ["draft", "scheduled", "held", "failed", "cancelled"],
    check: assertMaySend,
    data: (now) => ({ status: "scheduled", scheduledAt: now, heldReason: null }),
  },
  cancel: {
    action: "announcement.cancelled",
    allowedFrom: ["draft", "scheduled", "held", "failed"],
    check: assertMayEdit,
    data: () => ({ status: "cancelled", heldReason: null }),
  },
  hold: {
    action: "announcement.held",
    allowedFrom: ["draft", "scheduled"],
    check: assertMayEdit,
    data: (_now, reason) => ({ status: "held", heldReason: reason ?? "Held by hand" }),
  },
} satisfies Record<string, Transition>;

export type AnnouncementAction = keyof typeof transitions;

export async function controlAnnouncement(
  actor: Actor,
  user: AuthUser,
  releaseId: string,
  announcementId: string,
  action: AnnouncementAction,
  input: { version: number; reason?: string },
): Promise<AnnouncementDto> {
  const transition: Transition = transitions[action];
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readAnnouncement(tx, releaseId, announcementId);
    transition.check(user, toConflictSubject(current).audience);
    if (current.version !== input.version) throw await versionConflict(tx, releaseId, announcementId);
    assertChangeable(current);
    if (!(transition.allowedFrom as readonly string[]).includes(current.status)) {
      throw new AppError("CONFLICT", `A ${current.status} announcement cannot be changed this way`, { status: current.status });
    }
    const change = transition.data(new Date(), input.reason);
    const updated = await writeVersioned(tx, current, input.version, { ...change, version: { increment: 1 } });
    const announcement = await announcementDto(tx, updated);
    await audit({
      releaseId,
      action: transition.action,
      subjectType: "Announcement",
      subjectId: announcementId,
      before: { status: current.status, scheduledAt: current.scheduledAt.toISOString(), version: current.version },
      after: { status: change.status, scheduledAt: announcement.scheduledAt, heldReason: change.heldReason, version: updated.version },
      live: { announcement },
    });
    return announcement;
  });
}
