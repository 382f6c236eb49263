import { defineConfig, devices } from "@playwright/test";

// Runs against the production build, served by server.ts on its own database
// (scripts/test.mjs creates it and passes E2E_DATABASE_URL).
const port = Number(process.env.E2E_PORT ?? 3107);
const databaseUrl = process.env.E2E_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the browser tests with `npm test -- --only e2e`");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: {
    command: "node --import tsx server.ts",
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      DEMO_PASSWORD: process.env.E2E_DEMO_PASSWORD ?? "",
      NEXTAUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "",
      NEXTAUTH_URL: `http://localhost:${port}`,
    },
  },
});
