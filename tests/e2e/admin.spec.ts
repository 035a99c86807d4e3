// The back office in a real browser: every admin route refuses the logged-out (found on
// disk, so a new one cannot be forgotten), a wrong password is refused (the email kept), and
// a merchant finds an order, refunds part of it, then the rest, each through a confirmation,
// and the sandbox gateway agrees. Statuses, wallets and flows show as labels, times in
// Hong Kong time, money formatted; a refused refund says how much is left, in money.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "./fixtures";
import { logInToBackOffice } from "./steps";
import en from "../../messages/en.json";

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

test.describe("a wrong password", () => {
  // An address of its own: these failures count against no other test's logins.
  test.use({ extraHTTPHeaders: { "Accept-Language": "en-GB,en;q=0.9", "x-real-ip": "198.51.100.13" } });

  test("is refused; the email stays filled in, the password does not", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "desktop");
    await page.goto("/admin/login");
    await page.getByLabel("Email").fill("admin@example.com");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
    await expect(page).toHaveURL(/\/admin\/login$/);
    await expect(page.getByLabel("Email")).toHaveValue("admin@example.com");
    await expect(page.getByLabel("Password")).toHaveValue("");
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });
    test("is refused; the email stays filled in", async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== "desktop", "desktop");
      await page.goto("/admin/login");
      await page.getByLabel("Email").fill("nojs-admin@example.com");
      await page.getByLabel("Password").fill("not-the-password");
      await page.getByRole("button", { name: "Log in" }).click();
      await expect(page.getByText("Wrong email or password.")).toBeVisible();
      await expect(page.getByLabel("Email")).toHaveValue("nojs-admin@example.com");
    });
  });
});

/** An order paid at the gateway and settled by the customer's return: one silk fan, HK$228.00. */
async function paidOrder(request: APIRequestContext, email: string) {
  const placed = (await (
    await request.post("/api/orders", {
      data: { items: [{ slug: "silk-fan", quantity: 1 }], email, wallet: "AlipayHK" },
    })
  ).json()) as { orderNo: string; partnerOrderNo: string };
  await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  await request.get(`/api/scanforpay/return?partnerOrderNo=${placed.partnerOrderNo}`, { maxRedirects: 0 });
  return placed;
}

const gatewaySays = async (request: APIRequestContext, partnerOrderNo: string) =>
  (await (await request.get(`/sandbox/scanforpay/control/orders/${partnerOrderNo}`)).json()) as {
    status: number;
    refundedAmount: number;
  };

/** Fills the amount and asks; answers the confirmation step. */
async function askRefund(page: Page, amount: string) {
  await page.getByLabel(/Refund amount/).fill(amount);
  await page.getByRole("button", { name: "Refund…" }).click();
  return page.getByTestId("refund-confirm");
}

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
  await expect(page.getByTestId("admin-order-status")).toHaveText(en.status.paid);
  await expect(page.getByTestId("admin-order-status")).toHaveAttribute("data-status", "paid");

  // The amount starts empty; the first click only asks, restating the amount in money.
  await expect(page.getByLabel(/Refund amount/)).toHaveValue("");
  await expect(page.getByText("up to HK$228.00")).toBeVisible();
  const confirm = await askRefund(page, "100");
  await expect(confirm).toContainText(
    "Refund HK$100.00 of HK$228.00 to the customer's AlipayHK? This cannot be undone.",
  );
  await expect(confirm).toBeFocused();
  expect((await gatewaySays(request, placed.partnerOrderNo)).refundedAmount).toBe(0);
  await confirm.getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refunded HK$100.00" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("admin-order-status")).toHaveText(en.status.partially_refunded);
  await expect(page.getByTestId("admin-order-status")).toHaveAttribute("data-status", "partially_refunded");
  await expect(page.getByTestId("admin-refund")).toContainText(en.refundStatus.succeeded);
  // The customer's order page says how much came back.
  const customer = await page.context().newPage();
  await customer.goto(placed.orderUrl);
  await expect(customer.getByRole("heading", { name: en.order.status.partially_refunded })).toBeVisible();
  await expect(
    customer.getByText(en.order.statusText.partially_refunded.replace("{refunded}", "HK$100.00")),
  ).toBeVisible();
  await customer.close();
  // "Refund all" fills in what is left; it still asks first.
  await expect(page.getByLabel(/Refund amount/)).toHaveValue("");
  await page.getByRole("button", { name: "Refund all" }).click();
  await expect(page.getByLabel(/Refund amount/)).toHaveValue("128.00");
  await page.getByRole("button", { name: "Refund…" }).click();
  await expect(page.getByTestId("refund-confirm")).toContainText("Refund HK$128.00 of HK$128.00");
  await page.getByRole("button", { name: "Confirm refund" }).click();
  // Nothing is left to refund: the page re-renders without the form.
  await expect(page.getByTestId("admin-order-status")).toHaveText(en.status.refunded);
  await page.reload();
  await expect(page.getByTestId("admin-refund")).toHaveCount(2);
  await expect(page.getByRole("button", { name: /^Refund/ })).toHaveCount(0);

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

