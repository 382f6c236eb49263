import { expect, test } from "@playwright/test";
import { demoEmail, expectAccessible, signIn } from "./fixtures";

test("a wrong password shows an error and keeps the user on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await expectAccessible(page);
  await page.locator("#sign-in-email").fill(demoEmail("engineer"));
  await page.locator("#sign-in-password").fill("definitely-not-the-password");
  await page.locator("form").getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("sign-in-error")).toContainText("incorrect");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("pages need a session: an anonymous visit is sent to sign-in, and the API answers 401", async ({ page, request }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  const response = await request.get("/api/v1/releases");
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
});

test("signing in lands on the demo release overview with the plan's phases", async ({ page }) => {
  await signIn(page, demoEmail("rm"));
  await expect(page).toHaveURL(/\/releases\/[0-9a-f-]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("v1.0.0");
  await expect(page.getByText("Blue/green deployment").first()).toBeVisible();
  await expectAccessible(page);
});
