import { mutate, type Actor } from "@/lib/audit/mutate";
import type { AuthUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { readReleaseFrame } from "./announcement-context";
import { announcementSelect, readAnnouncement, toConflictSubject, type AnnouncementRow } from "./announcement-dto";
import { announcementDto, assertActiveOwner, assertChangeable, versionConflict } from "./announcement-write";
import type { AnnouncementDto, RescheduleAnnouncementInput, UpdateAnnouncementInput } from "./announcements.validation";
import { assertMayEdit } from "./access";
import { assertAnnouncementValid } from "./validate-announcement";

type Field = "channel" | "audience" | "locale" | "title" | "body" | "scheduledAt" | "ownerId" | "condition" | "phaseKey" | "recipients" | "status";
const fields: readonly Field[] = ["channel", "audience", "locale", "title", "body", "scheduledAt", "ownerId", "condition", "phaseKey", "recipients", "status"];

// Optimistic concurrency as for checklist items: the write applies only while
// the row has the version the client saw; otherwise 409 with the current one.
export async function updateAnnouncement(
  actor: Actor,
  user: AuthUser,
  releaseId: string,
  announcementId: string,
  input: UpdateAnnouncementInput,
): Promise<AnnouncementDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readAnnouncement(tx, releaseId, announcementId);
    const subject = toConflictSubject(current);
    assertMayEdit(user, subject.audience);
    if (input.audience) assertMayEdit(user, input.audience);
    if (current.version !== input.version) throw await versionConflict(tx, releaseId, announcementId);
    assertChangeable(current);

    const release = await readReleaseFrame(tx, releaseId);
    const scheduledAt = input.scheduledAt ? new Date(input.scheduledAt) : current.scheduledAt;
    assertAnnouncementValid(
      { channel: input.channel ?? subject.channel, body: input.body ?? current.body, scheduledAt, recipients: input.recipients ?? current.recipients },
      release,
    );
    if (input.ownerId) await assertActiveOwner(tx, input.ownerId);

    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const field of fields) {
      const next = field === "scheduledAt" && input.scheduledAt ? scheduledAt.toISOString() : input[field];
      const previous = currentValue(current, field);
      if (next === undefined || JSON.stringify(next) === JSON.stringify(previous)) continue;
      // Bodies can be long; the trail says how they changed in size.
      before[field] = field === "body" ? { characters: current.body.length } : previous;
      after[field] = field === "body" && input.body !== undefined ? { characters: input.body.length } : next;
    }
    if (Object.keys(after).length === 0) return announcementDto(tx, current);

    const data: Prisma.AnnouncementUncheckedUpdateManyInput = {
      channel: input.channel,
      audience: input.audience,
      locale: input.locale,
      title: input.title,
      body: input.body,
      scheduledAt: input.scheduledAt ? scheduledAt : undefined,
      ownerId: input.ownerId,
      condition: input.condition,
      phaseKey: input.phaseKey,
      recipients: input.recipients,
      status: input.status,
      heldReason: input.status && input.status !== current.status ? null : undefined,
      version: { increment: 1 },
    };
    const updated = await writeVersioned(tx, current, input.version, data);
    const announcement = await announcementDto(tx, updated);
    before.version = current.version;
    after.version = updated.version;
    await audit({ releaseId, action: "announcement.updated", subjectType: "Announcement", subjectId: announcementId, before, after, live: { announcement } });
    return announcement;
  });
}

// A drag in the calendar. Moving a held or failed announcement to a new time
// means "try again then", so it is scheduled again.
export async function rescheduleAnnouncement(
  actor: Actor,
  user: AuthUser,
  releaseId: string,
  announcementId: string,
  input: RescheduleAnnouncementInput,
): Promise<AnnouncementDto> {
  return mutate(actor, async ({ tx, audit }) => {
    const current = await readAnnouncement(tx, releaseId, announcementId);
    const subject = toConflictSubject(current);
    assertMayEdit(user, subject.audience);
    if (current.version !== input.version) throw await versionConflict(tx, releaseId, announcementId);
    assertChangeable(current);
    const release = await readReleaseFrame(tx, releaseId);
    const scheduledAt = new Date(input.scheduledAt);
    assertAnnouncementValid({ channel: subject.channel, body: current.body, scheduledAt, recipients: current.recipients }, release);

    const status = current.status === "held" || current.status === "failed" ? "scheduled" : current.status;
    const updated = await writeVersioned(tx, current, input.version, { scheduledAt, status, heldReason: status === current.status ? undefined : null, version: { increment: 1 } });
    const announcement = await announcementDto(tx, updated);
    await audit({
      releaseId,
      action: "announcement.rescheduled",
      subjectType: "Announcement",
      subjectId: announcementId,
      before: { scheduledAt: current.scheduledAt.toISOString(), status: current.status, version: current.version },
      after: { scheduledAt: announcement.scheduledAt, status, version: updated.version },
      live: { announcement },
    });
    return announcement;
  });
}

export async function writeVersioned(
  tx: Tx,
  current: AnnouncementRow,
  version: number,
  data: Prisma.AnnouncementUncheckedUpdateManyInput,
): Promise<AnnouncementRow> {
  const { count } = await tx.announcement.updateMany({ where: { id: current.id, releaseId: current.releaseId, version }, data });
  if (count === 0) throw await versionConflict(tx, current.releaseId, current.id);
  return tx.announcement.findUniqueOrThrow({ where: { id: current.id }, select: announcementSelect });
}

function currentValue(row: AnnouncementRow, field: Field): unknown {
  switch (field) {
    case "ownerId":
      return row.owner?.id ?? null;
    case "scheduledAt":
      return row.scheduledAt.toISOString();
    default:
      return row[field];
  }
}
