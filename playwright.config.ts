import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// `npm run test:e2e` builds first, then this starts `next start` on a fresh database:
// a throwaway in-memory PGlite, or E2E_DATABASE_URL, a real PostgreSQL database that the
// caller has migrated and seeded (CI's PostgreSQL run). A DATABASE_URL in your shell or
// .env.local is deliberately not used: the tests never touch your development data.
// E2E_SERVERLESS=1 serves the build in serverless mode (no in-process timers or workers),
// as CI's serverless simulation does behind PgBouncer.
const PORT = Number(process.env.E2E_PORT ?? 3210);
/** Loopback port of the embedded database the server under test runs on (tests/e2e/global-setup.ts reaches it too). */
export const E2E_PGLITE_PORT = process.env.E2E_PGLITE_PORT ?? "51231";
const baseURL = `http://127.0.0.1:${PORT}`;

// Debian's chromium where it is installed (CI, these machines: Playwright's own browser
// download is not reachable); elsewhere Playwright's bundled browser.
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const launchOptions = {
  ...(chromiumPath ? { executablePath: chromiumPath } : {}),
  args: [
    "--no-sandbox", // CI runs as root
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking", // no outbound network here: no background calls
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

/** WeChat's in-app browser on Android, as it identifies itself. */
export const WECHAT_ANDROID_UA =
  "Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300333 MMWEBSDK/20241103 MMWEBID/2481 MicroMessenger/8.0.54.2760(0x28003637) WeChat/arm64 Weixin NetType/WIFI Language/zh_HK ABI/arm64";

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  // Adds the products only the tests use (a sold-out one, …), once the server is up.
  globalSetup: "./tests/e2e/global-setup.ts",
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".test-results/e2e.json" }]] : "list",
  use: { baseURL, trace: "retain-on-failure", launchOptions },
  projects: [
    {
      name: "desktop",
      use: { ...devices["Desktop Chrome"], locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9" } },
    },
    {
      name: "wechat-phone",
      use: {
        ...devices["Pixel 7"],
        userAgent: WECHAT_ANDROID_UA,
        locale: "zh-HK",
        extraHTTPHeaders: { "Accept-Language": "zh-HK,zh;q=0.9" },
      },
    },
  ],
  webServer: {
    command: `node scripts/with-dev-db.mjs --setup next start -p ${PORT} -H 127.0.0.1`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      // payUrls and the client's sandbox base must be the address the browser uses.
      APP_URL: baseURL,
      SANDBOX_NOTIFY_DELAY_SCALE: "0.001",
      // Reconciliation's backoff in milliseconds instead of minutes: a cron call settles at once.
      RECONCILE_DELAY_SCALE: "0.001",
      SERVERLESS: process.env.E2E_SERVERLESS === "1" ? "1" : "",
      PGLITE_DIR: "memory",
      PGLITE_PORT: E2E_PGLITE_PORT,
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
