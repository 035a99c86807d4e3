// The back office in a real browser: every admin route refuses the logged-out (found on
// disk, so a new one cannot be forgotten), a wrong password is refused, and a merchant
// finds an order, refunds part of it, then the rest, and the sandbox gateway agrees.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";

const root = path.resolve(__dirname, "../..");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** URL of a page or route file: route groups dropped, dynamic segments filled in. */
function urlOf(file: string, base: string): string {
  const rel = path
    .relative(path.join(root, "app"), path.dirname(file))
    .split(path.sep)
    .filter((s) => !/^\(.*\)$/.test(s));
  return "/" + rel.map((s) => (s.startsWith("[") ? "HG-AAAA-AAAA" : s)).join("/") + (base ? `/${base}` : "");
}

const pages = files(path.join(root, "app/admin"))
  .filter((f) => f.endsWith("page.tsx") && !f.includes(`${path.sep}login${path.sep}`))
  .map((f) => urlOf(f, ""));
const apis = files(path.join(root, "app/api/admin"))
  .filter((f) => f.endsWith("route.ts"))
  .map((f) => urlOf(f, ""));

test("every admin page redirects to the login, every admin API answers 401, when logged out", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "once is enough");
  expect(pages).toEqual(expect.arrayContaining(["/admin", "/admin/orders", "/admin/orders/HG-AAAA-AAAA"]));
  expect(apis.length).toBeGreaterThan(0);
  for (const url of pages) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect([303, 307], url).toContain(response.status());
    expect(response.headers().location, url).toMatch(/\/admin\/login$/);
  }
  for (const url of apis) expect((await request.get(url)).status(), url).toBe(401);
  const forged = await request.get("/admin", { maxRedirects: 0, headers: { cookie: "admin_session=eyJ.forged" } });
  expect(forged.headers().location).toMatch(/\/admin\/login$/);
});

test("a wrong password is refused", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/admin\/login$/);
});

test("log in, find an order by email, refund part then the rest; the gateway agrees", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  const email = `refund-${Date.now()}@example.com`;
  const placed = await (
    await request.post("/api/orders", {
      data: { items: [{ slug: "silk-fan", quantity: 1 }], email, wallet: "AlipayHK" },
    })
  ).json();
  await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  await request.get(`/api/scanforpay/return?partnerOrderNo=${placed.partnerOrderNo}`, { maxRedirects: 0 });

  await page.goto("/admin/orders");
  await expect(page).toHaveURL(/\/admin\/login$/);
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("sandbox-admin");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();

  await page.goto("/admin/orders");
  await page.getByLabel("Search").fill(email);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("orders-summary")).toHaveText("1 order · HK$228.00");
  await page.getByRole("link", { name: placed.orderNo }).click();
  await expect(page.getByTestId("admin-order-status")).toHaveText("paid");

  await page.getByLabel(/Refund amount/).fill("100");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refunded" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("admin-order-status")).toHaveText("partially_refunded");
  await expect(page.getByLabel(/Refund amount/)).toHaveValue("128.00");
  await page.getByRole("button", { name: "Refund", exact: true }).click();
  // Nothing is left to refund: the page re-renders without the form.
  await expect(page.getByTestId("admin-order-status")).toHaveText("refunded");
  await page.reload();
  await expect(page.getByTestId("admin-refund")).toHaveCount(2);
  await expect(page.getByRole("button", { name: "Refund", exact: true })).toHaveCount(0);

  const gateway = await (await request.get(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`)).json();
  expect(gateway).toMatchObject({ status: 3, refundedAmount: 22800, state: "refunded" });

  // CSV of the filtered list, then log out.
  const csv = await page.request.get(`/api/admin/orders/export?q=${encodeURIComponent(email)}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain(`${placed.orderNo},`);
  await page.goto("/admin");
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/admin\/login$/);
});
