// Every end-to-end test runs with this: any Content-Security-Policy violation on any page
// it opens (the shop, the back office, the sandbox's hosted pages) fails the test.
import { expect, test as base, type BrowserContext } from "@playwright/test";

export * from "@playwright/test";

async function watchCsp(context: BrowserContext, violations: string[]) {
  await context.exposeBinding(
    "__reportCspViolation",
    ({ page }, text: string) => void violations.push(`${page.url()}: ${text}`),
  );
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __reportCspViolation(text: string): void }).__reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`,
      );
    });
  });
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text()))
      violations.push(`${message.page()?.url() ?? "?"}: ${message.text()}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await watchCsp(context, violations);
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
