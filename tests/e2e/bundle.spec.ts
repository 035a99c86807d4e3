// Secrets stay on the server: nothing the browser can download names or contains them.
// Reads the production build that `npm run test:e2e` has just made.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const staticDir = path.resolve(__dirname, "../../.next/static");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

test("client bundles carry no secret and no server-only configuration", ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "the build is the same for every project");
  const scripts = files(staticDir).filter((f) => f.endsWith(".js"));
  expect(scripts.length).toBeGreaterThan(0);
  const forbidden = ["SCANFORPAY_SIGN_KEY", "SESSION_SECRET", "sandbox-only-secret", "DATABASE_URL", "PrismaClient"];
  for (const file of scripts) {
    const text = readFileSync(file, "utf8");
    for (const needle of forbidden)
      expect(text.includes(needle), `${needle} in ${path.relative(staticDir, file)}`).toBe(false);
  }
});
