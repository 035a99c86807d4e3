// The catalogue as a customer finds it: categories, search, sorting and what is left in stock.
import { expect, test, type Page } from "./fixtures";
import { pickUpInStore } from "./steps";
import { lastTwo, SOLD_OUT } from "./test-products";
import en from "../../messages/en.json";
import zhHK from "../../messages/zh-HK.json";

function wordsFor(locale: string | undefined) {
  const zh = locale === "zh-HK";
  const name = (english: string, chinese: string) => (zh ? chinese : english);
  return {
    m: zh ? zhHK : en,
    zh,
    tea: name("Tea", "茶品"),
    tableware: name("Tableware", "餐具"),
    jasmine: name("Jasmine Pearl Green Tea", "茉莉龍珠綠茶"),
    celadon: name("Celadon Tea Cup", "青瓷茶杯"),
    chopsticks: name("Bamboo Chopstick Set", "竹筷套裝"),
    steamer: name("Dim Sum Bamboo Steamer", "點心竹蒸籠"),
    mooncake: name("Wooden Mooncake Mould", "木製月餅模"),
    lantern: name("Red Paper Lantern", "紅紙燈籠"),
    soldOut: name(SOLD_OUT.name, SOLD_OUT.translations["zh-HK"].name),
  };
}

const grid = (page: Page) => page.getByTestId("product-grid");
const gridNames = (page: Page) => grid(page).getByRole("heading", { level: 3 });

async function search(page: Page, label: string, query: string) {
  const box = page.getByRole("searchbox", { name: label });
  await box.fill(query);
  await box.press("Enter");
}

test("a category page lists its products and is marked in the nav; an unknown category is a 404", async ({
  page,
}, testInfo) => {
  const w = wordsFor(testInfo.project.use.locale);
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: w.m.nav.categories });
  await expect(nav.getByRole("link", { name: w.m.categories.all })).toHaveAttribute("aria-current", "page");
  await nav.getByRole("link", { name: w.tea, exact: true }).click();

  await expect(page).toHaveURL(/\/categories\/tea$/);
  await expect(page).toHaveTitle(new RegExp(`^${w.tea} · `));
  await expect(page.getByRole("heading", { level: 1, name: w.tea })).toBeVisible();
  await expect(nav.getByRole("link", { name: w.tea, exact: true })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: w.m.categories.all })).not.toHaveAttribute("aria-current");
  await expect(gridNames(page)).toHaveText([w.jasmine, w.celadon]);

  // A product's page links back to its categories.
  await grid(page).getByRole("link", { name: w.celadon }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.celadon })).toBeVisible();
  await page
    .getByRole("navigation", { name: w.m.categories.inCategories })
    .getByRole("link", { name: w.tableware })
    .click();
  await expect(page.getByRole("heading", { level: 1, name: w.tableware })).toBeVisible();

  for (const path of ["/categories/no-such-category", "/categories/Not%20A%20Slug"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: w.m.errors.notFoundTitle })).toBeVisible();
  }
});

test("search finds a product by its Traditional Chinese name and by a word of its English description", async ({
  page,
}, testInfo) => {
  const w = wordsFor(testInfo.project.use.locale);
  const label = w.m.nav.searchLabel;
  await page.goto("/");
  await search(page, label, "竹筷");
  await expect(page).toHaveURL(/\/search\?q=%E7%AB%B9%E7%AD%B7$/);
  await expect(
    page.getByRole("heading", { level: 1, name: w.m.search.resultsFor.replace("{query}", "竹筷") }),
  ).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(w.m.search.resultsFor.replace("{query}", "竹筷")));
  await expect(gridNames(page)).toHaveText([w.chopsticks]);
  await expect(page.getByRole("searchbox", { name: label })).toHaveValue("竹筷");

  // From the search page itself; case does not matter.
  await search(page, label, "Dumplings");
  await expect(page).toHaveURL(/\/search\?q=Dumplings$/);
  await expect(gridNames(page)).toHaveText([w.steamer]);
  await expect(page.getByRole("searchbox", { name: label })).toHaveValue("Dumplings");
  await grid(page).getByRole("link", { name: w.steamer }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.steamer })).toBeVisible();
});

