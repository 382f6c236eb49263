import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { encryptSecrets } from "@/lib/config/secrets";
import { prisma } from "@/lib/db/client";
import { createTestRelease } from "@/test/api-fixtures";
import { deliverDueNotifications, maxDeliveryAttempts, notify, retryDelayMs, type NotificationsConfig } from "./index";
import type { OperationNotice } from "./messages";

// A Slack-compatible webhook receiver (node http) and a real SMTP server
// (smtp-server), both on loopback, started for this file.

interface WebhookCall {
  path: string;
  body: { text: string; blocks?: { type: string; text: { type: string; text: string } }[] };
}

const webhookToken = "T0001/B0002/s3cretWebhookToken";
let webhook: Server;
let webhookBase: string;
let webhookMode: "ok" | "down" | "gone" = "ok";
let webhookDelayMs = 0;
let webhookCalls: WebhookCall[] = [];

let smtp: SMTPServer;
let smtpUrl: string;
let mails: { from: string; to: string[]; raw: string }[] = [];

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      setTimeout(() => {
        webhookCalls.push({ path: req.url ?? "", body: JSON.parse(raw) as WebhookCall["body"] });
        if (webhookMode === "down") res.writeHead(503).end("down for maintenance");
        else if (webhookMode === "gone") res.writeHead(404).end("no_such_hook");
        else res.writeHead(200, { "content-type": "text/plain" }).end("ok");
      }, webhookDelayMs);
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  webhookBase = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}`;

  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "notifier" && auth.password === "smtp-pa55word") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        mails.push({ from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  smtpUrl = `smtp://notifier:smtp-pa55word@127.0.0.1:${smtpPort}?ignoreTLS=true`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => webhook.close(() => resolve()));
  await new Promise<void>((resolve) => smtp.close(resolve));
});

beforeEach(async () => {
  webhookMode = "ok";
  webhookDelayMs = 0;
  webhookCalls = [];
  mails = [];
  logged = [];
  // Other test files' releases must not take this file's worker passes.
  await prisma.notificationDelivery.deleteMany({});
});

let logged: string[] = [];
const deliver = (now: Date, opts: { batchSize?: number } = {}) => deliverDueNotifications(now, { ...opts, log: (message) => logged.push(message) });

async function releaseWith(config: Partial<NotificationsConfig>, secrets: Record<string, string>): Promise<string> {
  const { releaseId } = await createTestRelease();
  const settings: NotificationsConfig = { slack: { enabled: false }, email: { enabled: false, to: [] }, events: ["operation.failed", "gate.decided"], ...config };
  await prisma.releaseSetting.create({ data: { releaseId, key: "notifications", settings, secrets: encryptSecrets(secrets) } });
  return releaseId;
}

function failedMigration(reason: string): OperationNotice {
  return { operationId: "4f8f4d3e-2f7e-4a4b-9c55-1c1d2c3b4a5f", kind: "migration", rehearsal: false, actorName: "Kim Minji", reason };
}

async function deliveries(releaseId: string) {
  return prisma.notificationDelivery.findMany({ where: { releaseId }, orderBy: [{ createdAt: "asc" }, { channel: "desc" }] });
}

