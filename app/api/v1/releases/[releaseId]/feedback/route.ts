import { createFeedback, listFeedback } from "@/lib/feedback/feedback";
import { createFeedbackBody, feedbackQuery } from "@/lib/feedback/feedback.validation";
import { route } from "@/lib/http/handler";
import { releaseParams } from "@/lib/http/common.validation";
import { json } from "@/lib/http/respond";

export const GET = route({ permission: "release.read", params: releaseParams, query: feedbackQuery }, async ({ params, query }) => ({
  feedback: await listFeedback(params.releaseId, query),
}));

export const POST = route({ permission: "feedback.create", params: releaseParams, body: createFeedbackBody }, async ({ user, actor, params, body }) =>
  json({ feedback: await createFeedback(actor, params.releaseId, user.id, body) }, 201),
);
