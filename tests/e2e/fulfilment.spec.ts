// Fulfilment in a real browser: a paid pick-up order is collected from the back office and the
// customer's page follows (ready for pick-up, then collected); a paid delivery order is marked
// shipped with a tracking number from its page and the customer's page shows the tracking
// link; a CSV with one unknown order lists each row's error and ships nothing; the packing slip
// renders and prints without the back office's chrome; a shipping rate is edited.
//
// Orders placed through POST /api/orders are pick-up orders (no address field yet), so the
// delivery tests turn one into a delivery order in the database. That needs a database the test
// may write to beside the server (E2E_DATABASE_URL, PostgreSQL): on the embedded PGlite a second
// connection's queries would interleave with the server's, so there they are skipped (the
// shipped path is covered on PGlite by tests/integration/fulfilment.test.ts).
import pg from "pg";
import { expect, test, type APIRequestContext } from "./fixtures";
import { logInToBackOffice } from "./steps";
import en from "../../messages/en.json";

const databaseUrl = process.env.E2E_DATABASE_URL;

type Placed = { orderNo: string; partnerOrderNo: string; orderUrl: string };

/** An order paid at the gateway and settled by the customer's return: one silk fan, HK$228.00. */
async function paidOrder(request: APIRequestContext, email: string, quantity = 1): Promise<Placed> {
  const response = await request.post("/api/orders", {
    data: { items: [{ slug: "silk-fan", quantity }], email, wallet: "AlipayHK" },
  });
  expect(response.status()).toBe(201);
  const placed = (await response.json()) as Placed;
  await request.post(`/sandbox/scanforpay/control/orders/${placed.partnerOrderNo}`, {
    data: { outcome: "success", notify: "none" },
  });
  await request.get(`/api/scanforpay/return?partnerOrderNo=${placed.partnerOrderNo}`, { maxRedirects: 0 });
  return placed;
}

/** Turns a placed order into a delivery to Hong Kong (what checkout will write once it takes an address). */
async function makeDeliveryOrder(orderNo: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const address = {
      recipient: "Chan Tai Man",
      phoneCode: "+852",
      phone: "9123 4567",
      country: "HK",
      district: "Mong Kok",
      line1: "Flat 5A, 12 Argyle Street",
    };
    const method = { id: "e2e", code: "e2e-courier", name: "Courier", names: {}, zone: "hk" };
    const { rowCount } = await client.query(
      `UPDATE "Order" SET "delivery" = 'ship', "shippingAddress" = $2::jsonb, "shippingMethod" = $3::jsonb WHERE "orderNo" = $1`,
      [orderNo, JSON.stringify(address), JSON.stringify(method)],
    );
    expect(rowCount).toBe(1);
  } finally {
    await client.end();
  }
}

const stamp = () => `${Date.now()}-${Math.random().toString(36).slice(2, 6)}`;

