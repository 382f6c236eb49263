import { describe, expect, it } from "vitest";
import type { CriterionDetail } from "@/lib/client/types";
import { draftOf, patchFrom } from "./criterion-draft";

const criterion: CriterionDetail = {
  id: "c1",
  kind: "rollback",
  key: "error-rate",
  position: 1,
  title: { ko: "오류율", en: "Error rate" },
  metric: "error_rate",
  aggregation: "avg",
  comparator: "gt",
  threshold: 5,
  windowSec: 300,
  environment: "green",
  baseline: null,
  relativePercent: null,
  intervalSec: 60,
  failureLimit: 0,
  consecutiveBreaches: 1,
  inconclusiveLimit: 0,
  isKey: true,
  dryRun: false,
  action: "propose_rollback",
  manual: false,
  version: 3,
};

describe("patchFrom", () => {
  it("sends only the fields that changed, with the version they were based on", () => {
    const draft = { ...draftOf(criterion), threshold: "2.5", consecutiveBreaches: "3", dryRun: true };
    expect(patchFrom(criterion, draft)).toEqual({ version: 3, threshold: 2.5, consecutiveBreaches: 3, dryRun: true });
  });

  it("sends nothing but the version when nothing changed", () => {
    expect(patchFrom(criterion, draftOf(criterion))).toEqual({ version: 3 });
  });

  it("sends an emptied window as null for the server to refuse with its reason", () => {
    expect(patchFrom(criterion, { ...draftOf(criterion), windowSec: "" })).toEqual({ version: 3, windowSec: null });
  });

  it("leaves the threshold of a criterion relative to blue alone", () => {
    const relative = { ...criterion, threshold: null, baseline: "blue", relativePercent: 20 };
    expect(patchFrom(relative, { ...draftOf(relative), threshold: "7" })).toEqual({ version: 3 });
  });

  it("edits only key and dry run of a check made by people", () => {
    const manual = { ...criterion, metric: null, aggregation: null, comparator: null, threshold: null, windowSec: null, manual: true };
    expect(patchFrom(manual, { ...draftOf(manual), comparator: "lt", isKey: false })).toEqual({ version: 3, isKey: false });
  });
});
