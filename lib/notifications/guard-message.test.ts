import { describe, expect, it } from "vitest";
import { renderMessage } from "./messages";

const release = { version: "v2.0.0", nameEn: "Spring GA", nameKo: "봄 정식 출시" };

describe("guard.breached notice", () => {
  it("names the criterion, its values and window, and what the policy does, in English and Korean", () => {
    const message = renderMessage(
      "guard.breached",
      {
        criterionKey: "rollback.error-rate",
        criterionTitleEn: "API error rate above 5%",
        criterionTitleKo: "API 오류율 5% 초과",
        reason: "error_rate on green, avg over 5 min = 8.1 > 5: rollback condition met",
        observed: 8.1,
        threshold: 5,
        windowFrom: "2026-12-01T11:55:00.000Z",
        windowTo: "2026-12-01T12:00:00.000Z",
        policy: "auto",
        phase: "cutover",
      },
      release,
    );
    expect(message.subject).toBe("[v2.0.0] Rollback criterion breached during the cutover: API error rate above 5% / 롤백 기준 위반 (컷오버 중): API 오류율 5% 초과");
    expect(message.en).toContain("error_rate on green, avg over 5 min = 8.1 > 5");
    expect(message.en).toContain("observed 8.1, threshold 5; window 2026-12-01T11:55:00.000Z → 2026-12-01T12:00:00.000Z");
    expect(message.en).toContain("Rollback started automatically by policy");
    expect(message.ko).toContain("정책에 따라 자동 롤백 시작");
  });
});
