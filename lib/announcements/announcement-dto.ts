import type { Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { AnnouncementAudience, AnnouncementChannel, AnnouncementConflict, AnnouncementDto, AnnouncementStatus } from "./announcements.validation";
import { announcementAudiences, announcementChannels, announcementConditions, announcementStatuses } from "./announcements.validation";
import type { ConflictSubject } from "./conflicts";

export const announcementSelect = {
  id: true,
  releaseId: true,
  key: true,
  channel: true,
  audience: true,
  locale: true,
  title: true,
  body: true,
  scheduledAt: true,
  owner: { select: { id: true, name: true, email: true } },
  status: true,
  condition: true,
  phaseKey: true,
  recipients: true,
  heldReason: true,
  sentAt: true,
  createdAt: true,
  updatedAt: true,
  version: true,
  deliveries: {
    select: { id: true, channel: true, target: true, status: true, attempts: true, nextAttemptAt: true, lastError: true, sentAt: true },
    orderBy: { createdAt: "asc" },
  },
} as const;

export interface AnnouncementRow {
  id: string;
  releaseId: string;
  key: string | null;
  channel: string;
  audience: string;
  locale: string;
  title: string;
  body: string;
  scheduledAt: Date;
  owner: { id: string; name: string; email: string } | null;
  status: string;
  condition: string | null;
  phaseKey: string | null;
  recipients: string[];
  heldReason: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  deliveries: {
    id: string;
    channel: string;
    target: string;
    status: "pending" | "sent" | "failed";
    attempts: number;
    nextAttemptAt: Date;
    lastError: string | null;
    sentAt: Date | null;
  }[];
}

// The text columns hold what the API validated; a value outside the
// vocabulary means someone wrote the table by hand.
export function toConflictSubject(row: Pick<AnnouncementRow, "id" | "channel" | "audience" | "locale" | "status" | "condition" | "phaseKey" | "scheduledAt">): ConflictSubject {
  return {
    id: row.id,
    channel: channelOf(row.channel),
    audience: audienceOf(row.audience),
    locale: oneOf(["ko", "en"] as const, row.locale, "locale"),
    status: statusOf(row.status),
    condition: row.condition,
    phaseKey: row.phaseKey,
    scheduledAt: row.scheduledAt,
  };
}

export function toAnnouncementDto(row: AnnouncementRow, conflicts: AnnouncementConflict[]): AnnouncementDto {
  const subject = toConflictSubject(row);
  return {
    id: row.id,
    releaseId: row.releaseId,
    key: row.key,
    channel: subject.channel,
    audience: subject.audience,
    locale: subject.locale,
    title: row.title,
    body: row.body,
    scheduledAt: row.scheduledAt.toISOString(),
    owner: row.owner,
    status: subject.status,
    condition: row.condition === null ? null : oneOf(announcementConditions, row.condition, "condition"),
    phaseKey: row.phaseKey,
    recipients: row.recipients,
    heldReason: row.heldReason,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
    deliveries: row.deliveries.map((delivery) => ({
      ...delivery,
      nextAttemptAt: delivery.nextAttemptAt.toISOString(),
      sentAt: delivery.sentAt?.toISOString() ?? null,
    })),
    conflicts,
  };
}

export function channelOf(value: string): AnnouncementChannel {
  return oneOf(announcementChannels, value, "channel");
}

export function audienceOf(value: string): AnnouncementAudience {
  return oneOf(announcementAudiences, value, "audience");
}

export function statusOf(value: string): AnnouncementStatus {
  return oneOf(announcementStatuses, value, "status");
}

export async function readAnnouncement(tx: Tx, releaseId: string, announcementId: string): Promise<AnnouncementRow> {
  const row = await tx.announcement.findFirst({ where: { id: announcementId, releaseId }, select: announcementSelect });
  if (!row) throw new AppError("NOT_FOUND", "Announcement not found in this release");
  return row;
}

function oneOf<T extends string>(values: readonly T[], value: string, field: string): T {
  const found = values.find((candidate) => candidate === value);
  if (found === undefined) throw new Error(`Announcement ${field} "${value}" is not one the API knows`);
  return found;
}
