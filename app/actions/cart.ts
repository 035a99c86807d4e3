"use server";
// Cart mutations. Each validates its form with zod; a bad request changes nothing.
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { getProduct } from "@/lib/catalog";
import { addLine, countItems, MAX_QUANTITY, setLineQuantity } from "@/lib/cart/cookie";
import { readCart, writeCart } from "@/lib/cart/session";
import { summarizeCart } from "@/lib/cart/summary";
import { prisma } from "@/lib/db";

export type AddToCartState = { status: "idle" | "added" | "error"; count: number };

const addSchema = z.object({
  slug: z.string().min(1).max(80),
  quantity: z.coerce.number().int().min(1).max(MAX_QUANTITY),
});

export async function addToCart(_previous: AddToCartState, form: FormData): Promise<AddToCartState> {
  const parsed = addSchema.safeParse({ slug: form.get("slug"), quantity: form.get("quantity") ?? 1 });
  const lines = await readCart();
  if (!parsed.success) return { status: "error", count: countItems(lines) };
  const locale = await getLocale();
  const product = await getProduct(prisma, parsed.data.slug, locale);
  if (!product) return { status: "error", count: countItems(lines) };
  // One currency per cart: a product priced in another currency cannot join it.
  const { currency } = await summarizeCart(prisma, lines, locale);
  if (currency && currency !== product.currency) return { status: "error", count: countItems(lines) };
  const next = addLine(lines, product.slug, parsed.data.quantity);
  await writeCart(next);
  return { status: "added", count: countItems(next) };
}

const lineSchema = z.object({
  slug: z.string().min(1).max(80),
  quantity: z.coerce.number().int().min(0).max(MAX_QUANTITY),
});

/** Sets a line's quantity (0 removes the line). */
export async function updateCartLine(form: FormData): Promise<void> {
  const parsed = lineSchema.safeParse({ slug: form.get("slug"), quantity: form.get("quantity") });
  if (!parsed.success) return;
  await writeCart(setLineQuantity(await readCart(), parsed.data.slug, parsed.data.quantity));
}
