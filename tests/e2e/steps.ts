// Steps several end-to-end specs take the same way.
import { expect, type Page } from "./fixtures";
import type en from "../../messages/en.json";

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

/** At checkout: pick up in store (no address, no shipping charge), once the page's script runs. */
export async function pickUpInStore(page: Page) {
  await expect(async () => {
    await page.getByRole("radio", { name: /^(Pick up in store|到店自取|到店自提)/ }).check();
    await expect(page.getByTestId("totals-shipping")).toHaveText(/^(Free|免費|免费)$/, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
}

/** The address of the shipping specs: a flat in Wan Chai, Hong Kong. */
export const HK_ADDRESS = {
  recipient: "Chan Tai Man",
  phone: "9123 4567",
  line1: "Flat 5A, 18 Hennessy Road",
  district: "Wan Chai",
} as const;

/** Fills the address form with labels in the page's language (`m`: that language's messages). */
export async function fillAddress(
  page: Page,
  m: typeof en,
  address: Partial<Record<keyof typeof HK_ADDRESS, string>> = HK_ADDRESS,
) {
  if (address.recipient !== undefined)
    await page.getByLabel(m.address.recipient, { exact: true }).fill(address.recipient);
  if (address.phone !== undefined) await page.getByLabel(m.address.phone, { exact: true }).fill(address.phone);
  if (address.line1 !== undefined) await page.getByLabel(m.address.line1, { exact: true }).fill(address.line1);
  if (address.district !== undefined)
    await page.getByLabel(m.address.districtHK, { exact: true }).fill(address.district);
}