test("a search with no results says what was searched and leads back; an empty one asks for a word", async ({
  page,
}, testInfo) => {
  const w = wordsFor(testInfo.project.use.locale);
  await page.goto("/search?q=zzqxv%20teapots");
  await expect(
    page.getByRole("heading", { name: w.m.search.emptyTitle.replace("{query}", "zzqxv teapots") }),
  ).toBeVisible();
  await expect(page.getByText(w.m.search.emptyText)).toBeVisible();
  await expect(grid(page)).toHaveCount(0);
  await expect(page.getByRole("searchbox", { name: w.m.nav.searchLabel })).toHaveValue("zzqxv teapots");
  await page.getByRole("link", { name: w.m.search.browseAll }).click();
  await expect(page.getByRole("heading", { level: 1, name: w.m.home.title })).toBeVisible();

  // The box sent empty (or only spaces).
  await search(page, w.m.nav.searchLabel, "   ");
  await expect(page).toHaveURL(/\/search\?q=/);
  await expect(page.getByRole("heading", { level: 1, name: w.m.search.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: w.m.search.noQueryTitle })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(`^${w.m.search.title} · `));
  const bare = await page.goto("/search");
  expect(bare?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: w.m.search.noQueryTitle })).toBeVisible();
});

test("sorting by price changes the order, and the choice stays in the list", async ({ page }, testInfo) => {
  const w = wordsFor(testInfo.project.use.locale);
  await page.goto("/categories/tableware");
  // The merchant's order first: celadon 128, chopsticks 88, steamer 158, mooncake 138 (HK$).
  await expect(gridNames(page)).toHaveText([w.celadon, w.chopsticks, w.steamer, w.mooncake]);
  const sort = page.getByRole("combobox", { name: w.m.sort.label });
  await expect(sort).toHaveValue("position");

  await sort.selectOption("price_asc");
  await expect(page).toHaveURL(/\/categories\/tableware\?sort=price_asc$/);
  await expect(gridNames(page)).toHaveText([w.chopsticks, w.celadon, w.mooncake, w.steamer]);
  await expect(sort).toHaveValue("price_asc");

  await sort.selectOption("price_desc");
  await expect(page).toHaveURL(/sort=price_desc$/);
  await expect(gridNames(page)).toHaveText([w.steamer, w.mooncake, w.celadon, w.chopsticks]);
  await expect(sort).toHaveValue("price_desc");

  // An unknown sort is the merchant's order.
  await page.goto("/categories/tableware?sort=bogus");
  await expect(gridNames(page)).toHaveText([w.celadon, w.chopsticks, w.steamer, w.mooncake]);
});

test("a sold-out product says so in the grid and on its page, and cannot be added", async ({ page }, testInfo) => {
  const w = wordsFor(testInfo.project.use.locale);
  await page.goto("/");
  const card = grid(page).getByRole("listitem").filter({ hasText: w.soldOut });
  await expect(card.getByTestId("stock-badge")).toHaveText(w.m.stock.soldOut);
  await card.getByRole("link").click();

  await expect(page.getByRole("heading", { level: 1, name: w.soldOut })).toBeVisible();
  await expect(page.getByTestId("stock-badge")).toHaveText(w.m.stock.soldOut);
  const button = page.getByRole("button", { name: w.m.stock.soldOut });
  await expect(button).toBeDisabled();
  await expect(page.getByRole("button", { name: w.m.product.addToCart })).toHaveCount(0);
  await expect(page.getByLabel(w.m.product.quantity)).toHaveCount(0);
  await expect(page.getByText(w.m.product.soldOut)).toBeVisible();
});

