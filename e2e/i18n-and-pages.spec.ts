import { expect, test } from "@playwright/test";
import { expectAccessible, openDemoChecklist, signedInContext } from "./fixtures";

test("a Korean browser gets the Korean UI and the Korean plan, and can switch to English", async ({ browser }) => {
  const { context, page } = await signedInContext(browser, "engineer", "ko-KR");
  await openDemoChecklist(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  await expect(page.getByText("프로덕션 환경 최종 점검에서 발견된 모든 이슈 해결 완료")).toBeVisible();
  await expect(page.getByText("배포 자동화 최종 점검")).toBeVisible();
  await expectAccessible(page);

  await page.getByTestId("locale-switcher").selectOption("en");
  await expect(page.getByText("All issues found in the final production-environment check are resolved")).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("every page passes axe-core in light and dark themes", async ({ browser }) => {
  test.setTimeout(240_000);
  const { context, page } = await signedInContext(browser, "admin");
  await page.goto("/");
  await page.waitForURL(/\/releases\/[0-9a-f-]+$/);
  const release = new URL(page.url()).pathname;
  const pages = [
    release,
    ...["checklist", "control", "metrics", "timeline", "calendar", "resources", "risks", "after-launch", "report", "audit"].map((tab) => `${release}/${tab}`),
    "/admin/users",
    "/settings/tokens",
  ];
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of pages) {
      await page.goto(path);
      await expect(page.getByRole("main")).toBeVisible();
      await expectAccessible(page);
    }
  }
  await context.close();
});

test("an admin changes a user's role on the admin page", async ({ browser }) => {
  const { context, page } = await signedInContext(browser, "admin");
  await page.goto("/admin/users");
  const row = page.getByTestId("user-marketing@demo.launch-control.local");
  await row.getByRole("combobox").selectOption("ENGINEER");
  await expect(row.getByRole("combobox")).toHaveValue("ENGINEER");
  await page.reload();
  await expect(page.getByTestId("user-marketing@demo.launch-control.local").getByRole("combobox")).toHaveValue("ENGINEER");
  await context.close();
});