test.describe("fulfilment", () => {
  test.beforeEach(({}, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "the back office is tested on desktop");
  });

  test("a pick-up order: waiting in the queue, collected from its page; the customer's page follows", async ({
    page,
    request,
  }) => {
    const placed = await paidOrder(request, `pickup-${stamp()}@example.com`);
    const customer = await page.context().newPage();
    await customer.goto(placed.orderUrl);
    const panel = customer.getByTestId("order-fulfilment");
    await expect(panel).toHaveAttribute("data-stage", "ready_for_pickup");
    await expect(panel.getByRole("heading", { name: en.fulfilment.ready_for_pickup.title })).toBeVisible();
    await expect(panel).toContainText(placed.orderNo);

    await logInToBackOffice(page);
    await page.getByRole("link", { name: "Fulfilment" }).click();
    await expect(page.getByRole("heading", { name: "Fulfilment", level: 1 })).toBeVisible();
    const row = page.getByTestId("queue-collect").filter({ hasText: placed.orderNo });
    await expect(row).toHaveCount(1);
    await row.getByRole("link", { name: placed.orderNo }).click();

    const fulfilment = page.getByTestId("admin-fulfilment");
    await expect(fulfilment).toContainText("Pick-up in store");
    await expect(fulfilment.getByRole("button", { name: "Mark shipped" })).toHaveCount(0);
    await fulfilment.getByRole("button", { name: "Mark collected" }).click();
    // The form goes once its move is done; the panel says where the order is.
    await expect(fulfilment).toHaveAttribute("data-fulfilment", "collected");
    await page.reload();
    await expect(page.getByTestId("admin-fulfilment")).toHaveAttribute("data-fulfilment", "collected");
    await expect(page.getByTestId("admin-fulfilment-timeline")).toContainText("Marked collected");
    await expect(page.getByTestId("admin-fulfilment-timeline")).toContainText("admin@example.com");
    await expect(page.getByRole("button", { name: "Mark collected" })).toHaveCount(0);

    await customer.reload();
    await expect(panel).toHaveAttribute("data-stage", "collected");
    await expect(panel.getByRole("heading", { name: en.fulfilment.collected.title })).toBeVisible();
    await customer.close();
  });

  test("a CSV naming an unknown order lists each row's error and ships nothing", async ({ page, request }) => {
    const pickup = await paidOrder(request, `csv-pickup-${stamp()}@example.com`);
    const delivery = databaseUrl ? await paidOrder(request, `csv-ship-${stamp()}@example.com`) : null;
    if (delivery) await makeDeliveryOrder(delivery.orderNo);
    await logInToBackOffice(page);
    await page.goto("/admin/fulfilment");
    const lines = [
      "order number,carrier,tracking number",
      ...(delivery ? [`${delivery.orderNo},SF Express,SF1234567890`] : []),
      "HG-ZZZZ-ZZZZ,SF Express,SF0000000001",
      `${pickup.orderNo},SF Express,SF0000000002`,
      `${pickup.orderNo},SF Express,bad/number`,
    ];
    await page.getByLabel("Paste the CSV").fill(lines.join("\n"));
    await page.getByRole("button", { name: "Mark all shipped" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "so nothing was marked shipped" })).toContainText(
      `3 of ${delivery ? 4 : 3} rows cannot be applied`,
    );
    const errors = page.getByTestId("bulk-ship-error");
    await expect(errors).toHaveCount(3);
    const first = delivery ? 3 : 2;
    await expect(errors.nth(0)).toContainText(`${first}HG-ZZZZ-ZZZZNo order HG-ZZZZ-ZZZZ.`);
    await expect(errors.nth(1)).toContainText("This is a pick-up order: mark it collected instead.");
    await expect(errors.nth(2)).toContainText(`Order ${pickup.orderNo} is also on line ${first + 1}.`);
    await expect(errors.nth(2)).toContainText("The tracking number has letters, digits, spaces and - only.");
    // What was pasted stays, to be corrected.
    await expect(page.getByLabel("Paste the CSV")).toHaveValue(lines.join("\n"));
    if (delivery) {
      await page.goto(`/admin/orders/${delivery.orderNo}`);
      await expect(page.getByTestId("admin-fulfilment")).toHaveAttribute("data-fulfilment", "unfulfilled");
    }
  });

  test("the packing slip shows the order's lines and prints without the back office's chrome", async ({
    page,
    request,
  }) => {
    const placed = await paidOrder(request, `slip-${stamp()}@example.com`, 3);
    await logInToBackOffice(page);
    await page.goto(`/admin/orders/${placed.orderNo}`);
    await page.getByRole("link", { name: "Packing slip" }).click();
    await expect(page.getByRole("heading", { name: "Packing slip" })).toBeVisible();
    await expect(page.getByTestId("slip-order-no")).toHaveText(placed.orderNo);
    await expect(page.getByTestId("slip-line")).toHaveCount(1);
    await expect(page.getByTestId("slip-line")).toContainText("3");
    await expect(page.getByTestId("slip-line")).toContainText("silk-fan");
    await expect(page.getByText("Pick-up in store")).toBeVisible();
    await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Dashboard" })).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("link", { name: "Dashboard" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
    await expect(page.getByTestId("slip-order-no")).toBeVisible();
    const colours = await page.evaluate(() => {
      const style = getComputedStyle(document.body);
      return { color: style.color, background: style.backgroundColor };
    });
    expect(colours).toEqual({ color: "rgb(0, 0, 0)", background: "rgb(255, 255, 255)" });
    // Junk in the URL is a 404, not an error.
    expect((await page.request.get("/admin/orders/HG-ZZZZ-ZZZZ/packing-slip")).status()).toBe(404);
    expect((await page.request.get("/admin/orders/%3Cscript%3E/packing-slip")).status()).toBe(404);
  });

  test("a shipping method is created, a bad rate refused with its field's message, a rate edited", async ({ page }) => {
    const code = `e2e-${stamp()}`;
    await logInToBackOffice(page);
    await page.getByRole("link", { name: "Shipping" }).click();
    await expect(page.getByRole("heading", { name: "Shipping methods" })).toBeVisible();
    const create = page.getByRole("form", { name: "New shipping method" });
    await create.getByLabel("Code").fill(code);
    await create.getByLabel("Name (English)").fill(`Courier ${code}`);
    await create.getByLabel("Name (zh-HK)").fill("速遞");
    // Not offered at checkout: the shop's other specs count the methods a Hong Kong address gets.
    await create.getByLabel("Offered at checkout").uncheck();
    await create.getByLabel("Hong Kong: flat rate").fill("35");
    await create.getByLabel("Hong Kong: free when items reach").fill("500");
    await create.getByLabel("Mainland China: flat rate").fill("12.345");
    await create.getByRole("button", { name: "Add method" }).click();
    await expect(create.getByLabel("Mainland China: flat rate")).toHaveAttribute("aria-invalid", "true");
    await expect(create.getByText("A number with at most 2 decimals, e.g. 35.00.")).toBeVisible();
    await expect(page.getByText(`Courier ${code}`)).toHaveCount(0);
    await expect(create.getByLabel("Code")).toHaveValue(code);
    await create.getByLabel("Mainland China: flat rate").fill("60");
    await create.getByRole("button", { name: "Add method" }).click();
    await expect(create.getByText(`Created “Courier ${code}”.`)).toBeVisible();

    const edit = page.getByRole("form", { name: `Edit Courier ${code}` });
    await expect(edit.getByLabel("Hong Kong: flat rate")).toHaveValue("35.00");
    await expect(edit.getByLabel("Mainland China: flat rate")).toHaveValue("60.00");
    await edit.getByLabel("Hong Kong: flat rate").fill("42.50");
    await edit.getByLabel("Mainland China: flat rate").fill("");
    await edit.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(`Saved “Courier ${code}”.`)).toBeVisible();
    await page.reload();
    const saved = page.getByRole("form", { name: `Edit Courier ${code}` });
    await expect(saved.getByLabel("Hong Kong: flat rate")).toHaveValue("42.50");
    await expect(saved.getByLabel("Hong Kong: free when items reach")).toHaveValue("500.00");
    await expect(saved.getByLabel("Mainland China: flat rate")).toHaveValue("");
    await expect(saved.getByLabel("Name (zh-HK)")).toHaveValue("速遞");
    await expect(saved.getByLabel("Offered at checkout")).not.toBeChecked();
  });

  test("a delivery order is marked shipped from its page; the customer's page shows the tracking", async ({
    page,
    request,
  }) => {
    test.skip(!databaseUrl, "needs E2E_DATABASE_URL to turn a placed order into a delivery order (see the top)");
    const placed = await paidOrder(request, `ship-${stamp()}@example.com`);
    await makeDeliveryOrder(placed.orderNo);
    const customer = await page.context().newPage();
    await customer.goto(placed.orderUrl);
    const panel = customer.getByTestId("order-fulfilment");
    await expect(panel).toHaveAttribute("data-stage", "preparing");

    await logInToBackOffice(page);
    await page.goto("/admin/fulfilment");
    await page
      .getByTestId("queue-ship")
      .filter({ hasText: placed.orderNo })
      .getByRole("link", { name: placed.orderNo })
      .click();
    const fulfilment = page.getByTestId("admin-fulfilment");
    await expect(page.getByTestId("admin-shipping-address")).toContainText("Flat 5A, 12 Argyle Street");
    const form = fulfilment.getByRole("form", { name: "Mark shipped" });
    await form.getByLabel("Carrier").fill("SF Express");
    await form.getByLabel("Tracking number").fill("SF1234567890");
    await form.getByLabel(/Tracking link/).fill("http://not-secure.example/track");
    await form.getByRole("button", { name: "Mark shipped" }).click();
    await expect(form.getByText("The tracking link must be a full https:// address.")).toBeVisible();
    await form.getByLabel(/Tracking link/).fill("https://www.sf-express.com/track?no=SF1234567890");
    await form.getByRole("button", { name: "Mark shipped" }).click();
    await expect(page.getByTestId("admin-fulfilment")).toHaveAttribute("data-fulfilment", "shipped");
    await expect(page.getByTestId("admin-tracking")).toContainText("SF Express · SF1234567890");
    await expect(page.getByTestId("admin-fulfilment-timeline")).toContainText(
      "Marked shipped · SF Express SF1234567890",
    );

    await customer.reload();
    await expect(panel).toHaveAttribute("data-stage", "shipped");
    await expect(panel).toContainText("by SF Express");
    await expect(customer.getByTestId("order-tracking-number")).toHaveText("SF1234567890");
    const link = customer.getByTestId("order-tracking-link");
    await expect(link).toHaveAttribute("href", "https://www.sf-express.com/track?no=SF1234567890");
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("rel", /noopener/);
    await customer.close();

    await page.getByRole("button", { name: "Mark delivered" }).click();
    await expect(page.getByTestId("admin-fulfilment")).toHaveAttribute("data-fulfilment", "delivered");
  });
});
