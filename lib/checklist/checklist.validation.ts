import { z } from "zod";
import { isoDateTime, localizedText } from "@/lib/http/common.validation";

export const checklistStatusSchema = z.enum(["todo", "in_progress", "done", "blocked", "n_a"]).meta({ id: "ChecklistStatus" });
export type ChecklistStatus = z.infer<typeof checklistStatusSchema>;

export const checklistFilters = ["all", "mine", "blocked", "overdue"] as const;
export type ChecklistFilter = (typeof checklistFilters)[number];

export const checklistQuery = z.strictObject({
  filter: z.enum(checklistFilters).default("all").meta({ description: "overdue = due before now and not done or n/a" }),
});

export const itemParams = z.strictObject({ releaseId: z.uuid(), itemId: z.uuid() });

export const checklistItemSchema = z
  .object({
    id: z.uuid(),
    sectionId: z.uuid(),
    key: z.string(),
    position: z.int(),
    title: localizedText,
    status: checklistStatusSchema,
    requiredForGoLive: z.boolean(),
    assignee: z.object({ id: z.uuid(), name: z.string(), email: z.string() }).nullable(),
    dueAt: isoDateTime.nullable(),
    evidenceUrl: z.string().nullable(),
    note: z.string().nullable(),
    completedAt: isoDateTime.nullable(),
    updatedAt: isoDateTime,
    updatedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    version: z.int(),
  })
  .meta({ id: "ChecklistItem" });
export type ChecklistItemDto = z.infer<typeof checklistItemSchema>;

export const checklistResponse = z.object({
  eventSeq: z.int(),
  sections: z.array(
    z.object({ id: z.uuid(), key: z.string(), position: z.int(), title: localizedText, items: z.array(checklistItemSchema) }),
  ),
});
export type ChecklistDto = z.infer<typeof checklistResponse>;

export const updateItemBody = z
  .strictObject({
    version: z.int().min(1).meta({ description: "The version you last saw; a stale one gets 409" }),
    status: checklistStatusSchema.optional(),
    note: z.string().max(2000).nullable().optional(),
    evidenceUrl: z.url({ protocol: /^https?$/ }).max(2000).nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    dueAt: isoDateTime.nullable().optional(),
    requiredForGoLive: z.boolean().optional().meta({ description: "Needs the checklist.configure permission" }),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" });
export type UpdateItemInput = z.infer<typeof updateItemBody>;

export const itemResponse = z.object({ item: checklistItemSchema });
export const versionConflictResponse = z
  .object({
    error: z.object({ code: z.literal("VERSION_CONFLICT"), message: z.string(), details: z.object({ current: checklistItemSchema }) }),
  })
  .meta({ id: "VersionConflict" });
