import { z } from "zod";
import { isoDateTime } from "@/lib/http/common.validation";

export const feedbackKinds = ["enquiry", "survey"] as const;
export const feedbackStatuses = ["open", "triaged", "resolved"] as const;
export const feedbackCategories = ["bug", "performance", "usability", "account", "billing", "feature_request", "other"] as const;

export const feedbackKindSchema = z.enum(feedbackKinds).meta({ id: "FeedbackKind", description: "A user enquiry or a survey finding" });
export const feedbackStatusSchema = z.enum(feedbackStatuses).meta({ id: "FeedbackStatus" });
export const feedbackCategorySchema = z.enum(feedbackCategories).meta({ id: "FeedbackCategory" });
export const feedbackSeveritySchema = z.int().min(1).max(4).meta({ description: "1 critical, 2 major, 3 minor, 4 cosmetic" });

export const feedbackParams = z.strictObject({ releaseId: z.uuid(), feedbackId: z.uuid() });

export const feedbackSchema = z
  .object({
    id: z.uuid(),
    kind: feedbackKindSchema,
    category: feedbackCategorySchema,
    severity: z.int(),
    title: z.string(),
    body: z.string(),
    status: feedbackStatusSchema,
    reporter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
    version: z.int(),
  })
  .meta({ id: "Feedback" });
export type FeedbackDto = z.infer<typeof feedbackSchema>;

export const feedbackQuery = z.strictObject({
  status: feedbackStatusSchema.optional(),
  kind: feedbackKindSchema.optional(),
});
export type FeedbackQuery = z.infer<typeof feedbackQuery>;

export const feedbackListResponse = z.object({ feedback: z.array(feedbackSchema) });
export const feedbackResponse = z.object({ feedback: feedbackSchema });

export const createFeedbackBody = z
  .strictObject({
    kind: feedbackKindSchema,
    category: feedbackCategorySchema,
    severity: feedbackSeveritySchema,
    title: z.string().trim().min(1).max(200),
    body: z.string().trim().max(5000).default(""),
  })
  .meta({ id: "CreateFeedback" });
export type CreateFeedbackInput = z.infer<typeof createFeedbackBody>;

export const updateFeedbackBody = z
  .strictObject({
    version: z.int().min(1),
    status: feedbackStatusSchema.optional(),
    category: feedbackCategorySchema.optional(),
    severity: feedbackSeveritySchema.optional(),
    title: z.string().trim().min(1).max(200).optional(),
    body: z.string().trim().max(5000).optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== "version"), { message: "Change at least one field besides version" })
  .meta({ id: "UpdateFeedback" });
export type UpdateFeedbackInput = z.infer<typeof updateFeedbackBody>;
