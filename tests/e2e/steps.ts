// Steps several end-to-end specs take the same way.
import { expect, type Page } from "./fixtures";

/** Puts one of a product in the cart from its page, as a customer does. */
export async function addToCart(page: Page, slug: string) {
  await page.goto(`/products/${slug}`);
  await page
    .locator("form")
    .filter({ has: page.locator('input[name="slug"]') })
    .getByRole("button")
    .click();
  await expect(page.getByTestId("cart-count")).toHaveText("1");
}

/** Logs in to the back office with the sandbox's development login. */
export async function logInToBackOffice(page: Page) {
  await page.goto("/admin/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill("sandbox-admin");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
}
