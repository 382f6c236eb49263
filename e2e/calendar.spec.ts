import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectAccessible, signedInContext } from "./fixtures";

// The demo plan's launch notice (English, email): 2025-07-01 09:00 in Seoul,
// 02:00 in Berlin, where the test browsers are. Being in the past, the
// dispatcher never sends it; the specs only move it and put it back.
const launchNotice = "announcement-external.launch-notice.email.en";

async function openCalendar(page: Page): Promise<string> {
  await page.goto("/");
  await page.waitForURL(/\/releases\/[0-9a-f-]+/);
  const releaseId = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/releases/${releaseId}/calendar`);
  await expect(page.getByTestId("calendar")).toBeVisible();
  await expect(page.getByTestId(launchNotice)).toBeVisible();
  return releaseId;
}

// The month-view day cell an event sits in (YYYY-MM-DD in the viewer's zone).
async function dayOf(event: Locator): Promise<string> {
  return event.evaluate((element) => element.closest("td[data-date]")?.getAttribute("data-date") ?? "");
}

function nextDay(day: string): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

// FullCalendar starts a drag only after the pointer has moved a few pixels
// with the button down, so the move is made in small steps.
async function dragToDay(page: Page, event: Locator, day: string): Promise<void> {
  const target = page.getByTestId("calendar").locator(`td.fc-daygrid-day[data-date="${day}"]`);
  // The mouse only reaches what is on screen. Both days share a week row, which
  // is taller than the window here, so the drop aims at the top of the day.
  await event.evaluate((element) => element.scrollIntoView({ block: "center" }));
  const from = await event.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error(`cannot drag: event or day ${day} is not on screen`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 6, from.y + from.height / 2 + 6, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, Math.max(to.y, 0) + 24, { steps: 20 });
  await page.mouse.up();
}

function inDay(page: Page, day: string): Locator {
  return page.getByTestId("calendar").locator(`td.fc-daygrid-day[data-date="${day}"]`).getByTestId(launchNotice);
}

test("a marketing user drags the launch notice to the next day and a second browser sees it move", async ({ browser }) => {
  const marketing = await signedInContext(browser, "marketing");
  const viewer = await signedInContext(browser, "viewer");
  await openCalendar(marketing.page);
  await openCalendar(viewer.page);
  await expect(viewer.page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");
  await expect(viewer.page.getByTestId("calendar-read-only")).toBeVisible();
  await expectAccessible(marketing.page);
  // FullCalendar's colours come from the app's theme variables: dark too.
  await marketing.page.emulateMedia({ colorScheme: "dark" });
  await marketing.page.reload();
  await expect(marketing.page.getByTestId(launchNotice)).toBeVisible();
  await expectAccessible(marketing.page);
  await marketing.page.emulateMedia({ colorScheme: "light" });
  await marketing.page.reload();
  await expect(marketing.page.getByTestId(launchNotice)).toBeVisible();

  const event = marketing.page.getByTestId(launchNotice);
  await expect(event).toHaveClass(/fc-event-draggable/);
  const from = await dayOf(event);
  expect(from).toBe("2025-07-01");
  const to = nextDay(from);

  await dragToDay(marketing.page, event, to);
  await expect(inDay(marketing.page, to)).toBeVisible();
  await expect(marketing.page.getByTestId("calendar-status")).toContainText("Moved “Launch notice”");
  // The viewer's calendar follows through the live stream, without a reload.
  await expect(inDay(viewer.page, to)).toBeVisible({ timeout: 5_000 });
  // Read-only for the viewer: the same event cannot be dragged there.
  await expect(viewer.page.getByTestId(launchNotice)).not.toHaveClass(/fc-event-draggable/);

  // The move is on the record, and the time of day is kept (09:00 in Seoul).
  const releaseId = new URL(marketing.page.url()).pathname.split("/")[2]!;
  const moved = await marketing.page.evaluate(async (id) => {
    const response = await fetch(`/api/v1/releases/${id}/announcements`);
    const body = (await response.json()) as { announcements: { key: string | null; scheduledAt: string }[] };
    return body.announcements.find((announcement) => announcement.key === "external.launch-notice.email.en")?.scheduledAt;
  }, releaseId);
  expect(moved).toBe("2025-07-02T00:00:00.000Z");

  // Put it back for the specs that follow.
  await dragToDay(marketing.page, marketing.page.getByTestId(launchNotice), from);
  await expect(inDay(marketing.page, from)).toBeVisible();
  await expect(inDay(viewer.page, from)).toBeVisible({ timeout: 5_000 });

  await marketing.context.close();
  await viewer.context.close();
});

test("an engineer cannot drag the launch notice: it is read-only for them and the server refuses the move", async ({ browser }) => {
  const engineer = await signedInContext(browser, "engineer");
  const releaseId = await openCalendar(engineer.page);
  await expect(engineer.page.getByTestId("calendar-internal-only")).toBeVisible();

  const event = engineer.page.getByTestId(launchNotice);
  await expect(event).not.toHaveClass(/fc-event-draggable/);
  // Internal announcements stay movable for engineers.
  await expect(engineer.page.getByTestId("announcement-internal.live-status.slack.en")).toHaveClass(/fc-event-draggable/);

  const from = await dayOf(event);
  await dragToDay(engineer.page, event, nextDay(from));
  await expect(inDay(engineer.page, from)).toBeVisible();
  await expect(engineer.page.getByTestId("calendar-status")).toBeEmpty();

  const refused = await engineer.page.evaluate(async (id) => {
    const list = (await (await fetch(`/api/v1/releases/${id}/announcements`)).json()) as {
      announcements: { id: string; key: string | null; version: number; scheduledAt: string }[];
    };
    const launch = list.announcements.find((announcement) => announcement.key === "external.launch-notice.email.en")!;
    const response = await fetch(`/api/v1/releases/${id}/announcements/${launch.id}/reschedule`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ version: launch.version, scheduledAt: "2025-07-03T00:00:00.000Z" }),
    });
    return { status: response.status, code: ((await response.json()) as { error?: { code?: string } }).error?.code };
  }, releaseId);
  expect(refused).toEqual({ status: 403, code: "FORBIDDEN" });

  // Opening it shows the announcement read-only, without send or cancel.
  await event.click();
  const editor = engineer.page.getByTestId("announcement-editor");
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId("announcement-read-only")).toBeVisible();
  await expect(editor.getByTestId("announcement-send-now")).toHaveCount(0);
  await expect(editor.getByTestId("announcement-cancel")).toHaveCount(0);
  await expectAccessible(engineer.page);

  await engineer.context.close();
});

test("the calendar offers a one-off .ics download and a secret feed URL", async ({ browser }) => {
  const marketing = await signedInContext(browser, "marketing");
  await openCalendar(marketing.page);
  const subscribe = marketing.page.getByTestId("calendar-subscribe");
  const download = subscribe.getByTestId("calendar-download-ics");
  await expect(download).toHaveAttribute("href", /\/calendar\.ics\?lang=en$/);

  await subscribe.getByTestId("calendar-create-feed").click();
  const url = subscribe.getByTestId("calendar-feed-url");
  await expect(url).toHaveValue(/\/api\/calendar\/feed\/lcf_[A-Za-z0-9_-]{43}\.ics\?lang=en$/);
  const feed = await marketing.page.request.get(await url.inputValue());
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toContain("text/calendar");
  const ics = await feed.text();
  expect(ics).toContain("BEGIN:VCALENDAR");
  expect(ics).toContain("METHOD:PUBLISH");
  expect(ics).toContain("SUMMARY:[Email] Launch notice");

  await marketing.context.close();
});
