import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signedInContext } from "./fixtures";

// Works on a release of its own (created from the template), so whatever the
// earlier specs left on the demo release does not matter; without the create
// endpoint it falls back to the demo release. Leaves green healed.

interface ApiResult<T = unknown> {
  status: number;
  body: T;
}

// A same-origin call with the page's own session, as the page itself would make it.
async function callApi<T = unknown>(page: Page, method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
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
  ) as Promise<ApiResult<T>>;
}

async function releaseForThisSpec(page: Page): Promise<{ id: string; version: string }> {
  const version = `9.${Date.now()}`;
  const created = await callApi<{ release: { id: string; version: string } }>(page, "POST", "/api/v1/releases", {
    from: "template",
    version,
    launchAt: new Date(Date.now() + 3_600_000).toISOString(),
    timezone: "Europe/Berlin",
  });
  if (created.status === 201) return created.body.release;
  expect([404, 405]).toContain(created.status);
  await page.goto("/");
  await page.waitForURL(/\/releases\/[0-9a-f-]+/);
  const id = new URL(page.url()).pathname.split("/")[2]!;
  const detail = await callApi<{ release: { version: string } }>(page, "GET", `/api/v1/releases/${id}`);
  return { id, version: detail.body.release.version };
}

async function saveSetting(page: Page, api: string, key: string, settings: unknown): Promise<void> {
  const current = await callApi<{ version: number }>(page, "GET", `${api}/settings/${key}`);
  expect(current.status).toBe(200);
  const saved = await callApi(page, "PUT", `${api}/settings/${key}`, { settings, version: current.body.version });
  expect(saved.status).toBe(200);
}

async function completeGoLiveChecklist(page: Page, api: string): Promise<void> {
  const checklist = await callApi<{ sections: { items: { id: string; status: string; version: number; requiredForGoLive: boolean }[] }[] }>(
    page,
    "GET",
    `${api}/checklist`,
  );
  for (const item of checklist.body.sections.flatMap((section) => section.items)) {
    if (!item.requiredForGoLive || item.status === "done") continue;
    const ticked = await callApi(page, "PATCH", `${api}/checklist/items/${item.id}`, { version: item.version, status: "done" });
    expect(ticked.status).toBe(200);
  }
}

interface GateView {
  id: string;
  key: string;
  status: string;
  version: number;
}

async function goNoGo(page: Page, api: string): Promise<GateView> {
  const gates = await callApi<{ gates: GateView[] }>(page, "GET", `${api}/gates`);
  const gate = gates.body.gates.find((candidate) => candidate.key === "go_no_go");
  expect(gate).toBeDefined();
  return gate!;
}

// The engineer asks; the manager and the approver approve (nobody approves
// their own request).
async function approveGoNoGo(requester: Page, approvers: Page[], api: string): Promise<void> {
  let gate = await goNoGo(requester, api);
  if (gate.status === "approved") return;
  const requested = await callApi(requester, "POST", `${api}/gates/${gate.id}/request`, {});
  expect(requested.status).toBe(200);
  for (const approver of approvers) {
    gate = await goNoGo(approver, api);
    if (gate.status === "approved") return;
    const decided = await callApi(approver, "POST", `${api}/gates/${gate.id}/decisions`, {
      kind: "approve",
      comment: "Metrics spec: go.",
      version: gate.version,
    });
    expect(decided.status).toBe(200);
  }
  expect((await goNoGo(requester, api)).status).toBe("approved");
}

async function greenPercent(page: Page, api: string): Promise<number> {
  const traffic = await callApi<{ traffic: { greenPercent: number } }>(page, "GET", `${api}/traffic?purpose=production`);
  return traffic.body.traffic.greenPercent;
}

