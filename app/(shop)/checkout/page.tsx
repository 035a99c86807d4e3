import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { CartBlockedNote } from "@/components/shop/cart-blocked-note";
import { CheckoutForm } from "@/components/shop/checkout-form";
import { EmptyCart } from "@/components/shop/empty-cart";
import { OrderLines } from "@/components/shop/order-lines";
import { WalletChoice } from "@/components/shop/wallet-choice";
import { payMethods } from "@/lib/checkout/pay-methods";
import { readCart } from "@/lib/cart/session";
import { summarizeCart } from "@/lib/cart/summary";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { countryOptions } from "@/lib/shipping/countries";
import { checkoutMethods } from "@/lib/shipping/methods";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("checkout"))("title") };
}

export default async function CheckoutPage() {
  const [t, ts, locale, lines] = await Promise.all([
    getTranslations("checkout"),
    getTranslations("shipping"),
    getLocale(),
    readCart(),
  ]);
  const cart = await summarizeCart(prisma, lines, locale);
  if (cart.lines.length === 0 || !cart.currency) return <EmptyCart heading={t("title")} />;
  const items = formatMoney(cart.subtotalMinor, cart.currency, locale);
  const methods = payMethods((await headers()).get("user-agent"));
  // Each method's price in every zone for this cart, from the rates; the form picks by country.
  const shipping = await checkoutMethods(
    prisma,
    { currency: cart.currency, itemCount: cart.count, itemsMinor: cart.subtotalMinor },
    locale,
  );
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <section
          aria-labelledby="summary-heading"
          className="h-fit rounded-2xl border border-stone-200 bg-white p-5 lg:order-2"
        >
          <div className="flex items-baseline justify-between">
            <h2 id="summary-heading" className="text-lg font-semibold">
              {t("summary")}
            </h2>
            <Link href="/cart" className="text-sm text-brand-700 hover:underline">
              {t("backToCart")}
            </Link>
          </div>
          {cart.blocked && <CartBlockedNote className="mt-3" />}
          <OrderLines lines={cart.lines} locale={locale} />
          <dl className="mt-2 flex items-baseline justify-between border-t border-stone-200 pt-4">
            <dt className="font-medium">{ts("items")}</dt>
            <dd data-testid="checkout-items" className="text-xl font-bold tabular-nums">
              {items}
            </dd>
          </dl>
        </section>
        <section className="rounded-2xl border border-stone-200 bg-white p-5 lg:order-1">
          <CheckoutForm
            walletChoice={<WalletChoice methods={methods.methods} />}
            blocked={cart.blocked}
            methods={shipping}
            countries={countryOptions(locale)}
            itemsMinor={cart.subtotalMinor}
            currency={cart.currency}
            locale={locale}
          />
        </section>
      </div>
    </>
  );
}
