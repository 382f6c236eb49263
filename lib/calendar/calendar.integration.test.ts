import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as feed } from "@/app/api/calendar/feed/[token]/route";
import { DELETE as revokeFeed } from "@/app/api/v1/me/calendar-feeds/[feedId]/route";
import { GET as listFeeds, POST as createFeed } from "@/app/api/v1/me/calendar-feeds/route";
import { GET as exportIcs } from "@/app/api/v1/releases/[releaseId]/calendar.ics/route";
import { prisma } from "@/lib/db/client";
import type { NextRouteContext, RouteHandler } from "@/lib/http/handler";
import { call, createTestRelease, createTestUser, origin, type TestUser } from "@/test/api-fixtures";
import type { CalendarFeedDto } from "./calendar.validation";

let releaseId: string;
let marketing: TestUser;

beforeAll(async () => {
  ({ releaseId } = await createTestRelease());
  marketing = await createTestUser("MARKETING");
});

async function fetchText(handler: RouteHandler, path: string, params: Record<string, string>, headers: Record<string, string> = {}) {
  const context: NextRouteContext = { params: Promise.resolve(params) };
  const response = await handler(new Request(`${origin}${path}`, { headers: { host: "lc.test", ...headers } }), context);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

// iCalendar times have whole seconds.
const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

describe("GET /releases/{id}/calendar.ics", () => {
  it("is a valid iCalendar file with every announcement and phase, whose times round-trip in UTC and in the release's zone", async () => {
    const response = await fetchText(exportIcs, `/api/v1/releases/${releaseId}/calendar.ics?lang=ko`, { releaseId }, { authorization: `Bearer ${marketing.bearer}` });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="v-test-[0-9a-f]+-calendar\.ics"$/);
    expect(response.text).toMatch(/\r\n/);

    const calendar = parse(response.text);
    expect(calendar.name).toBe("vcalendar");
    expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
    expect(calendar.getFirstPropertyValue("prodid")).toBe("-//Launch Control//Launch calendar//KO");
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Seoul");

    const [announcements, phases] = await Promise.all([
      prisma.announcement.findMany({ where: { releaseId } }),
      prisma.phase.findMany({ where: { releaseId } }),
    ]);
    const events = calendar.getAllSubcomponents("vevent").map((component) => new ICAL.Event(component));
    expect(events).toHaveLength(announcements.length + phases.length);
    for (const event of calendar.getAllSubcomponents("vevent")) expect(event.getFirstPropertyValue("dtstamp")).toBeTruthy();

    const launch = announcements.find((announcement) => announcement.key === "external.launch-notice.email.en")!;
    const launchEvent = events.find((event) => event.uid === `announcement-${launch.id}@launch-control`)!;
    expect(launchEvent.summary).toBe("[이메일] Launch notice");
    expect(launchEvent.startDate.zone.tzid).toBe("UTC");
    expect(launchEvent.startDate.toJSDate().toISOString()).toBe(toSecond(launch.scheduledAt));
    expect(launchEvent.endDate.toJSDate().getTime() - launchEvent.startDate.toJSDate().getTime()).toBe(30 * 60_000);
    // Read back in the release's zone, it is the planned local time.
    const release = await prisma.release.findUniqueOrThrow({ where: { id: releaseId }, select: { windowStart: true, timezone: true } });
    const local = (date: Date) => new Intl.DateTimeFormat("en-GB", { timeZone: release.timezone, dateStyle: "short", timeStyle: "short" }).format(date);
    expect(local(launchEvent.startDate.toJSDate())).toBe(local(new Date(release.windowStart.getTime() + 6 * 3_600_000)));

    const blueGreen = phases.find((phase) => phase.key === "blue-green")!;
    const phaseEvent = events.find((event) => event.uid === `phase-${blueGreen.id}@launch-control`)!;
    expect(phaseEvent.summary).toBe("단계: 블루/그린 배포 실행");
    expect(phaseEvent.startDate.toJSDate().toISOString()).toBe(toSecond(blueGreen.startsAt));
    expect(phaseEvent.endDate.toJSDate().toISOString()).toBe(toSecond(blueGreen.endsAt!));
  });

  it("keeps each item's UID across exports, bumps SEQUENCE on change and marks cancelled announcements", async () => {
    const uids = async () => {
      const { text } = await fetchText(exportIcs, `/api/v1/releases/${releaseId}/calendar.ics`, { releaseId }, { authorization: `Bearer ${marketing.bearer}` });
      return parse(text).getAllSubcomponents("vevent");
    };
    const first = await uids();
    const patch = await prisma.announcement.findFirstOrThrow({ where: { releaseId, key: "external.patch-notice.email.ko" } });
    await prisma.announcement.update({ where: { id: patch.id }, data: { status: "cancelled", version: { increment: 1 } } });
    const second = await uids();
    const uidsOf = (events: ICAL.Component[]) => events.map((event) => String(event.getFirstPropertyValue("uid"))).sort();
    expect(uidsOf(second)).toEqual(uidsOf(first));
    const cancelled = second.find((event) => event.getFirstPropertyValue("uid") === `announcement-${patch.id}@launch-control`)!;
    expect(cancelled.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancelled.getFirstPropertyValue("sequence")).toBe(patch.version + 1);
  });

  it("needs a signed-in user", async () => {
    expect((await fetchText(exportIcs, `/api/v1/releases/${releaseId}/calendar.ics`, { releaseId })).status).toBe(401);
  });
});

