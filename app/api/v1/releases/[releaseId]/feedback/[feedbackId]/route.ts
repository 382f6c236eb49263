import { updateFeedback } from "@/lib/feedback/feedback";
import { feedbackParams, updateFeedbackBody } from "@/lib/feedback/feedback.validation";
import { route } from "@/lib/http/handler";

export const PATCH = route({ permission: "feedback.triage", params: feedbackParams, body: updateFeedbackBody }, async ({ actor, params, body }) => ({
  feedback: await updateFeedback(actor, params.releaseId, params.feedbackId, body),
}));
