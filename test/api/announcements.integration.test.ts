import { beforeAll, describe, expect, it } from "vitest";
import { POST as cancelAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/cancel/route";
import { POST as holdAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/hold/route";
import { POST as rescheduleAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/reschedule/route";
import { PATCH as patchAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/route";
import { POST as sendNow } from "@/app/api/v1/releases/[releaseId]/announcements/[announcementId]/send-now/route";
import { GET as listAnnouncements, POST as createAnnouncement } from "@/app/api/v1/releases/[releaseId]/announcements/route";
import type { AnnouncementDto, AnnouncementListDto } from "@/lib/announcements/announcements.validation";
import { mutate } from "@/lib/audit/mutate";
import { prisma } from "@/lib/db/client";
import { createReleaseFromTemplate } from "@/lib/template/create-release";
import { gaReleaseTemplate } from "@/lib/template/load-template";
import { call, createTestRelease, createTestUser, type ErrorBody, type TestUser } from "@/test/api-fixtures";

let releaseId: string;
let windowStart: Date;

// A release launching at 03:00 Seoul time a month from now, as the plan has it.
async function releaseLaunchingAt0300(): Promise<string> {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date(Date.now() + 30 * 86_400_000));
  const { id } = await mutate({ userId: null, label: "test", via: "system" }, ({ tx }) =>
    createReleaseFromTemplate(tx, gaReleaseTemplate, { version: `v-cal-${Math.random().toString(36).slice(2, 10)}`, launchAt: new Date(`${day}T03:00:00+09:00`), timezone: "Asia/Seoul" }),
  );
  return id;
}
let marketing: TestUser;
let engineer: TestUser;
let viewer: TestUser;

beforeAll(async () => {
  releaseId = await releaseLaunchingAt0300();
  ({ windowStart } = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true } }));
  marketing = await createTestUser("MARKETING");
  engineer = await createTestUser("ENGINEER");
  viewer = await createTestUser("VIEWER");
});

const list = async (as: TestUser = marketing) => (await call<AnnouncementListDto>(listAnnouncements, { params: { releaseId }, as })).body;
const byKey = async (key: string) => {
  const found = (await list()).announcements.find((announcement) => announcement.key === key);
  if (!found) throw new Error(`no announcement ${key}`);
  return found;
};
const hoursAfterLaunch = (hours: number) => new Date(windowStart.getTime() + hours * 3_600_000).toISOString();

function create(as: TestUser, body: Record<string, unknown>) {
  return call<{ announcement: AnnouncementDto } & Partial<ErrorBody>>(createAnnouncement, {
    method: "POST",
    params: { releaseId },
    as,
    body: { channel: "email", audience: "external", locale: "en", title: "Notice", body: "Hello", scheduledAt: hoursAfterLaunch(30), ...body },
  });
}

function issuePaths(body: ErrorBody): string[] {
  return (body.error.details as { path: (string | number)[] }[]).map((issue) => issue.path.join("."));
}

