import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

// The announcement vocabulary, shared by the API, the dispatcher and the UI.
export const announcementChannels = ["email", "website", "social", "press", "slack", "internal_meeting"] as const;
export type AnnouncementChannel = (typeof announcementChannels)[number];

export const announcementAudiences = ["internal", "external"] as const;
export type AnnouncementAudience = (typeof announcementAudiences)[number];

export const announcementLocales = ["ko", "en"] as const;
export type AnnouncementLocale = (typeof announcementLocales)[number];

// `sending` sits between scheduled and sent while deliveries are in flight
// (retries included), so nobody edits what is half sent.
export const announcementStatuses = ["draft", "scheduled", "sending", "sent", "failed", "held", "cancelled"] as const;
export type AnnouncementStatus = (typeof announcementStatuses)[number];

export const announcementConditions = ["after_cutover_succeeded", "while_live"] as const;
export type AnnouncementCondition = (typeof announcementConditions)[number];

// What each channel's receiver accepts: a tweet-sized social post, Slack's
// message limit, and a size for mail and web pages that mail servers and CMSs
// take without complaint.
export const channelBodyLimits: Record<AnnouncementChannel, { unit: "chars" | "bytes"; max: number }> = {
  email: { unit: "bytes", max: 100 * 1024 },
  website: { unit: "bytes", max: 100 * 1024 },
  press: { unit: "bytes", max: 100 * 1024 },
  social: { unit: "chars", max: 280 },
  slack: { unit: "chars", max: 40_000 },
  internal_meeting: { unit: "chars", max: 20_000 },
};

// Announcement bodies may be up to 100 KiB of markdown, more than the default
// request limit; JSON escaping can double it.
export const announcementBodyLimitBytes = 256 * 1024;

// How far from the launch window an announcement may be planned.
export const scheduleRangeDays = 90;

export const channelSchema = z.enum(announcementChannels).meta({ id: "AnnouncementChannel" });
export const audienceSchema = z.enum(announcementAudiences).meta({ id: "AnnouncementAudience" });
export const localeSchema = z.enum(announcementLocales).meta({ id: "AnnouncementLocale" });
export const statusSchema = z.enum(announcementStatuses).meta({ id: "AnnouncementStatus" });
export const conditionSchema = z
  .enum(announcementConditions)
  .meta({ id: "AnnouncementCondition", description: "after_cutover_succeeded: a real cutover succeeded and the release was not rolled back; while_live: the release is live" });

export const announcementParams = z.strictObject({ releaseId: z.uuid(), announcementId: z.uuid() });