test("a cart line beyond what is left says so, and checkout waits until it is changed", async ({
  page,
  request,
}, testInfo) => {
  const w = wordsFor(testInfo.project.use.locale);
  const product = lastTwo(testInfo.project.name);
  const name = w.zh ? product.translations["zh-HK"].name : product.name;

  // Two left: the page says so and offers no more than two.
  await page.goto(`/products/${product.slug}`);
  await expect(page.getByTestId("stock-badge")).toHaveText(w.m.stock.low.replace("{count}", "2"));
  const quantity = page.getByLabel(w.m.product.quantity);
  await expect(quantity.locator("option")).toHaveText(["1", "2"]);
  await quantity.selectOption("2");
  await page.getByRole("button", { name: w.m.product.addToCart }).click();
  await expect(page.getByTestId("cart-count")).toHaveText("2");
  // Asking for more than is left is refused, and says why.
  await page.getByRole("button", { name: w.m.product.addToCart }).click();
  await expect(page.getByText(w.m.product.short.replace("{available}", "2").replace("{inCart}", "2"))).toBeVisible();
  await expect(page.getByTestId("cart-count")).toHaveText("2");

  // Someone else orders one of them (a desktop browser paying with AlipayHK).
  const other = await request.post("/api/orders", {
    headers: {
      "user-agent":
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
    },
    data: { items: [{ slug: product.slug, quantity: 1 }], email: "other@example.com", wallet: "AlipayHK" },
  });
  expect(other.status()).toBe(201);

  await page.goto("/cart");
  const line = page.getByTestId("cart-line").filter({ hasText: name });
  await expect(line.getByTestId("line-stock")).toHaveText(w.m.cart.lineShort.replace("{count}", "1"));
  await expect(page.getByTestId("cart-blocked")).toHaveText(w.m.cart.blocked);
  await expect(page.getByRole("button", { name: w.m.cart.checkout })).toBeDisabled();
  await expect(page.getByRole("link", { name: w.m.cart.checkout })).toHaveCount(0);

  // The checkout page shows the same, and its pay button waits.
  await page.goto("/checkout");
  await expect(page.getByTestId("cart-blocked")).toBeVisible();
  await pickUpInStore(page);
  await expect(page.getByTestId("line-stock")).toHaveText(w.m.cart.lineShort.replace("{count}", "1"));
  await expect(page.getByRole("button", { name: w.m.checkout.pay.replace("{amount}", "HK$246.00") })).toBeDisabled();

  // One fewer: the cart is fine again, and + stops at what is left.
  await page.goto("/cart");
  await page.getByRole("button", { name: w.m.cart.decrease.replace("{name}", name) }).click();
  await expect(page.getByTestId("cart-subtotal")).toHaveText("HK$123.00");
  await expect(page.getByTestId("line-stock")).toHaveCount(0);
  await expect(page.getByTestId("cart-blocked")).toHaveCount(0);
  await expect(page.getByRole("button", { name: w.m.cart.increase.replace("{name}", name) })).toBeDisabled();
  await page.getByRole("link", { name: w.m.cart.checkout }).click();
  await pickUpInStore(page);
  await expect(page.getByRole("button", { name: w.m.checkout.pay.replace("{amount}", "HK$123.00") })).toBeEnabled();
});

test.describe("before JavaScript has loaded", () => {
  test.use({ javaScriptEnabled: false });

  test("the search box, the category links and the sort form still work", async ({ page }, testInfo) => {
    test.skip(testInfo.project.name !== "desktop", "one viewport is enough for plain HTML forms");
    await page.goto("/");
    await search(page, en.nav.searchLabel, "lantern");
    await expect(page).toHaveURL(/\/search\?q=lantern$/);
    await expect(gridNames(page)).toHaveText(["Red Paper Lantern"]);
    await expect(page.getByRole("searchbox", { name: en.nav.searchLabel })).toHaveValue("lantern");

    // Home → a category, sorted with the Sort button.
    await page.goto("/");
    await page.getByRole("navigation", { name: en.nav.categories }).getByRole("link", { name: "Tableware" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Tableware" })).toBeVisible();
    await page.getByRole("combobox", { name: en.sort.label }).selectOption("price_asc");
    await page.getByRole("button", { name: en.sort.apply }).click();
    await expect(page).toHaveURL(/\/categories\/tableware\?sort=price_asc$/);
    await expect(gridNames(page).first()).toHaveText("Bamboo Chopstick Set");

    // The home page's sort, and a search's sort, which keeps the query.
    await page.goto("/");
    await page.getByRole("combobox", { name: en.sort.label }).selectOption("price_desc");
    await page.getByRole("button", { name: en.sort.apply }).click();
    await expect(page).toHaveURL(/\/\?sort=price_desc$/);
    await expect(gridNames(page).first()).toHaveText(SOLD_OUT.name); // HK$268, the dearest
    await page.goto("/search?q=bamboo");
    await page.getByRole("combobox", { name: en.sort.label }).selectOption("price_asc");
    await page.getByRole("button", { name: en.sort.apply }).click();
    await expect(page).toHaveURL(/\/search\?q=bamboo&sort=price_asc$/);
    await expect(gridNames(page).first()).toHaveText("Bamboo Chopstick Set");
  });
});