describe("the template's communication plan", () => {
  it("becomes announcements in Korean and English with the launch notice at 09:00 Seoul time, once the cutover succeeded", async () => {
    const calendar = await list(viewer);
    const keys = calendar.announcements.map((announcement) => announcement.key);
    for (const key of [
      "external.advance-notice.email.ko",
      "internal.team-briefing.meeting.en",
      "internal.live-status.slack.ko",
      "external.launch-notice.press.en",
      "internal.results-report.email.ko",
      "external.patch-notice.website.en",
    ]) {
      expect(keys).toContain(key);
    }
    const launch = calendar.announcements.find((announcement) => announcement.key === "external.launch-notice.email.en")!;
    expect(launch).toMatchObject({ channel: "email", audience: "external", locale: "en", status: "scheduled", condition: "after_cutover_succeeded", title: "Launch notice" });
    expect(launch.scheduledAt).toBe(hoursAfterLaunch(6));
    expect(new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Seoul", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(new Date(launch.scheduledAt))).toBe("09:00");
    expect(launch.conflicts).toEqual([]);
    expect(calendar.announcements.find((announcement) => announcement.key === "external.launch-notice.press.ko")?.title).toBe("보도 자료: 출시 공지");
    expect(calendar.announcements.find((announcement) => announcement.key === "external.patch-notice.email.en")).toMatchObject({ status: "draft", condition: "while_live" });
    expect(calendar.phases.map((phase) => phase.key)).toContain("blue-green");
    expect(calendar.workingHours).toEqual({ start: "09:00", end: "18:00" });
  });

  it("flags the live Slack update at 03:00 as outside working hours", async () => {
    const live = await byKey("internal.live-status.slack.en");
    expect(live.conflicts.map((conflict) => conflict.code)).toEqual(["outside_working_hours"]);
  });
});

describe("creating announcements", () => {
  it("lets marketing plan an external notice, owned by them unless they name someone", async () => {
    const response = await create(marketing, { channel: "social", body: "We are live!", scheduledAt: hoursAfterLaunch(28) });
    expect(response.status).toBe(201);
    expect(response.body.announcement).toMatchObject({ channel: "social", status: "draft", owner: { id: marketing.id }, version: 1 });
    const audit = await prisma.auditEvent.findFirst({ where: { subjectId: response.body.announcement.id }, orderBy: { id: "desc" } });
    expect(audit?.action).toBe("announcement.created");
  });

  it("accepts a long email body beyond the usual 64 KiB request limit, up to 100 KiB", async () => {
    expect((await create(marketing, { body: "a".repeat(90 * 1024) })).status).toBe(201);
    const tooLong = await create(marketing, { body: "가".repeat(40_000) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error?.message).toBe("The announcement is not valid");
  });

  it("refuses bad input with 400 and says what is wrong", async () => {
    const unknownChannel = await create(marketing, { channel: "fax" });
    expect(unknownChannel.status).toBe(400);
    expect(issuePaths(unknownChannel.body as ErrorBody)).toContain("channel");

    const badRecipients = await create(marketing, { recipients: ["ok@example.com", "not-an-address"] });
    expect(badRecipients.status).toBe(400);
    expect(issuePaths(badRecipients.body as ErrorBody)).toEqual(["recipients.1"]);

    const tooLongForSocial = await create(marketing, { channel: "social", body: "x".repeat(281), recipients: ["pr@example.com"], scheduledAt: hoursAfterLaunch(24 * 200) });
    expect(tooLongForSocial.status).toBe(400);
    expect(issuePaths(tooLongForSocial.body as ErrorBody)).toEqual(["body", "recipients", "scheduledAt"]);

    const tooLongForSlack = await create(marketing, { channel: "slack", audience: "internal", body: "x".repeat(40_001) });
    expect(issuePaths(tooLongForSlack.body as ErrorBody)).toEqual(["body"]);

  });

  it("answers 400 for a listing range that ends before it starts", async () => {
    const from = hoursAfterLaunch(10);
    const to = hoursAfterLaunch(5);
    const response = await call(listAnnouncements, { params: { releaseId }, as: viewer, path: `/api/test?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}` });
    expect(response.status).toBe(400);
    expect(issuePaths(response.body)).toEqual(["to"]);
  });

  it("lets an engineer plan internal announcements but not external ones", async () => {
    expect((await create(engineer, { channel: "slack", audience: "internal" })).status).toBe(201);
    const external = await create(engineer, {});
    expect(external.status).toBe(403);
    expect(external.body.error?.code).toBe("FORBIDDEN");
    expect((await create(viewer, { channel: "slack", audience: "internal" })).status).toBe(403);
  });
});

describe("changing announcements", () => {
  it("reschedules with a version check: a stale version gets 409 with the current announcement", async () => {
    const advance = await byKey("external.advance-notice.website.en");
    const moved = await call<{ announcement: AnnouncementDto }>(rescheduleAnnouncement, {
      method: "POST",
      params: { releaseId, announcementId: advance.id },
      as: marketing,
      body: { version: advance.version, scheduledAt: hoursAfterLaunch(-48) },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.announcement.scheduledAt).toBe(hoursAfterLaunch(-48));
    expect(moved.body.announcement.version).toBe(advance.version + 1);

    const stale = await call<ErrorBody & { error: { details: { current: AnnouncementDto } } }>(rescheduleAnnouncement, {
      method: "POST",
      params: { releaseId, announcementId: advance.id },
      as: marketing,
      body: { version: advance.version, scheduledAt: hoursAfterLaunch(-24) },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("VERSION_CONFLICT");
    expect(stale.body.error.details.current.scheduledAt).toBe(hoursAfterLaunch(-48));

    const audit = await prisma.auditEvent.findFirst({ where: { subjectId: advance.id, action: "announcement.rescheduled" } });
    expect(audit?.after).toMatchObject({ scheduledAt: hoursAfterLaunch(-48) });
  });

  it("refuses a time more than 90 days from the launch window", async () => {
    const advance = await byKey("external.advance-notice.social.en");
    const response = await call(rescheduleAnnouncement, {
      method: "POST",
      params: { releaseId, announcementId: advance.id },
      as: marketing,
      body: { version: advance.version, scheduledAt: hoursAfterLaunch(-24 * 91) },
    });
    expect(response.status).toBe(400);
    expect(issuePaths(response.body)).toEqual(["scheduledAt"]);
  });

  it("does not let an engineer reschedule, edit, send or cancel an external announcement", async () => {
    const launch = await byKey("external.launch-notice.email.en");
    const params = { releaseId, announcementId: launch.id };
    for (const [handler, body] of [
      [rescheduleAnnouncement, { version: launch.version, scheduledAt: hoursAfterLaunch(30) }],
      [sendNow, { version: launch.version }],
      [cancelAnnouncement, { version: launch.version }],
    ] as const) {
      const response = await call(handler, { method: "POST", params, as: engineer, body });
      expect(response.status).toBe(403);
    }
    expect((await call(patchAnnouncement, { method: "PATCH", params, as: engineer, body: { version: launch.version, title: "Mine now" } })).status).toBe(403);
    expect((await call(patchAnnouncement, { method: "PATCH", params, as: engineer, body: { version: launch.version, audience: "internal" } })).status).toBe(403);
    const unchanged = await byKey("external.launch-notice.email.en");
    expect(unchanged.scheduledAt).toBe(launch.scheduledAt);
    expect(unchanged.version).toBe(launch.version);
  });

  it("lets an engineer move an internal announcement", async () => {
    const briefing = await byKey("internal.team-briefing.meeting.en");
    const response = await call<{ announcement: AnnouncementDto }>(rescheduleAnnouncement, {
      method: "POST",
      params: { releaseId, announcementId: briefing.id },
      as: engineer,
      body: { version: briefing.version, scheduledAt: hoursAfterLaunch(-20) },
    });
    expect(response.status).toBe(200);
  });

  it("edits fields, holds, schedules again and cancels; a cancelled one cannot be held", async () => {
    const results = await byKey("internal.results-report.email.en");
    const params = { releaseId, announcementId: results.id };
    const edited = await call<{ announcement: AnnouncementDto }>(patchAnnouncement, {
      method: "PATCH",
      params,
      as: marketing,
      body: { version: results.version, title: "Results", recipients: ["team@example.com"], body: "# Done" },
    });
    expect(edited.status).toBe(200);
    expect(edited.body.announcement).toMatchObject({ title: "Results", recipients: ["team@example.com"], body: "# Done" });

    const held = await call<{ announcement: AnnouncementDto }>(holdAnnouncement, { method: "POST", params, as: marketing, body: { version: edited.body.announcement.version, reason: "Waiting for numbers" } });
    expect(held.body.announcement).toMatchObject({ status: "held", heldReason: "Waiting for numbers" });

    const again = await call<{ announcement: AnnouncementDto }>(patchAnnouncement, { method: "PATCH", params, as: marketing, body: { version: held.body.announcement.version, status: "scheduled" } });
    expect(again.body.announcement).toMatchObject({ status: "scheduled", heldReason: null });

    const cancelled = await call<{ announcement: AnnouncementDto }>(cancelAnnouncement, { method: "POST", params, as: marketing, body: { version: again.body.announcement.version } });
    expect(cancelled.body.announcement.status).toBe("cancelled");
    const holdCancelled = await call(holdAnnouncement, { method: "POST", params, as: marketing, body: { version: cancelled.body.announcement.version } });
    expect(holdCancelled.status).toBe(409);
    expect(holdCancelled.body.error.code).toBe("CONFLICT");
  });

  it("send now makes it due at once, and a sent announcement can no longer be changed", async () => {
    const created = (await create(marketing, { channel: "slack", audience: "internal", status: "scheduled" })).body.announcement;
    const params = { releaseId, announcementId: created.id };
    const before = Date.now();
    const due = await call<{ announcement: AnnouncementDto }>(sendNow, { method: "POST", params, as: marketing, body: { version: created.version } });
    expect(due.status).toBe(200);
    expect(due.body.announcement.status).toBe("scheduled");
    expect(new Date(due.body.announcement.scheduledAt).getTime()).toBeGreaterThanOrEqual(before - 1000);

    await prisma.announcement.update({ where: { id: created.id }, data: { status: "sent", sentAt: new Date() } });
    const late = await call(patchAnnouncement, { method: "PATCH", params, as: marketing, body: { version: due.body.announcement.version, title: "Too late" } });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("CONFLICT");
  });

  it("answers 404 for an announcement of another release", async () => {
    const { releaseId: other } = await createTestRelease();
    const launch = await byKey("external.launch-notice.email.en");
    const response = await call(cancelAnnouncement, { method: "POST", params: { releaseId: other, announcementId: launch.id }, as: marketing, body: { version: launch.version } });
    expect(response.status).toBe(404);
  });
});