describe("secret calendar feeds", () => {
  it("creates a feed URL once, serves the calendar to anyone holding it, and stops when revoked", async () => {
    const created = await call<{ feed: CalendarFeedDto; url: string }>(createFeed, { method: "POST", as: marketing, body: { releaseId } });
    expect(created.status).toBe(201);
    const url = new URL(created.body.url);
    expect(url.pathname).toMatch(/^\/api\/calendar\/feed\/lcf_[A-Za-z0-9_-]{43}\.ics$/);
    const token = url.pathname.split("/").at(-1)!;
    const stored = await prisma.calendarFeedToken.findUniqueOrThrow({ where: { id: created.body.feed.id } });
    expect(stored.tokenHash).not.toContain(token.replace(".ics", ""));

    const served = await fetchText(feed, `${url.pathname}?lang=en`, { token });
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toMatch(/^inline;/);
    expect(parse(served.text).getAllSubcomponents("vevent").length).toBeGreaterThan(20);

    const listed = await call<{ feeds: CalendarFeedDto[] }>(listFeeds, { as: marketing, path: `/api/v1/me/calendar-feeds?releaseId=${releaseId}` });
    expect(listed.body.feeds.map((entry) => entry.id)).toContain(created.body.feed.id);

    const someoneElse = await createTestUser("ENGINEER");
    expect((await call(revokeFeed, { method: "DELETE", as: someoneElse, params: { feedId: created.body.feed.id } })).status).toBe(404);
    expect((await call(revokeFeed, { method: "DELETE", as: marketing, params: { feedId: created.body.feed.id } })).status).toBe(200);
    expect((await fetchText(feed, url.pathname, { token })).status).toBe(404);
  });

  it("answers 404 for an unknown token, and for a deactivated owner's feed", async () => {
    expect((await fetchText(feed, "/api/calendar/feed/x.ics", { token: `lcf_${"A".repeat(43)}.ics` })).status).toBe(404);
    const leaver = await createTestUser("MARKETING");
    const created = await call<{ url: string }>(createFeed, { method: "POST", as: leaver, body: { releaseId } });
    const token = new URL(created.body.url).pathname.split("/").at(-1)!;
    await prisma.user.update({ where: { id: leaver.id }, data: { active: false } });
    expect((await fetchText(feed, "/api/calendar/feed/x.ics", { token })).status).toBe(404);
  });
});
