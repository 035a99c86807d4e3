"use server";
// Checkout, retry and order lookup. The same placeOrder as POST /api/orders.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { orderUrl, placeOrder, retryPayment, type Placed } from "@/lib/checkout/place-order";
import { readCart, writeCart } from "@/lib/cart/session";
import { prisma } from "@/lib/db";
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { CheckoutError } from "@/lib/orders/create";
import { asForm } from "@/lib/forms";
import { clientAddress } from "@/lib/client-address";
import { lookupOrder } from "@/lib/orders/lookup";

export type FormState = { error: string | null };

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Where the customer goes after an attempt: the wallet, our QR page, or the order page with the error. */
function destination(placed: Placed): string {
  return placed.next ?? `${placed.orderUrl}&error=gateway`;
}

export async function placeOrderAction(_previous: FormState, rawForm: FormData): Promise<FormState> {
  const form = asForm(rawForm);
  const t = await getTranslations("checkout.errors");
  let placed: Placed;
  try {
    placed = await placeOrder(appOrdersDeps(), {
      items: await readCart(),
      email: text(form, "email"),
      name: text(form, "name"),
      phone: text(form, "phone"),
      wallet: text(form, "wallet"),
      locale: await getLocale(),
      userAgent: (await headers()).get("user-agent"),
    });
  } catch (error) {
    if (error instanceof CheckoutError) return { error: t(error.code, { detail: error.message }) };
    throw error;
  }
  // The order holds the items now; whatever the gateway said, the cart has done its job.
  await writeCart([]);
  redirect(destination(placed));
}

export async function retryPaymentAction(rawForm: FormData): Promise<void> {
  const form = asForm(rawForm);
  const orderNo = text(form, "orderNo");
  const token = text(form, "token");
  let placed: Placed;
  try {
    placed = await retryPayment(appOrdersDeps(), {
      orderNo,
      token,
      wallet: text(form, "wallet"),
      userAgent: (await headers()).get("user-agent"),
    });
  } catch (error) {
    if (error instanceof CheckoutError)
      redirect(
        `/orders/${encodeURIComponent(orderNo)}?t=${encodeURIComponent(token)}${error.code === "out_of_stock" ? "&error=out_of_stock" : ""}`,
      );
    throw error;
  }
  redirect(destination(placed));
}

export async function lookupOrderAction(_previous: FormState, rawForm: FormData): Promise<FormState> {
  const form = asForm(rawForm);
  const t = await getTranslations("lookup");
  const result = await lookupOrder(prisma, clientAddress(await headers()), {
    orderNo: text(form, "orderNo"),
    email: text(form, "email"),
  });
  if ("refused" in result) return { error: t(result.refused) };
  redirect(orderUrl(result.found));
}