test("cancelling the confirmation sends nothing; the amount typed stays", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  const placed = await paidOrder(request, `cancel-${Date.now()}@example.com`);
  await logInToBackOffice(page);
  await page.goto(`/admin/orders/${placed.orderNo}`);
  const confirm = await askRefund(page, "50");
  await expect(confirm).toContainText("Refund HK$50.00 of HK$228.00");
  const posts: string[] = [];
  page.on("request", (r) => void (r.method() === "POST" && posts.push(r.url())));
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("refund-confirm")).toHaveCount(0);
  await expect(page.getByLabel(/Refund amount/)).toHaveValue("50");
  await expect(page.getByLabel(/Refund amount/)).toBeFocused();
  expect(posts).toEqual([]);
  await page.reload();
  await expect(page.getByTestId("admin-refund")).toHaveCount(0);
  await expect(page.getByTestId("admin-order-status")).toHaveAttribute("data-status", "paid");
  expect(await gatewaySays(request, placed.partnerOrderNo)).toMatchObject({ status: 1, refundedAmount: 0 });
});

test("a refund refused for its amount says what is left in money, at either step", async ({
  page,
  context,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  const placed = await paidOrder(request, `refused-${Date.now()}@example.com`);
  await logInToBackOffice(page);
  await page.goto(`/admin/orders/${placed.orderNo}`);
  const other = await context.newPage(); // a second tab, opened before the first refunds
  await other.goto(`/admin/orders/${placed.orderNo}`);
  await expect(await askRefund(other, "100")).toContainText("Refund HK$100.00 of HK$228.00");

  await (await askRefund(page, "200")).getByRole("button", { name: "Confirm refund" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Refunded HK$200.00" })).toBeVisible();

  // The second tab's question was asked before: the server checks the amount again on Confirm.
  await other.getByRole("button", { name: "Confirm refund" }).click();
  await expect(other.getByTestId("admin-refund-form").getByRole("alert")).toHaveText(
    "Not refunded: only HK$28.00 can still be refunded.",
  );
  // Asking again from the stale form (it still says up to HK$228.00) is refused at the first step.
  await askRefund(other, "100");
  await expect(other.getByTestId("admin-refund-form").getByRole("alert")).toHaveText(
    "Not refunded: only HK$28.00 can still be refunded.",
  );
  await expect(other.getByTestId("refund-confirm")).toHaveCount(0);
  // Not an amount: refused before any question.
  await askRefund(other, "12.345");
  await expect(other.getByTestId("admin-refund-form").getByRole("alert")).toHaveText(
    '"12.345" is not an amount in HKD: type it like 12.50.',
  );
  for (const text of await other.getByTestId("admin-refund-form").getByRole("alert").allTextContents())
    expect(text).not.toMatch(/minor units/);
  expect((await gatewaySays(request, placed.partnerOrderNo)).refundedAmount).toBe(20000);
});

test.describe("refunds without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test("ask, then confirm; refund all asks about everything left", async ({ page, request }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "desktop");
    const placed = await paidOrder(request, `nojs-refund-${Date.now()}@example.com`);
    await logInToBackOffice(page);
    await page.goto(`/admin/orders/${placed.orderNo}`);
    const confirm = await askRefund(page, "28");
    await expect(confirm).toContainText("Refund HK$28.00 of HK$228.00 to the customer's AlipayHK?");
    expect((await gatewaySays(request, placed.partnerOrderNo)).refundedAmount).toBe(0);
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByTestId("refund-confirm")).toHaveCount(0);
    expect((await gatewaySays(request, placed.partnerOrderNo)).refundedAmount).toBe(0);
    await (await askRefund(page, "28")).getByRole("button", { name: "Confirm refund" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Refunded HK$28.00" })).toBeVisible();
    await page.goto(`/admin/orders/${placed.orderNo}`);
    await page.getByRole("button", { name: "Refund all" }).click();
    await expect(page.getByTestId("refund-confirm")).toContainText("Refund HK$200.00 of HK$200.00");
    await page.getByRole("button", { name: "Confirm refund" }).click();
    await expect(page.getByTestId("admin-order-status")).toHaveAttribute("data-status", "refunded");
    expect(await gatewaySays(request, placed.partnerOrderNo)).toMatchObject({ status: 3, refundedAmount: 22800 });
  });
});

test("labels, not raw names; Hong Kong times; the filter keeps raw values in the URL", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  const email = `labels-${Date.now()}@example.com`;
  const before = Date.now();
  const placed = await paidOrder(request, email);
  const after = Date.now();
  await logInToBackOffice(page);
  await page.goto(`/admin/orders?q=${encodeURIComponent(email)}`);
  await page.getByLabel("Status").selectOption({ label: en.status.paid });
  await expect(page.getByLabel("Wallet").locator("option[value=Wechat]")).toHaveText(en.wallet.Wechat);
  await expect(page.getByLabel("Flow").locator("option[value=jsapi]")).toHaveText(en.admin.flow.jsapi);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/[?&]status=paid(&|$)/);
  const row = page.getByRole("row").filter({ hasText: placed.orderNo });
  await expect(row).toContainText(en.status.paid);
  // The shop's format in Hong Kong time (the minute the order was placed in), labelled HKT.
  const hk = (ms: number) =>
    `${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "Asia/Hong_Kong" }).format(ms)} HKT`;
  const created = (await row.getByTestId("admin-order-created").textContent())!;
  expect([hk(before), hk(after)]).toContain(created);

  await row.getByRole("link", { name: placed.orderNo }).click();
  const payment = page.getByTestId("admin-payment");
  await expect(payment.getByTestId("admin-payment-method")).toHaveText(`AlipayHK · ${en.admin.flow.website}`);
  await expect(payment.getByTestId("admin-payment-status")).toHaveText(en.status.paid);
  await payment.getByText(/^Timeline/).click();
  await expect(payment.getByText(en.admin.eventKind.create).first()).toBeVisible();
  const main = (await page.getByRole("main").innerText()).replace(/raw message[\s\S]*?(?=→|←|$)/g, "");
  expect(main).not.toMatch(/\bUTC\b|partially_refunded|\bwebsite\b|browser_return/);
  expect(main).toMatch(/HKT/);

  // The CSV stays machine-readable: raw values and ISO times.
  const csv = await (await page.request.get(`/api/admin/orders/export?q=${encodeURIComponent(email)}`)).text();
  expect(csv).toMatch(new RegExp(`${placed.orderNo},\\d{4}-\\d{2}-\\d{2}T[\\d:.]+Z,paid,`));
});

