import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type BrowserContext, type Page } from "@playwright/test";

export const demoPassword = (): string => {
  const password = process.env.E2E_DEMO_PASSWORD;
  if (!password) throw new Error("E2E_DEMO_PASSWORD is not set");
  return password;
};

export const demoEmail = (who: "admin" | "rm" | "approver" | "engineer" | "marketing" | "viewer") =>
  `${who}@demo.launch-control.local`;

export async function signIn(page: Page, email: string, password = demoPassword()): Promise<void> {
  await page.goto("/sign-in");
  await page.locator("#sign-in-email").fill(email);
  await page.locator("#sign-in-password").fill(password);
  await page.locator("form").getByRole("button", { name: /^(Sign in|로그인)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
}

export async function signedInContext(
  browser: Browser,
  who: Parameters<typeof demoEmail>[0],
  locale = "en-US",
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale, timezoneId: "Europe/Berlin" });
  const page = await context.newPage();
  await signIn(page, demoEmail(who));
  return { context, page };
}

// Fails the test on any serious or critical axe-core violation of the page.
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`),
  ).toEqual([]);
}

export async function openDemoChecklist(page: Page): Promise<void> {
  await page.goto("/");
  await page.waitForURL(/\/releases\/[0-9a-f-]+/);
  const releasePath = new URL(page.url()).pathname.split("/").slice(0, 3).join("/");
  await page.goto(`${releasePath}/checklist`);
}