export const listAnnouncementsQuery = z
  .strictObject({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .refine((query) => !query.from || !query.to || new Date(query.to) > new Date(query.from), {
    message: "to must be after from",
    path: ["to"],
  });

const recipients = z.array(z.email().max(254)).max(500).meta({ description: "Email addresses (email channel only); empty: the announcements setting's list for the audience" });

const editableFields = {
  channel: channelSchema,
  audience: audienceSchema,
  locale: localeSchema,
  title: z.string().trim().min(1).max(200),
  body: z.string().max(announcementBodyLimitBytes).meta({ description: "Markdown; limited per channel (social 280 characters, Slack 40,000 characters, email/website/press 100 KiB)" }),
  scheduledAt: isoDateTime,
  ownerId: z.uuid().nullable(),
  condition: conditionSchema.nullable(),
  phaseKey: z.string().max(100).nullable(),
  recipients,
};

export const createAnnouncementBody = z.strictObject({
  ...editableFields,
  body: editableFields.body.default(""),
  ownerId: editableFields.ownerId.optional(),
  condition: editableFields.condition.optional(),
  phaseKey: editableFields.phaseKey.optional(),
  recipients: recipients.default([]),
  status: z.enum(["draft", "scheduled"]).default("draft"),
});
export type CreateAnnouncementInput = z.infer<typeof createAnnouncementBody>;

export const updateAnnouncementBody = z
  .strictObject({
    version: z.int().min(1).meta({ description: "The version you last saw; a stale one gets 409" }),
    channel: editableFields.channel.optional(),
    audience: editableFields.audience.optional(),
    locale: editableFields.locale.optional(),
    title: editableFields.title.optional(),
    body: editableFields.body.optional(),
    scheduledAt: editableFields.scheduledAt.optional(),
    ownerId: editableFields.ownerId.optional(),
    condition: editableFields.condition.optional(),
    phaseKey: editableFields.phaseKey.optional(),
    recipients: recipients.optional(),
    status: z.enum(["draft", "scheduled"]).optional().meta({ description: "scheduled again after held, failed or cancelled; draft to park it" }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" });
export type UpdateAnnouncementInput = z.infer<typeof updateAnnouncementBody>;

export const rescheduleAnnouncementBody = z.strictObject({
  version: z.int().min(1),
  scheduledAt: isoDateTime,
});
export type RescheduleAnnouncementInput = z.infer<typeof rescheduleAnnouncementBody>;

export const announcementActionBody = z.strictObject({ version: z.int().min(1) });
export const holdAnnouncementBody = z.strictObject({ version: z.int().min(1), reason: z.string().trim().min(1).max(500).optional() });

export const conflictCodes = ["before_cutover_end", "same_channel_within_hour", "outside_working_hours", "missed"] as const;
export type ConflictCode = (typeof conflictCodes)[number];

export const conflictSchema = z
  .object({
    code: z.enum(conflictCodes),
    message: z.string(),
    otherId: z.uuid().optional().meta({ description: "The other announcement, for same_channel_within_hour" }),
  })
  .meta({ id: "AnnouncementConflict" });
export type AnnouncementConflict = z.infer<typeof conflictSchema>;

export const deliverySchema = z
  .object({
    id: z.uuid(),
    channel: z.string(),
    target: z.string(),
    status: z.enum(["pending", "sent", "failed"]),
    attempts: z.int(),
    nextAttemptAt: isoDateTime,
    lastError: z.string().nullable(),
    sentAt: isoDateTime.nullable(),
  })
  .meta({ id: "AnnouncementDelivery" });

export const announcementSchema = z
  .object({
    id: z.uuid(),
    releaseId: z.uuid(),
    key: z.string().nullable(),
    channel: channelSchema,
    audience: audienceSchema,
    locale: localeSchema,
    title: z.string(),
    body: z.string(),
    scheduledAt: isoDateTime,
    owner: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    status: statusSchema,
    condition: conditionSchema.nullable(),
    phaseKey: z.string().nullable(),
    recipients: z.array(z.string()),
    heldReason: z.string().nullable(),
    sentAt: isoDateTime.nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
    deliveries: z.array(deliverySchema),
    conflicts: z.array(conflictSchema).meta({ description: "Warnings, not errors: the announcement can still be saved" }),
  })
  .meta({ id: "Announcement" });
export type AnnouncementDto = z.infer<typeof announcementSchema>;

export const calendarPhaseSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    kind: z.enum(["deployment", "post_deployment"]),
    title: z.object({ ko: z.string(), en: z.string() }),
    startsAt: isoDateTime,
    endsAt: isoDateTime.nullable(),
    status: z.string(),
  })
  .meta({ id: "CalendarPhase" });
export type CalendarPhaseDto = z.infer<typeof calendarPhaseSchema>;

export const workingHoursSchema = z
  .strictObject({
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  })
  .refine((hours) => hours.end > hours.start, { message: "Working hours must end after they start", path: ["end"] })
  .meta({ id: "WorkingHours", description: "HH:MM on the release's wall clock" });
export type WorkingHours = z.infer<typeof workingHoursSchema>;

export const announcementListResponse = z.object({
  eventSeq: z.int(),
  release: z.object({
    id: z.uuid(),
    timezone: z.string(),
    windowStart: isoDateTime,
    windowEnd: isoDateTime,
    status: z.string(),
  }),
  workingHours: workingHoursSchema,
  announcements: z.array(announcementSchema),
  phases: z.array(calendarPhaseSchema),
});
export type AnnouncementListDto = z.infer<typeof announcementListResponse>;

export const announcementResponse = z.object({ announcement: announcementSchema });
export const announcementConflictResponse = z
  .object({
    error: z.object({ code: z.literal("VERSION_CONFLICT"), message: z.string(), details: z.object({ current: announcementSchema }) }),
  })
  .meta({ id: "AnnouncementVersionConflict" });
