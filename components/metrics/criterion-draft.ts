import { aggregations, comparators } from "@/lib/criteria/vocabulary";
import type { CriterionDetail, CriterionPatch } from "@/lib/client/types";

export const aggregationOptions = aggregations;
export const comparatorOptions = comparators;

// The editor's fields as typed: numbers stay text until saved, so a half-typed
// value is the server's to judge (400 with the field) rather than lost.
export interface CriterionDraft {
  aggregation: string;
  comparator: string;
  threshold: string;
  windowSec: string;
  consecutiveBreaches: string;
  isKey: boolean;
  dryRun: boolean;
}

export function draftOf(criterion: CriterionDetail): CriterionDraft {
  return {
    aggregation: criterion.aggregation ?? "",
    comparator: criterion.comparator ?? "",
    threshold: criterion.threshold === null ? "" : String(criterion.threshold),
    windowSec: criterion.windowSec === null ? "" : String(criterion.windowSec),
    consecutiveBreaches: String(criterion.consecutiveBreaches),
    isKey: criterion.isKey,
    dryRun: criterion.dryRun,
  };
}

// Only what changed, with the version it was based on.
export function patchFrom(base: CriterionDetail, draft: CriterionDraft): CriterionPatch {
  const patch: CriterionPatch = { version: base.version };
  if (base.metric !== null) {
    const aggregation = draft.aggregation || null;
    const comparator = draft.comparator || null;
    const threshold = numberOrNull(draft.threshold);
    const windowSec = numberOrNull(draft.windowSec);
    const consecutiveBreaches = numberOrNull(draft.consecutiveBreaches);
    if (aggregation !== base.aggregation) patch.aggregation = aggregation;
    if (comparator !== base.comparator) patch.comparator = comparator;
    if (base.baseline === null && threshold !== base.threshold) patch.threshold = threshold;
    if (windowSec !== base.windowSec) patch.windowSec = windowSec;
    if (consecutiveBreaches !== null && consecutiveBreaches !== base.consecutiveBreaches) patch.consecutiveBreaches = consecutiveBreaches;
  }
  if (draft.isKey !== base.isKey) patch.isKey = draft.isKey;
  if (draft.dryRun !== base.dryRun) patch.dryRun = draft.dryRun;
  return patch;
}

function numberOrNull(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed);
}