test("8 % errors on green during a cutover trip the rollback guard: traffic returns to blue, every open browser shows the alert and the audit trail names the criterion", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const manager = await signedInContext(browser, "rm");
  const approver = await signedInContext(browser, "approver");
  const engineer = await signedInContext(browser, "engineer");
  const release = await releaseForThisSpec(manager.page);
  const api = `/api/v1/releases/${release.id}`;

  // Green takes half the traffic and bakes for long enough that only the
  // guard, not the step's own analysis, can act; the guard rolls back by itself.
  await saveSetting(manager.page, api, "cutover", { steps: [50, 100], bakeSeconds: 600 });
  await saveSetting(manager.page, api, "guard", { policy: "auto", stabilisationHours: 48 });
  const criteria = await callApi<{ criteria: { id: string; key: string; version: number; title: { en: string } }[] }>(
    manager.page,
    "GET",
    `${api}/criteria`,
  );
  const errorRate = criteria.body.criteria.find((criterion) => criterion.key === "rollback.error-rate");
  expect(errorRate).toBeDefined();
  // A short window, judged often, so the breach shows within seconds.
  const tightened = await callApi(manager.page, "PATCH", `${api}/criteria/${errorRate!.id}`, {
    version: errorRate!.version,
    windowSec: 30,
    intervalSec: 5,
  });
  expect(tightened.status).toBe(200);

  await completeGoLiveChecklist(manager.page, api);
  await approveGoNoGo(engineer.page, [manager.page, approver.page], api);

  // Two browsers watch: the manager on the Metrics page, the engineer on Control.
  await manager.page.goto(`/releases/${release.id}/metrics?range=15m`);
  await expect(manager.page.getByRole("heading", { level: 1, name: "Metrics" })).toBeVisible();
  await expect(manager.page.getByTestId("metric-chart-error_rate")).toBeVisible();
  await engineer.page.goto(`/releases/${release.id}/control`);
  await expect(engineer.page.getByTestId("traffic-split")).toBeVisible();

  const started = await callApi(engineer.page, "POST", `${api}/operations`, {
    kind: "cutover",
    idempotencyKey: `metrics-spec-${release.id}`,
    confirmVersion: release.version,
  });
  expect(started.status).toBeLessThan(300);
  await expect.poll(() => greenPercent(engineer.page, api), { timeout: 30_000 }).toBe(50);

  const faulted = await callApi(engineer.page, "PUT", `${api}/simulation/faults`, { environment: "green", errorRate: 8, latencyMs: 0 });
  expect(faulted.status).toBe(200);

  // Both browsers are told, without reloading, which criterion broke.
  for (const page of [manager.page, engineer.page]) {
    const alert = page.getByTestId("guard-alert");
    await expect(alert).toBeVisible({ timeout: 120_000 });
    await expect(alert).toHaveAttribute("data-criterion", "rollback.error-rate");
    await expect(alert).toContainText(errorRate!.title.en);
  }
  await expect.poll(() => greenPercent(engineer.page, api), { timeout: 60_000 }).toBe(0);
  await expect(engineer.page.getByTestId("traffic-split")).toHaveAttribute("data-green", "0");

  // The charts are live: green's error rate arrived over the socket.
  const errorChart = manager.page.getByTestId("metric-chart-error_rate");
  await expect(errorChart.getByRole("row", { name: /Green/ })).toContainText("%");
  await expectAccessible(manager.page);

  // The alert stays until dismissed, then it is gone.
  await engineer.page.getByTestId("guard-alert-dismiss").click();
  await expect(engineer.page.getByTestId("guard-alert")).toBeHidden();

  await manager.page.goto(`/releases/${release.id}/audit?action=guard.breached`);
  const audit = manager.page.getByRole("main");
  await expect(audit).toContainText("Rollback guard breached");
  await expect(audit).toContainText(errorRate!.title.en);

  const healed = await callApi(engineer.page, "PUT", `${api}/simulation/faults`, { environment: "green", errorRate: 0, latencyMs: 0 });
  expect(healed.status).toBe(200);
  for (const session of [manager, approver, engineer]) await session.context.close();
});