describe("notify and deliverDueNotifications", () => {
  it("queues one delivery per enabled channel with the change's transaction and sends them to the webhook and by SMTP", async () => {
    const releaseId = await releaseWith(
      { slack: { enabled: true }, email: { enabled: true, from: "launch@example.com", to: ["dba@example.com", "pm@example.com"] } },
      { slackWebhookUrl: `${webhookBase}/services/${webhookToken}`, smtpUrl },
    );
    await expect(
      prisma.$transaction(async (tx) => {
        await notify(tx, releaseId, "operation.failed", failedMigration("never committed"));
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await deliveries(releaseId)).toHaveLength(0);

    const queued = await prisma.$transaction((tx) => notify(tx, releaseId, "operation.failed", failedMigration("integrity check <orphans> failed")));
    expect(queued).toBe(2);
    const rows = await deliveries(releaseId);
    expect(rows.map((row) => [row.channel, row.target, row.status])).toEqual([
      ["slack", "webhook", "pending"],
      ["email", "dba@example.com, pm@example.com", "pending"],
    ]);

    expect(await deliver(new Date())).toEqual({ sent: 2, retrying: 0, failed: 0 });
    expect((await deliveries(releaseId)).map((row) => [row.status, row.attempts, row.lastError])).toEqual([
      ["sent", 1, null],
      ["sent", 1, null],
    ]);

    expect(webhookCalls).toHaveLength(1);
    const call = webhookCalls[0]!;
    expect(call.path).toBe(`/services/${webhookToken}`);
    expect(call.body.text).toContain("Database migration FAILED");
    expect(call.body.text).toContain("데이터베이스 마이그레이션 실패");
    expect(call.body.text).toContain("Reason: integrity check &lt;orphans&gt; failed");
    expect(call.body.blocks?.map((block) => block.text.type)).toEqual(["mrkdwn", "mrkdwn"]);

    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.from).toBe("launch@example.com");
    expect(mail.to.sort()).toEqual(["dba@example.com", "pm@example.com"]);
    const { subject, body } = decodeMail(mail.raw);
    expect(subject).toMatch(/^\[Launch Control\] \[v-test-\w+\] Database migration FAILED \/ 데이터베이스 마이그레이션 실패$/);
    expect(body).toContain("Reason: integrity check <orphans> failed");
    expect(body).toContain("사유: integrity check <orphans> failed");
    expect(body).toContain("By: Kim Minji");

    // Nothing is due any more: a second pass sends nothing twice.
    expect(await deliver(new Date(Date.now() + 3600_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("queues nothing for events the release did not subscribe to or without settings", async () => {
    const releaseId = await releaseWith({ slack: { enabled: true } }, { slackWebhookUrl: `${webhookBase}/hook` });
    const queued = await prisma.$transaction((tx) =>
      notify(tx, releaseId, "operation.started", { operationId: "x", kind: "cutover", rehearsal: true }),
    );
    expect(queued).toBe(0);
    const { releaseId: unconfigured } = await createTestRelease();
    expect(await prisma.$transaction((tx) => notify(tx, unconfigured, "operation.failed", failedMigration("x")))).toBe(0);
    expect(await prisma.notificationDelivery.count()).toBe(0);
  });

  it("retries a receiver that is down with exponential backoff and gives up after the last attempt", async () => {
    webhookMode = "down";
    const releaseId = await releaseWith({ slack: { enabled: true } }, { slackWebhookUrl: `${webhookBase}/services/${webhookToken}` });
    await prisma.$transaction((tx) => notify(tx, releaseId, "operation.failed", failedMigration("disk full")));

    let now = (await deliveries(releaseId))[0]!.nextAttemptAt;
    for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt++) {
      // Not before it is due.
      expect(await deliver(new Date(now.getTime() - 1))).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(webhookCalls).toHaveLength(attempt - 1);

      const report = await deliver(now);
      const [row] = await deliveries(releaseId);
      expect(row?.attempts).toBe(attempt);
      expect(row?.lastError).toBe("Webhook answered HTTP 503: down for maintenance");
      if (attempt < maxDeliveryAttempts) {
        expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 });
        expect(row?.status).toBe("pending");
        expect(row!.nextAttemptAt.getTime() - now.getTime()).toBe(5_000 * 2 ** (attempt - 1));
        expect(retryDelayMs(attempt)).toBe(5_000 * 2 ** (attempt - 1));
        now = row!.nextAttemptAt;
      } else {
        expect(report).toEqual({ sent: 0, retrying: 0, failed: 1 });
        expect(row?.status).toBe("failed");
      }
    }
    expect(webhookCalls).toHaveLength(maxDeliveryAttempts);
    expect(logged.at(-2)).toMatch(/attempt 5 failed, retrying at .*: Webhook answered HTTP 503/);
    expect(logged.at(-1)).toMatch(/attempt 6 failed, giving up: Webhook answered HTTP 503/);
    expect(await deliver(new Date(now.getTime() + 86_400_000))).toEqual({ sent: 0, retrying: 0, failed: 0 });
  });

  it("retries an unreachable receiver without repeating the webhook's secret path in the error", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const releaseId = await releaseWith({ slack: { enabled: true } }, { slackWebhookUrl: `http://127.0.0.1:${port}/services/${webhookToken}` });
    await prisma.$transaction((tx) => notify(tx, releaseId, "operation.failed", failedMigration("x")));

    expect(await deliver(new Date())).toEqual({ sent: 0, retrying: 1, failed: 0 });
    const [row] = await deliveries(releaseId);
    expect(row?.lastError).toMatch(/^Webhook unreachable \(fetch failed: .*ECONNREFUSED/);
    expect(row?.lastError).not.toContain("s3cretWebhookToken");
  });

  it("fails at once when retrying cannot help: the receiver says the hook does not exist, or no URL is set", async () => {
    webhookMode = "gone";
    const releaseId = await releaseWith({ slack: { enabled: true } }, { slackWebhookUrl: `${webhookBase}/services/${webhookToken}` });
    const noUrl = await releaseWith({ slack: { enabled: true } }, {});
    await prisma.$transaction(async (tx) => {
      await notify(tx, releaseId, "operation.failed", failedMigration("x"));
      await notify(tx, noUrl, "operation.failed", failedMigration("x"));
    });
    expect(await deliver(new Date())).toEqual({ sent: 0, retrying: 0, failed: 2 });
    expect((await deliveries(releaseId))[0]).toMatchObject({ status: "failed", attempts: 1, lastError: "Webhook answered HTTP 404: no_such_hook" });
    expect((await deliveries(noUrl))[0]).toMatchObject({ status: "failed", attempts: 1, lastError: "No Slack webhook URL is set in the notification settings" });
  });

  it("never sends a delivery twice when workers run concurrently", async () => {
    webhookDelayMs = 30;
    const releaseId = await releaseWith({ slack: { enabled: true } }, { slackWebhookUrl: `${webhookBase}/hook` });
    const count = 40;
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < count; i++) await notify(tx, releaseId, "operation.failed", failedMigration(`notice #${i}`));
    });

    const now = new Date();
    const worker = async () => {
      let sent = 0;
      for (;;) {
        const report = await deliver(now, { batchSize: 5 });
        if (report.sent + report.retrying + report.failed === 0) return sent;
        sent += report.sent;
      }
    };
    const sentPerWorker = await Promise.all([worker(), worker(), worker(), worker()]);
    expect(sentPerWorker.reduce((sum, sent) => sum + sent, 0)).toBe(count);
    expect(sentPerWorker.filter((sent) => sent > 0).length).toBeGreaterThan(1);

    const reasons = webhookCalls.map((call) => /Reason: (notice #\d+)/.exec(call.body.text)?.[1]);
    expect(reasons).toHaveLength(count);
    expect(new Set(reasons).size).toBe(count);
    expect(await prisma.notificationDelivery.count({ where: { releaseId, status: "sent", attempts: 1 } })).toBe(count);
  });
});

// Just enough MIME for the messages nodemailer writes: an encoded-word
// subject and a quoted-printable or base64 text body.
function decodeMail(raw: string): { subject: string; body: string } {
  const [head = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, " ");
  const subjectLine = /^Subject: (.*)$/im.exec(headers)?.[1] ?? "";
  const subject = subjectLine
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replaceAll("_", " ")),
    );
  const encoding = /^Content-Transfer-Encoding: (.*)$/im.exec(headers)?.[1]?.trim().toLowerCase();
  const payload = rest.join("\n\n");
  const body = encoding === "base64" ? Buffer.from(payload.replace(/\s+/g, ""), "base64").toString("utf8") : encoding === "quoted-printable" ? decodeQuotedPrintable(payload) : payload;
  return { subject, body };
}

function decodeQuotedPrintable(text: string): string {
  return decodeURIComponent(text.replace(/=\r?\n/g, "").replaceAll("%", "%25").replace(/=([0-9A-F]{2})/gi, "%$1"));
}
