import { describe, expect, it } from "vitest";
import { renderReportMarkdown } from "./render-markdown";
import type { ReleaseReport } from "./report.validation";

const text = (en: string, ko: string) => ({ en, ko });

const report: ReleaseReport = {
  generatedAt: "2026-07-03T00:00:00.000Z",
  release: { id: "00000000-0000-4000-8000-000000000001", version: "v2.0.0", name: text("GA release v2.0.0", "정식 출시 v2.0.0"), status: "live", timezone: "Asia/Seoul", windowStart: "2026-06-30T18:00:00.000Z", windowEnd: "2026-07-01T00:00:00.000Z" },
  checklist: {
    done: 14,
    applicable: 15,
    total: 15,
    requiredOpen: [{ key: "issues.all-resolved", title: text("All issues resolved", "모든 이슈 해결"), status: "blocked" }],
    sections: [{ key: "issues", title: text("Issues", "이슈"), done: 2, applicable: 3 }],
  },
  phases: [
    { key: "blue-green", title: text("Blue/green switch", "블루/그린 전환"), plannedStart: "2026-06-30T18:00:00.000Z", plannedEnd: "2026-06-30T18:30:00.000Z", actualStart: "2026-06-30T18:05:00.000Z", actualEnd: "2026-06-30T18:40:00.000Z", status: "done" },
  ],
  approvals: [{ key: "go_no_go", title: text("Go/no-go", "배포 승인"), status: "approved", round: 1, decidedAt: "2026-06-30T17:00:00.000Z", decisions: [{ kind: "approve", by: "Kim | QA", at: "2026-06-30T17:00:00.000Z", comment: "ok", round: 1 }] }],
  operations: [
    { id: "00000000-0000-4000-8000-000000000002", kind: "cutover", status: "succeeded", rehearsal: false, requestedBy: "Lee", scheduledAt: null, startedAt: "2026-06-30T18:05:00.000Z", finishedAt: "2026-06-30T18:40:00.000Z", durationSec: 2100, reason: null, steps: [] },
  ],
  incidents: { failedOperations: 0, rollbacks: 0, rollbackReports: [] },
  announcements: { tracked: false, sent: [] },
  feedback: { open: 2, triaged: 1, resolved: 5 },
  risks: [{ key: "traffic-overload", title: text("Traffic overload", "트래픽 과부하"), score: 12, status: "mitigated" }],
  criteria: [
    { kind: "success", key: "success.error-rate", title: text("Error rate below 1 %", "오류율 1% 미만"), rule: "avg(error_rate) < 1 over 300s", value: 0.4219, outcome: "pass" },
    { kind: "success", key: "success.key-features", title: text("Key features work", "핵심 기능 정상"), rule: null, value: null, outcome: null },
  ],
  scorecard: { at: "2026-07-03T00:00:00.000Z", outcome: "pass", score: 92, reason: "All success criteria hold" },
};

describe("renderReportMarkdown", () => {
  it("summarises plan against actual on the release's wall clock", () => {
    const markdown = renderReportMarkdown(report, "en");
    expect(markdown).toContain("# Release report: GA release v2.0.0 (v2.0.0)");
    expect(markdown).toContain("14 of 15 applicable items done (93 %)");
    expect(markdown).toContain("| Blue/green switch | 2026-07-01 03:00 – 2026-07-01 03:30 | 2026-07-01 03:05 – 2026-07-01 03:40 | done |");
    expect(markdown).toContain("| cutover | succeeded | 2026-07-01 03:05 | 2026-07-01 03:40 | 35m 0s | Lee |");
    expect(markdown).toContain("- All issues resolved (blocked)");
    expect(markdown).toContain("None: this installation does not track announcements.");
    expect(markdown).toContain("- Error rate below 1 % — `avg(error_rate) < 1 over 300s` — measured 0.422, pass");
    expect(markdown).toContain("Scorecard at 2026-07-03 09:00: pass (score 92)");
    expect(markdown).toContain("- Key features work — checked by people");
  });

  it("keeps table cells intact when names contain pipes", () => {
    expect(renderReportMarkdown(report, "en")).toContain("approve · Kim \\| QA · 2026-07-01 02:00 · “ok”");
  });

  it("writes the Korean report in Korean", () => {
    const markdown = renderReportMarkdown({ ...report, announcements: { tracked: true, sent: [] } }, "ko");
    expect(markdown).toContain("# 릴리스 보고서: 정식 출시 v2.0.0 (v2.0.0)");
    expect(markdown).toContain("해당 항목 15개 중 14개 완료 (93%)");
    expect(markdown).toContain("발송한 공지가 없습니다.");
    expect(markdown).toContain("미처리 2 · 분류됨 1 · 해결 5");
    expect(markdown).toContain("2026-07-03 09:00 기준 성공 기준 평가: 통과 (점수 92)");
  });
});
