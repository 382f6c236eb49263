"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/client/api";
import type { CreateFeedbackInput, FeedbackDto, UpdateFeedbackInput } from "@/lib/feedback/feedback.validation";
import { planKeys, releasePath } from "./plan-queries";

export type Feedback = FeedbackDto;

export function useFeedback(releaseId: string) {
  return useQuery({
    queryKey: planKeys.feedback(releaseId),
    queryFn: ({ signal }) => api<{ feedback: Feedback[] }>(releasePath(releaseId, "feedback"), { signal }),
    select: (data) => data.feedback,
  });
}

type FeedbackChange = { feedbackId: null; input: Partial<CreateFeedbackInput> } | { feedbackId: string; input: UpdateFeedbackInput };

export function useSaveFeedback(releaseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: FeedbackChange) =>
      change.feedbackId === null
        ? api<{ feedback: Feedback }>(releasePath(releaseId, "feedback"), { method: "POST", body: change.input })
        : api<{ feedback: Feedback }>(releasePath(releaseId, `feedback/${encodeURIComponent(change.feedbackId)}`), { method: "PATCH", body: change.input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: planKeys.feedback(releaseId) }),
  });
}
