import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signedInContext } from "./fixtures";

// Runs after the checklist specs (file order) and leaves the demo release with
// every go-live item done, Go/No-Go approved and one aborted cutover; no later
// spec asserts on those.

async function openControl(page: Page): Promise<string> {
  await page.goto("/");
  await page.waitForURL(/\/releases\/[0-9a-f-]+/);
  const releaseId = new URL(page.url()).pathname.split("/")[2]!;
  await page.goto(`/releases/${releaseId}/control`);
  await expect(page.getByTestId("gate-go_no_go")).toBeVisible();
  return releaseId;
}

// A same-origin call with the page's own session, as the page itself would make it.
async function callApi(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(path, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}

async function approveGoNoGo(page: Page, comment: string): Promise<void> {
  const gate = page.getByTestId("gate-go_no_go");
  await gate.getByTestId("gate-go_no_go-approve").click();
  const dialog = page.getByTestId("gate-decision-dialog");
  await dialog.getByLabel(/Comment/).fill(comment);
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
}

test("managers open Go/No-Go, an engineer cuts over while a viewer watches the split move, and a fault plus an abort put all traffic back on blue", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const manager = await signedInContext(browser, "rm");
  const approver = await signedInContext(browser, "approver");
  const engineer = await signedInContext(browser, "engineer");
  const viewer = await signedInContext(browser, "viewer");
  const releaseId = await openControl(manager.page);
  const api = `/api/v1/releases/${releaseId}`;
  await Promise.all([openControl(approver.page), openControl(engineer.page), openControl(viewer.page)]);

  // A short bake, so the split moves within seconds.
  const saved = (await callApi(manager.page, "GET", `${api}/settings/cutover`)).body as { version: number };
  const cutover = await callApi(manager.page, "PUT", `${api}/settings/cutover`, {
    settings: { steps: [10, 25, 50, 100], bakeSeconds: 2 },
    version: saved.version,
  });
  expect(cutover.status).toBe(200);

  // Cutover is refused while Go/No-Go is open, and the button says why.
  await expect(engineer.page.getByTestId("start-cutover")).toBeDisabled();
  await expect(engineer.page.getByTestId("missing-cutover")).toContainText("Go/No-Go");
  await expect(viewer.page.getByTestId("start-cutover")).toBeDisabled();
  await expect(viewer.page.getByTestId("start-not-allowed")).toBeVisible();

  // Every go-live item done (through the API, as the manager).
  const checklist = (await callApi(manager.page, "GET", `${api}/checklist`)).body as {
    sections: { items: { id: string; key: string; status: string; version: number; requiredForGoLive: boolean }[] }[];
  };
  for (const item of checklist.sections.flatMap((section) => section.items)) {
    if (!item.requiredForGoLive || item.status === "done") continue;
    const ticked = await callApi(manager.page, "PATCH", `${api}/checklist/items/${item.id}`, { version: item.version, status: "done" });
    expect(ticked.status).toBe(200);
  }
  const managerGate = manager.page.getByTestId("gate-go_no_go");
  await expect(managerGate.getByTestId("gate-go_no_go-blocker-ITEMS_NOT_DONE")).toBeHidden();

  // The engineer asks; the manager and the approver approve, each seeing the other live.
  await engineer.page.getByTestId("gate-go_no_go-request").click();
  await expect(managerGate.getByTestId("gate-go_no_go-approve")).toBeEnabled();
  await approveGoNoGo(manager.page, "Checklist complete, go.");
  await expect(approver.page.getByTestId("gate-go_no_go")).toHaveAttribute("data-approvals", "1");
  await approveGoNoGo(approver.page, "Agreed.");
  await expect(engineer.page.getByTestId("gate-go_no_go")).toHaveAttribute("data-status", "approved");
  await expect(managerGate.getByTestId("gate-decision")).toHaveCount(2);

  // The cutover asks for the version to be typed.
  const viewerSplit = viewer.page.getByTestId("traffic-split");
  await expect(viewerSplit).toHaveAttribute("data-green", "0");
  await engineer.page.getByTestId("start-cutover").click();
  const confirm = engineer.page.getByTestId("start-operation-dialog");
  const submit = confirm.getByRole("button", { name: "Start cutover" });
  await expect(submit).toBeDisabled();
  await confirm.getByLabel(/Type the release version/).fill("v0.0.0");
  await expect(submit).toBeDisabled();
  const version = (await callApi(engineer.page, "GET", api)).body as { release: { version: string } };
  await confirm.getByLabel(/Type the release version/).fill(version.release.version);
  await submit.click();
  await expect(confirm).toBeHidden();
  const timeline = engineer.page.getByTestId("operation-timeline");
  await expect(timeline).toHaveAttribute("data-status", /pending|running/);

  // The viewer, who cannot touch anything, sees green take traffic without reloading.
  await expect(viewerSplit).not.toHaveAttribute("data-green", "0", { timeout: 20_000 });
  await expect(viewer.page.getByTestId("active-operation")).toContainText("Cutover");
  await expect(viewer.page.getByTestId("operation-abort")).toBeDisabled();
  await expect(engineer.page.getByTestId("operation-log")).toContainText("driver confirms green");

  // Green starts failing; the engineer aborts.
  await engineer.page.getByLabel("Environment").selectOption("green");
  await engineer.page.getByLabel("Errors (%)").fill("8");
  await engineer.page.getByTestId("fault-apply").click();
  await expect(engineer.page.getByTestId("fault-applied")).toBeVisible();
  await expect(engineer.page.getByTestId("health-green")).toHaveAttribute("data-healthy", "false");
  await engineer.page.getByTestId("operation-abort").click();
  await engineer.page.getByTestId("abort-confirm").click();

  await expect(timeline).toHaveAttribute("data-status", "aborted");
  await expect(engineer.page.getByTestId("traffic-split")).toHaveAttribute("data-green", "0");
  await expect(viewerSplit).toHaveAttribute("data-green", "0");
  await expect(viewer.page.getByTestId("operation-row").first()).toHaveAttribute("data-status", "aborted");
  await expectAccessible(engineer.page);
  await expectAccessible(viewer.page);

  // Heal green for whoever comes next.
  const healed = await callApi(engineer.page, "PUT", `${api}/simulation/faults`, { environment: "green", errorRate: 0, latencyMs: 0 });
  expect(healed.status).toBe(200);
  for (const session of [manager, approver, engineer, viewer]) await session.context.close();
});
