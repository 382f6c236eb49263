import { describe, expect, it } from "vitest";
import { notificationsConfigSchema, notificationSecretFields } from "./config";
import { emailBody, renderMessage, slackBody } from "./messages";

const release = { version: "v2.0.0", nameEn: "Spring GA", nameKo: "봄 정식 출시" };
const operation = { operationId: "op-1", kind: "cutover", rehearsal: false } as const;
const gate = { gateKey: "go_no_go", gateTitleEn: "Go/No-Go", gateTitleKo: "최종 배포 승인", actorName: "Lee" };

describe("notification messages", () => {
  it("say every event in English and Korean", () => {
    const cases = [
      renderMessage("gate.requested", gate, release),
      renderMessage("gate.decided", { ...gate, decision: "override", gateStatus: "approved", comment: "DB fix verified" }, release),
      renderMessage("operation.started", operation, release),
      renderMessage("operation.succeeded", operation, release),
      renderMessage("operation.failed", { ...operation, reason: "green unhealthy" }, release),
      renderMessage("operation.needs_attention", { ...operation, reason: "server stopped during migrate" }, release),
      renderMessage("operation.aborted", { ...operation, actorName: "Park" }, release),
      renderMessage("operation.cancelled", { ...operation, reason: "Go/No-Go no longer approved" }, release),
      renderMessage("rollback.started", { ...operation, kind: "rollback", rehearsal: true }, release),
    ];
    expect(cases.map((message) => message.subject)).toEqual([
      "[v2.0.0] Approval requested: Go/No-Go / 승인 요청: 최종 배포 승인",
      "[v2.0.0] Go/No-Go EMERGENCY OVERRIDE by Lee / 최종 배포 승인 긴급 오버라이드 (Lee)",
      "[v2.0.0] Cutover started / 컷오버 시작",
      "[v2.0.0] Cutover succeeded / 컷오버 완료",
      "[v2.0.0] Cutover FAILED / 컷오버 실패",
      "[v2.0.0] Cutover needs attention / 컷오버 확인 필요",
      "[v2.0.0] Cutover aborted / 컷오버 중단됨",
      "[v2.0.0] Cutover cancelled / 컷오버 취소됨",
      "[v2.0.0] Rollback started (rehearsal): traffic goes back to blue / 롤백 시작 (리허설): 트래픽을 블루로 되돌립니다",
    ]);
    expect(cases[1]?.ko).toBe("🚨 [v2.0.0] 봄 정식 출시: 최종 배포 승인 긴급 오버라이드 (Lee)\n게이트 상태: 승인됨\n“DB fix verified”");
    expect(cases[4]?.en).toBe("❌ [v2.0.0] Spring GA: Cutover FAILED\nReason: green unhealthy");
  });

  it("escape Slack's link and mention syntax in user text, not in email", () => {
    const message = renderMessage("operation.failed", { ...operation, reason: "<!channel> a & b" }, release);
    expect(slackBody(message).text).toContain("Reason: &lt;!channel&gt; a &amp; b");
    expect(emailBody(message).text).toContain("Reason: <!channel> a & b");
  });
});

describe("notification settings", () => {
  it("default to every event with both channels off", () => {
    expect(notificationsConfigSchema.parse({})).toEqual({
      slack: { enabled: false },
      email: { enabled: false, to: [] },
      events: expect.arrayContaining(["gate.requested", "rollback.started"]) as unknown,
    });
  });

  it("need a sender and valid recipients for email, and name the secrets enabled channels need", () => {
    const result = notificationsConfigSchema.safeParse({ email: { enabled: true, to: ["not-an-address"] } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual(["email.to.0", "email.from"]);
    const config = notificationsConfigSchema.parse({ slack: { enabled: true }, email: { enabled: true, from: "lc@example.com", to: ["a@example.com"] } });
    expect(notificationSecretFields(config)).toEqual(["slackWebhookUrl", "smtpUrl"]);
  });
});
