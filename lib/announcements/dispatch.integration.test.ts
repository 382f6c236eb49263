import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mutate } from "@/lib/audit/mutate";
import { encryptSecrets } from "@/lib/config/secrets";
import { prisma } from "@/lib/db/client";
import { deliverDueNotifications, maxDeliveryAttempts, retryDelayMs } from "@/lib/notifications";
import { createTestRelease, createTestUser, type TestUser } from "@/test/api-fixtures";
import { createAnnouncement } from "./create-announcement";
import type { CreateAnnouncementInput } from "./announcements.validation";
import { dispatchDueAnnouncements } from "./dispatch";

// A real SMTP server (smtp-server) and a webhook receiver (node http) on
// loopback, started for this file; the dispatcher is called as the worker
// calls it, with the clock passed in.

interface Mail {
  to: string[];
  raw: string;
}
interface WebhookCall {
  path: string;
  headers: IncomingHttpHeaders;
  raw: string;
}

const webhookSecret = "whsec-announcements-0123456789";
let smtp: SMTPServer;
let smtpUrl: string;
let mails: Mail[] = [];
let webhook: Server;
let webhookBase: string;
let webhookCalls: WebhookCall[] = [];
let marketing: TestUser;

beforeAll(async () => {
  smtp = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === "announcer" && auth.password === "smtp-pa55word") callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://announcer:smtp-pa55word@127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`;

  webhook = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (raw += chunk));
    req.on("end", () => {
      webhookCalls.push({ path: req.url ?? "", headers: req.headers, raw });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, "127.0.0.1", resolve));
  webhookBase = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}`;
  marketing = await createTestUser("MARKETING");
});

afterAll(async () => {
  await new Promise<void>((resolve) => webhook.close(() => resolve()));
  await new Promise<void>((resolve) => smtp.close(resolve));
});

beforeEach(async () => {
  mails = [];
  webhookCalls = [];
  // Only this file's announcements may come due in its passes.
  await prisma.announcement.updateMany({ where: { status: "scheduled" }, data: { status: "draft" } });
  await prisma.notificationDelivery.deleteMany({});
});

const logged: string[] = [];
const dispatch = (now: Date) => dispatchDueAnnouncements(now, { log: (message) => logged.push(message) });

interface ReleaseOptions {
  smtpUrl?: string;
  recipients?: { internal: string[]; external: string[] };
}

async function configuredRelease(options: ReleaseOptions = {}): Promise<string> {
  const { releaseId } = await createTestRelease();
  await prisma.releaseSetting.createMany({
    data: [
      {
        releaseId,
        key: "notifications",
        settings: { slack: { enabled: true }, email: { enabled: true, from: "launch@example.com", to: ["ops@example.com"] }, events: [] },
        secrets: encryptSecrets({ smtpUrl: options.smtpUrl ?? smtpUrl, slackWebhookUrl: `${webhookBase}/slack/T000/B000/token` }),
      },
      {
        releaseId,
        key: "announcements",
        settings: {
          email: { from: "news@example.com", ownSmtp: false },
          slack: { ownWebhook: false },
          recipients: options.recipients ?? { internal: [], external: [] },
          webhooks: { website: `${webhookBase}/cms`, social: `${webhookBase}/social`, press: `${webhookBase}/press` },
          workingHours: { start: "09:00", end: "18:00" },
        },
        secrets: encryptSecrets({ webhookSecret }),
      },
    ],
  });
  return releaseId;
}

async function plan(releaseId: string, input: Partial<CreateAnnouncementInput> & { scheduledAt: string }) {
  // Anything within 90 days of the window is accepted; the tests choose "now".
  await prisma.release.update({ where: { id: releaseId }, data: { windowStart: new Date(input.scheduledAt), windowEnd: new Date(new Date(input.scheduledAt).getTime() + 6 * 3_600_000) } });
  const actor = { userId: marketing.id, label: marketing.email, via: "api" as const };
  const user = { id: marketing.id, email: marketing.email, name: "Marketing", role: marketing.role, via: "token" as const };
  const announcement = await createAnnouncement(actor, user, releaseId, {
    channel: "email",
    audience: "external",
    locale: "en",
    title: "Launch notice",
    body: "# We are live\n\n<script>alert(1)</script> **Enjoy**",
    recipients: [],
    status: "scheduled",
    ...input,
  });
  return announcement;
}

async function statusOf(id: string) {
  return prisma.announcement.findUniqueOrThrow({ where: { id }, select: { status: true, heldReason: true, sentAt: true, deliveries: { orderBy: { target: "asc" } } } });
}

function verifySignature(call: WebhookCall): boolean {
  const header = String(call.headers["x-launch-control-signature"] ?? "");
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = createHmac("sha256", webhookSecret).update(`${match[1]}.${call.raw}`).digest("hex");
  return expected === match[2];
}

describe("dispatchDueAnnouncements", () => {
  it("sends nothing before the scheduled time and each recipient one mail at it, through a real SMTP server", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const announcement = await plan(releaseId, { scheduledAt: at.toISOString(), recipients: ["kim@example.com", "lee@example.com"] });

    await dispatch(new Date(at.getTime() - 1000));
    expect(mails).toHaveLength(0);
    expect((await statusOf(announcement.id)).status).toBe("scheduled");

    const report = await dispatch(new Date(at.getTime() + 1000));
    expect(report).toMatchObject({ started: 1, sent: 2, failed: 0 });
    expect(mails.map((mail) => mail.to).sort()).toEqual([["kim@example.com"], ["lee@example.com"]]);
    expect(mails[0]?.raw).toContain("Subject: Launch notice");
    expect(mails[0]?.raw).toContain("<h1>We are live</h1>");
    // The HTML part shows the body's raw HTML as text.
    expect(mails[0]?.raw).toContain("&lt;script&gt;");
    expect(mails[0]?.raw).not.toMatch(/<p><script>/);
    const after = await statusOf(announcement.id);
    expect(after.status).toBe("sent");
    expect(after.sentAt).not.toBeNull();
    expect(after.deliveries.map((delivery) => [delivery.target, delivery.status, delivery.idempotencyKey])).toEqual([
      ["email:kim@example.com", "sent", `${announcement.id}:email:kim@example.com`],
      ["email:lee@example.com", "sent", `${announcement.id}:email:lee@example.com`],
    ]);
    const actions = await prisma.auditEvent.findMany({ where: { subjectId: announcement.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["announcement.created", "announcement.sending", "announcement.sent"]);

    await dispatch(new Date(at.getTime() + 5000));
    expect(mails).toHaveLength(2);
  });

  it("uses the setting's list when an email names no recipients", async () => {
    const releaseId = await configuredRelease({ recipients: { internal: ["team@example.com"], external: [] } });
    const at = new Date(Date.now() + 60_000);
    const announcement = await plan(releaseId, { scheduledAt: at.toISOString(), audience: "internal" });
    await dispatch(new Date(at.getTime() + 1000));
    expect(mails.map((mail) => mail.to)).toEqual([["team@example.com"]]);
    expect((await statusOf(announcement.id)).status).toBe("sent");
  });

  it("posts Slack announcements as Slack-compatible text and website ones as signed webhooks", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const slack = await plan(releaseId, { scheduledAt: at.toISOString(), channel: "slack", audience: "internal", title: "Deploying now", body: "Follow along here" });
    const website = await plan(releaseId, { scheduledAt: at.toISOString(), channel: "website", title: "GA is here", body: "**Hello**" });
    await dispatch(new Date(at.getTime() + 1000));

    const slackCall = webhookCalls.find((call) => call.path.startsWith("/slack"));
    expect(JSON.parse(slackCall?.raw ?? "{}")).toEqual({ text: "*Deploying now*\n\nFollow along here" });
    const cms = webhookCalls.find((call) => call.path === "/cms");
    expect(cms).toBeDefined();
    expect(verifySignature(cms!)).toBe(true);
    expect(cms!.headers["x-launch-control-delivery"]).toBe(`${website.id}:webhook:website`);
    const payload = JSON.parse(cms!.raw) as { deliveryId: string; announcement: { title: string; html: string; markdown: string } };
    expect(payload.announcement).toMatchObject({ title: "GA is here", markdown: "**Hello**", html: "<p><strong>Hello</strong></p>\n" });
    expect(verifySignature({ ...cms!, raw: cms!.raw.replace("GA is here", "GA was here") })).toBe(false);
    expect((await statusOf(slack.id)).status).toBe("sent");
    expect((await statusOf(website.id)).status).toBe("sent");
  });

  it("holds a launch notice whose cutover has not succeeded and tells its owner", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const launch = await plan(releaseId, { scheduledAt: at.toISOString(), recipients: ["press@example.com"], condition: "after_cutover_succeeded" });

    const report = await dispatch(new Date(at.getTime() + 1000));
    expect(report.held).toBe(1);
    expect(mails).toHaveLength(0);
    const held = await statusOf(launch.id);
    expect(held.status).toBe("held");
    expect(held.heldReason).toBe("Only sent after a successful cutover, and the cutover has not succeeded");
    expect(held.deliveries).toHaveLength(0);
    const audit = await prisma.auditEvent.findFirst({ where: { subjectId: launch.id, action: "announcement.held" } });
    expect(audit?.after).toMatchObject({ status: "held", condition: "after_cutover_succeeded" });

    const notices = await prisma.notificationDelivery.findMany({ where: { releaseId }, orderBy: { channel: "asc" } });
    expect(notices.map((notice) => [notice.channel, notice.target, notice.event])).toEqual([
      ["email", marketing.email, "announcement.held"],
      ["slack", "webhook", "announcement.held"],
    ]);
    await deliverDueNotifications(new Date(), { log: () => {} });
    const ownerMail = mails.find((mail) => mail.to.includes(marketing.email));
    expect(ownerMail?.raw.replace(/\r?\n\s+/g, " ")).toContain("Announcement held: Launch notice");
  });

  it("holds a launch notice after a rollback even though the cutover succeeded, and sends it when only the cutover succeeded", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    await prisma.operation.create({ data: { releaseId, kind: "cutover", status: "succeeded", idempotencyKey: "cutover-1", params: {} } });
    await prisma.release.update({ where: { id: releaseId }, data: { status: "rolled_back" } });
    const afterRollback = await plan(releaseId, { scheduledAt: at.toISOString(), recipients: ["press@example.com"], condition: "after_cutover_succeeded" });
    await dispatch(new Date(at.getTime() + 1000));
    expect((await statusOf(afterRollback.id)).heldReason).toBe("Only sent after a successful cutover, and the release was rolled back");

    await prisma.release.update({ where: { id: releaseId }, data: { status: "live" } });
    const live = await plan(releaseId, { scheduledAt: new Date(at.getTime() + 10_000).toISOString(), recipients: ["press@example.com"], condition: "while_live" });
    const launch = await plan(releaseId, { scheduledAt: new Date(at.getTime() + 10_000).toISOString(), recipients: ["news@example.com"], condition: "after_cutover_succeeded" });
    await dispatch(new Date(at.getTime() + 11_000));
    expect((await statusOf(live.id)).status).toBe("sent");
    expect((await statusOf(launch.id)).status).toBe("sent");
    expect(mails).toHaveLength(2);
  });

  it("holds, with the reason, an announcement that has nowhere to go", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const noRecipients = await plan(releaseId, { scheduledAt: at.toISOString() });
    await dispatch(new Date(at.getTime() + 1000));
    expect((await statusOf(noRecipients.id)).heldReason).toMatch(/^No recipients/);
  });

  it("sends once when two dispatchers run at the same time, and again never", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const recipients = ["a@example.com", "b@example.com", "c@example.com"];
    const announcement = await plan(releaseId, { scheduledAt: at.toISOString(), recipients });
    const website = await plan(releaseId, { scheduledAt: at.toISOString(), channel: "website" });
    const now = new Date(at.getTime() + 1000);
    await Promise.all([dispatch(now), dispatch(now), dispatch(now)]);
    await Promise.all([dispatch(new Date(now.getTime() + 1000)), dispatch(new Date(now.getTime() + 1000))]);

    expect(mails.map((mail) => mail.to[0]).sort()).toEqual(recipients);
    expect(webhookCalls.filter((call) => call.path === "/cms")).toHaveLength(1);
    expect((await statusOf(announcement.id)).status).toBe("sent");
    expect((await statusOf(website.id)).status).toBe("sent");
    const sentEvents = await prisma.auditEvent.count({ where: { subjectId: announcement.id, action: "announcement.sent" } });
    expect(sentEvents).toBe(1);

    // Sent again on purpose (send now after it was sent is refused, so force
    // it back to scheduled): deliveries already sent are skipped.
    await prisma.announcement.update({ where: { id: announcement.id }, data: { status: "scheduled", scheduledAt: new Date(now.getTime() + 2000) } });
    await dispatch(new Date(now.getTime() + 3000));
    expect(mails).toHaveLength(3);
    expect((await statusOf(announcement.id)).status).toBe("sent");
  });

  it("retries an SMTP server that is down with backoff and marks the announcement failed after the last try", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const releaseId = await configuredRelease({ smtpUrl: `smtp://announcer:smtp-pa55word@127.0.0.1:${deadPort}?ignoreTLS=true` });
    const at = new Date(Date.now() + 60_000);
    const announcement = await plan(releaseId, { scheduledAt: at.toISOString(), recipients: ["kim@example.com"] });

    let now = new Date(at.getTime() + 1000);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= maxDeliveryAttempts; attempt++) {
      await dispatch(now);
      const [delivery] = (await statusOf(announcement.id)).deliveries;
      expect(delivery?.attempts).toBe(attempt);
      expect(delivery?.lastError).toMatch(/SMTP delivery failed/);
      expect(delivery?.lastError).not.toContain("smtp-pa55word");
      if (attempt < maxDeliveryAttempts) {
        expect(delivery?.status).toBe("pending");
        waits.push(delivery!.nextAttemptAt.getTime() - now.getTime());
        // One tick early: not yet due.
        await dispatch(new Date(delivery!.nextAttemptAt.getTime() - 1));
        expect((await statusOf(announcement.id)).deliveries[0]?.attempts).toBe(attempt);
        now = delivery!.nextAttemptAt;
      } else {
        expect(delivery?.status).toBe("failed");
      }
    }
    expect(waits).toEqual([1, 2, 3, 4, 5].map(retryDelayMs));
    const failed = await statusOf(announcement.id);
    expect(failed.status).toBe("failed");
    const audit = await prisma.auditEvent.findFirst({ where: { subjectId: announcement.id, action: "announcement.failed" } });
    expect(audit?.after).toMatchObject({ status: "failed", failed: ["email:kim@example.com"] });
    const notice = await prisma.notificationDelivery.findFirst({ where: { releaseId, event: "announcement.failed", channel: "email" } });
    expect(notice?.target).toBe(marketing.email);
  });

  it("leaves an announcement more than an hour past its time for a person to decide", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const announcement = await plan(releaseId, { scheduledAt: at.toISOString(), recipients: ["kim@example.com"] });
    await dispatch(new Date(at.getTime() + 2 * 3_600_000));
    expect(mails).toHaveLength(0);
    expect((await statusOf(announcement.id)).status).toBe("scheduled");
  });

  it("gives a cancelled announcement no deliveries", async () => {
    const releaseId = await configuredRelease();
    const at = new Date(Date.now() + 60_000);
    const announcement = await plan(releaseId, { scheduledAt: at.toISOString(), recipients: ["kim@example.com"] });
    await mutate({ userId: null, label: "test", via: "system" }, ({ tx }) => tx.announcement.update({ where: { id: announcement.id }, data: { status: "cancelled" } }));
    await dispatch(new Date(at.getTime() + 1000));
    expect(mails).toHaveLength(0);
  });
});
