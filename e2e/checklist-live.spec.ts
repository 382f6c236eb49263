import { expect, test } from "@playwright/test";
import { expectAccessible, openDemoChecklist, signedInContext } from "./fixtures";

const itemKey = "environment.load-balancer";

test("a tick in one browser appears in another browser without reload, and lands in the audit trail", async ({ browser }) => {
  const engineer = await signedInContext(browser, "engineer");
  const manager = await signedInContext(browser, "rm");
  await openDemoChecklist(engineer.page);
  await openDemoChecklist(manager.page);
  await expect(manager.page.getByTestId("live-indicator")).toHaveAttribute("data-state", "live");

  const engineerRow = engineer.page.getByTestId(`checklist-item-${itemKey}`);
  const managerRow = manager.page.getByTestId(`checklist-item-${itemKey}`);
  await expect(managerRow).toHaveAttribute("data-status", "todo");
  await expectAccessible(engineer.page);

  // The box follows the item's state (set optimistically after the click), so
  // the test waits on the row's status rather than on the click itself.
  await engineerRow.getByRole("checkbox", { name: /^Mark done:/ }).click();
  await expect(engineerRow).toHaveAttribute("data-status", "done");
  // Within a second, by the live stream alone: no navigation happens here.
  await expect(managerRow).toHaveAttribute("data-status", "done", { timeout: 1_000 });

  await manager.page.goto(manager.page.url().replace(/\/checklist.*$/, "/audit"));
  const latest = manager.page.getByTestId("audit-event").first();
  await expect(latest).toContainText("engineer@demo.launch-control.local");
  await expect(latest).toContainText("Load balancer and proxy server settings checked");
  await expect(latest).toContainText(/To do.*Done/);
  await expectAccessible(manager.page);

  await engineer.context.close();
  await manager.context.close();
});

test("when two people edit the same item, the second sees a conflict and the current state", async ({ browser }) => {
  const first = await signedInContext(browser, "engineer");
  const second = await signedInContext(browser, "approver");
  await openDemoChecklist(first.page);
  await openDemoChecklist(second.page);
  const key = "automation.health-checks";

  // The second person opens the editor on the version they see now…
  await second.page.getByTestId(`checklist-item-${key}`).getByRole("button").filter({ hasText: /health-check/i }).first().click();
  const editor = second.page.getByRole("dialog");
  await expect(editor).toBeVisible();
  await editor.getByLabel("Note").fill("my note, written on an old version");

  // …while the first person changes the item. The row shows "done" at once
  // (optimistically); its version changes only when the server has saved it.
  const firstRow = first.page.getByTestId(`checklist-item-${key}`);
  const seenVersion = Number(await firstRow.getAttribute("data-version"));
  await firstRow.getByRole("checkbox", { name: /^Mark done:/ }).click();
  await expect(firstRow).toHaveAttribute("data-status", "done");
  await expect(firstRow).toHaveAttribute("data-version", String(seenVersion + 1));

  await editor.getByRole("button", { name: "Save" }).click();
  await expect(second.page.getByTestId("conflict-message")).toBeVisible();
  await expect(second.page.getByTestId(`checklist-item-${key}`)).toHaveAttribute("data-status", "done");

  await first.context.close();
  await second.context.close();
});

test("a viewer cannot tick: the control is disabled and the server refuses the change", async ({ browser }) => {
  const viewer = await signedInContext(browser, "viewer");
  await openDemoChecklist(viewer.page);
  const row = viewer.page.getByTestId(`checklist-item-issues.code-review`);
  await expect(row.getByRole("checkbox", { name: /^Mark done:/ })).toBeDisabled();
  await expect(viewer.page.getByTestId("read-only-note")).toBeVisible();

  const releaseId = new URL(viewer.page.url()).pathname.split("/")[2];
  const itemId = await viewer.page.evaluate(async (id) => {
    const response = await fetch(`/api/v1/releases/${id}/checklist`);
    const body = (await response.json()) as { sections: { items: { id: string; key: string }[] }[] };
    return body.sections.flatMap((section) => section.items).find((item) => item.key === "issues.code-review")?.id;
  }, releaseId);
  const status = await viewer.page.evaluate(
    async ({ id, item }) =>
      (
        await fetch(`/api/v1/releases/${id}/checklist/items/${item}`, {
          method: "PATCH",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ version: 1, status: "done" }),
        })
      ).status,
    { id: releaseId, item: itemId },
  );
  expect(status).toBe(403);
  await expect(row).toHaveAttribute("data-status", "todo");
  await viewer.context.close();
});
