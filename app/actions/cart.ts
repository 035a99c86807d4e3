"use server";
// Cart mutations. Each validates its form with zod; a bad request changes nothing.
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getProduct } from "@/lib/catalog/products";
import { addLine, MAX_QUANTITY, setLineQuantity } from "@/lib/cart/cookie";
import { readCart, writeCart } from "@/lib/cart/session";
import { summarizeCart } from "@/lib/cart/summary";
import { prisma } from "@/lib/db";
import { asForm } from "@/lib/forms";

export type AddToCartState =
  | { status: "idle" | "added" | "full" | "error" | "sold_out" }
  /** More than is left: `available` in all, `inCart` of them already in the cart. */
  | { status: "short"; available: number; inCart: number };

const addSchema = z.object({
  slug: z.string().min(1).max(80),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
});

export async function addToCart(_previous: AddToCartState, rawForm: FormData): Promise<AddToCartState> {
  const form = asForm(rawForm);
  const parsed = addSchema.safeParse({ slug: form.get("slug"), quantity: form.get("quantity") ?? 1 });
  if (!parsed.success) return { status: "error" };
  const lines = await readCart();
  const locale = await getLocale();
  const product = await getProduct(prisma, parsed.data.slug, locale);
  if (!product) return { status: "error" };
  // One currency per cart: a product priced in another currency cannot join it.
  const { currency } = await summarizeCart(prisma, lines, locale);
  if (currency && currency !== product.currency) return { status: "error" };
  // The button is disabled when sold out, but the server decides (another tab, an old page).
  if (product.available !== null) {
    const inCart = lines.find((l) => l.slug === product.slug)?.quantity ?? 0;
    if (product.available <= 0) return { status: "sold_out" };
    if (inCart + parsed.data.quantity > product.available)
      return { status: "short", available: product.available, inCart };
  }
  const next = addLine(lines, product.slug, parsed.data.quantity);
  if (!next.some((line) => line.slug === product.slug)) return { status: "full" };
  await writeCart(next);
  return { status: "added" };
}

const lineSchema = z.object({
  slug: z.string().min(1).max(80),
  quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY),
});

/** Sets a line's quantity (0 removes the line). */
export async function updateCartLine(rawForm: FormData): Promise<void> {
  const form = asForm(rawForm);
  const parsed = lineSchema.safeParse({ slug: form.get("slug"), quantity: form.get("quantity") });
  if (!parsed.success) return;
  await writeCart(setLineQuantity(await readCart(), parsed.data.slug, parsed.data.quantity));
}
