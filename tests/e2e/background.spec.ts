// Background work driven by requests, as on Vercel: a payment whose notify is lost settles
// on a cron call; a payment made twice is refunded by one; the merchant opening an order
// re-queries it. These pass on a long-running `next start` and in CI's serverless
// simulation (SERVERLESS=1 behind PgBouncer in transaction mode, no in-process timers),
// where nothing else could settle them. One at a time, and the only tests that call the
// cron route: no other test's pass settles what these watch.
import { expect, test, type APIRequestContext } from "./fixtures";
import en from "../../messages/en.json";

const serverless = process.env.E2E_SERVERLESS === "1";

test.describe.configure({ mode: "serial" });

type Placed = { orderNo: string; partnerOrderNo: string; orderUrl: string; statusUrl: string };

async function place(request: APIRequestContext, wallet: "AlipayHK" | "Alipay", slug = "silk-fan"): Promise<Placed> {
  const response = await request.post("/api/orders", {
    data: { items: [{ slug, quantity: 1 }], email: "cron@example.com", wallet },
  });
  expect(response.status()).toBe(201);
  return response.json() as Promise<Placed>;
}

/** The order page as rendered from the database: it never asks the gateway itself. */
async function pageStatus(request: APIRequestContext, orderUrl: string): Promise<string | undefined> {
  const html = await (await request.get(orderUrl)).text();
  return /data-testid="order-status" data-status="([a-z_]+)"/.exec(html)?.[1];
}

const gatewaySays = async (request: APIRequestContext, partnerOrderNo: string) =>
  (await (await request.get(`/sandbox/scanforpay/control/orders/${partnerOrderNo}`)).json()) as {
    status: number;
    state: string;
    refundedAmount: number;
  };

test("a payment whose notify is lost: still pending until the cron route runs, then paid", async ({
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "API only");
  const placed = await place(request, "AlipayHK");
  const paid = await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  expect(paid.status()).toBe(200);
  expect(await pageStatus(request, placed.orderUrl)).toBe("pending");
  if (serverless) {
    // No timer runs between requests: nothing settles it by itself.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await pageStatus(request, placed.orderUrl)).toBe("pending");
  }
  await expect
    .poll(async () => {
      const cron = await request.get("/api/cron/reconcile");
      expect(cron.status()).toBe(200);
      const report = (await cron.json()) as { queried: number; outOfTime: boolean };
      expect(report.outOfTime).toBe(false);
      return pageStatus(request, placed.orderUrl);
    })
    .toBe("paid");
});

test("a payment made twice: the second is refunded through the gateway by reconciliation", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop flow");
  // First attempt: placed headlessly and left on the gateway's page.
  const placed = await place(request, "AlipayHK", "harbour-tote");
  // Second attempt from the order page: paid with Alipay in the browser.
  await page.goto(placed.orderUrl);
  await page.getByRole("radio", { name: /^Alipay\b/ }).check();
  await page.getByRole("button", { name: en.checkout.pay.replace("{amount}", "HK$198.00") }).click();
  await expect(page.getByRole("heading", { name: "Pay with Alipay" })).toBeVisible();
  await page.getByRole("button", { name: "Pay HK$198.00" }).click();
  await expect(page.getByTestId("order-status")).toHaveAttribute("data-status", "paid", { timeout: 15_000 });
  // Then the first one is paid too (a second phone, say), and its notify is lost.
  await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  expect((await gatewaySays(request, placed.partnerOrderNo)).state).toBe("paid");
  await expect
    .poll(async () => {
      await request.get("/api/cron/reconcile");
      return (await gatewaySays(request, placed.partnerOrderNo)).state;
    })
    .toBe("refunded");
  expect((await gatewaySays(request, placed.partnerOrderNo)).refundedAmount).toBe(19800);
  expect(await pageStatus(request, placed.orderUrl)).toBe("paid");
});

test("the sandbox's notify cron answers a bounded pass's report", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "API only");
  const cron = await request.get("/api/cron/sandbox-notify");
  expect(cron.status()).toBe(200);
  expect(await cron.json()).toMatchObject({ attempts: expect.any(Number), left: expect.any(Number), outOfTime: false });
});

test("the merchant opening an unpaid order re-queries it; the dashboard says when reconciliation last ran", async ({
  page,
  request,
}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "desktop");
  // Paid at the gateway, its notify lost, the customer never back: only the merchant looks.
  const placed = await (
    await request.post("/api/orders", {
      data: { items: [{ slug: "silk-fan", quantity: 1 }], email: "requery@example.com", wallet: "AlipayHK" },
    })
  ).json();
  await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("sandbox-admin");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await page.goto(`/admin/orders/${placed.orderNo}`);
  await expect(page.getByTestId("admin-order-status")).toHaveText(en.status.paid);
  await expect(page.getByTestId("admin-order-status")).toHaveAttribute("data-status", "paid");

  expect((await request.get("/api/cron/reconcile")).status()).toBe(200);
  await page.goto("/admin");
  const status = page.getByTestId("reconcile-status");
  await expect(status.getByRole("heading", { name: "Reconciliation" })).toBeVisible();
  await expect(status).toHaveAttribute("data-state", "ok");
  await expect(page.getByTestId("reconcile-last-run")).toContainText("less than a minute ago");
});
