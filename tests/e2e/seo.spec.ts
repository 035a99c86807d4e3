// What search engines and link previews read: robots.txt, the sitemap, a product's JSON-LD
// (Product with its Offer, BreadcrumbList) and the home page's Organization, the favicon.
import { expect, test } from "./fixtures";
import { SOLD_OUT } from "./test-products";

test.describe("findable", () => {
  test.beforeEach(({}, testInfo) => test.skip(testInfo.project.name !== "desktop", "HTTP and markup: once"));

  test("robots.txt keeps the private paths out and names the sitemap", async ({ request, baseURL }) => {
    const robots = await request.get("/robots.txt");
    expect(robots.status()).toBe(200);
    const text = await robots.text();
    for (const path of ["/admin", "/sandbox", "/orders", "/checkout", "/cart", "/api/"])
      expect(text).toContain(`Disallow: ${path}`);
    expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  });

  test("the sitemap lists the home page, categories and products", async ({ request, baseURL }) => {
    const sitemap = await request.get("/sitemap.xml");
    expect(sitemap.status()).toBe(200);
    const xml = await sitemap.text();
    expect(xml).toContain(`<loc>${baseURL}/</loc>`);
    expect(xml).toContain(`<loc>${baseURL}/products/paper-lantern</loc>`);
    expect(xml).toMatch(new RegExp(`<loc>${baseURL}/categories/[a-z0-9-]+</loc>`));
  });

  test("a product page carries its Product and BreadcrumbList; the home page the Organization", async ({ page }) => {
    type Block = Record<string, unknown>;
    const blocks = async (): Promise<Block[]> =>
      (await page.locator('script[type="application/ld+json"]').allTextContents()).flatMap((text) => {
        const data = JSON.parse(text) as Block[] | Block;
        return Array.isArray(data) ? data : [data];
      });
    await page.goto("/products/paper-lantern");
    const [product, breadcrumbs] = (await blocks()) as [Record<string, unknown>, Record<string, unknown>];
    expect(product).toMatchObject({
      "@type": "Product",
      name: "Red Paper Lantern",
      offers: { "@type": "Offer", price: "98.00", priceCurrency: "HKD", availability: "https://schema.org/InStock" },
    });
    expect(breadcrumbs["@type"]).toBe("BreadcrumbList");
    await page.goto(`/products/${SOLD_OUT.slug}`);
    expect(((await blocks())[0]!.offers as { availability: string }).availability).toBe(
      "https://schema.org/OutOfStock",
    );
    await page.goto("/");
    expect(await blocks()).toEqual([expect.objectContaining({ "@type": "Organization" })]);
  });

  test("link previews and canonical URLs: a product's title, words, picture and address", async ({ page, baseURL }) => {
    await page.goto("/products/paper-lantern?utm_source=wechat");
    const meta = (property: string) => page.locator(`meta[property="${property}"], meta[name="${property}"]`).first();
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${baseURL}/products/paper-lantern`);
    await expect(meta("og:title")).toHaveAttribute("content", "Red Paper Lantern");
    await expect(meta("og:url")).toHaveAttribute("content", `${baseURL}/products/paper-lantern`);
    await expect(meta("og:image")).toHaveAttribute("content", new RegExp(`^${baseURL}/`));
    await expect(meta("og:site_name")).toHaveAttribute("content", /.+/);
    await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");
    await page.goto("/?sort=price_asc");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^${baseURL}/?$`));
  });

  test("every page has a favicon", async ({ page, request }) => {
    await page.goto("/");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    const icon = await request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });
});