test("re-query answers in words, not a gateway code", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  const placed = (await (
    await request.post("/api/orders", {
      data: { items: [{ slug: "silk-fan", quantity: 1 }], email: "requery-words@example.com", wallet: "AlipayHK" },
    })
  ).json()) as { orderNo: string; partnerOrderNo: string };
  await logInToBackOffice(page);
  await page.goto(`/admin/orders/${placed.orderNo}`);
  await page.getByRole("button", { name: "Re-query" }).click();
  await expect(page.getByRole("status").filter({ hasText: "No change" })).toHaveText(
    "No change: ScanForPay is still waiting for the customer to pay.",
  );
  await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  await page.getByRole("button", { name: "Re-query" }).click();
  // This query settles it, or the background pass just did: either answer is in words.
  await expect(page.getByRole("status").filter({ hasText: /Updated|No change/ })).toHaveText(
    new RegExp(
      `^(Updated: the payment is now ${en.status.paid}|No change: ScanForPay reports the payment as paid)\\.$`,
    ),
  );
});

test("the revenue chart's dates stand inside it", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  await logInToBackOffice(page);
  const chart = page.getByRole("img", { name: /Paid revenue per day/ });
  const box = (await chart.boundingBox())!;
  const labels = chart.locator("text");
  expect(await labels.count()).toBeGreaterThan(2);
  for (const label of await labels.all()) {
    const b = (await label.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(box.x);
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
  }
});
