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
import { revalidatePath } from "next/cache";
import { formatMoney } from "@/lib/money";
import type { AddressField } from "@/lib/shipping/address";
import { addressErrorKey, readDeliveryForm, shippingChoice, type DeliveryForm } from "@/lib/shipping/form";

export type FormState = { error: string | null };

/** The checkout's answer: the error, a message per address field, and what was typed (to show it again). */
export type CheckoutState = FormState & {
  fields?: Partial<Record<AddressField, string>>;
  values?: { email: string; name: string; phone: string; delivery: DeliveryForm };
};

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** Where the customer goes after an attempt: the wallet, our QR page, or the order page with the error. */
function destination(placed: Placed): string {
  return placed.next ?? `${placed.orderUrl}&error=gateway`;
}

export async function placeOrderAction(_previous: CheckoutState, rawForm: FormData): Promise<CheckoutState> {
  const form = asForm(rawForm);
  const [t, ta, locale] = await Promise.all([
    getTranslations("checkout.errors"),
    getTranslations("address.errors"),
    getLocale(),
  ]);
  const delivery = readDeliveryForm((name) => text(form, name));
  const values = { email: text(form, "email"), name: text(form, "name"), phone: text(form, "phone"), delivery };
  let placed: Placed;
  try {
    placed = await placeOrder(appOrdersDeps(), {
      items: await readCart(),
      email: values.email,
      name: values.name,
      phone: values.phone,
      wallet: text(form, "wallet"),
      locale,
      shipping: shippingChoice(delivery),
      userAgent: (await headers()).get("user-agent"),
    });
  } catch (error) {
    if (!(error instanceof CheckoutError)) throw error;
    if (error.code === "invalid_address") {
      const fields: Partial<Record<AddressField, string>> = {};
      for (const field of Object.keys(error.detail.fields ?? {}) as AddressField[])
        fields[field] = ta(addressErrorKey(field, delivery.address.country));
      return { error: t("invalid_address"), fields, values };
    }
    if (error.code === "shipping_changed") {
      // The page shows the prices as they are now.
      revalidatePath("/checkout");
      return {
        error: t("shipping_changed", {
          price: formatMoney(error.detail.shippingMinor ?? 0, error.detail.currency ?? "HKD", locale),
        }),
        values,
      };
    }
    return { error: t(error.code, { detail: error.message }), values };
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
