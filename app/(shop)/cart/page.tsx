import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { CartBlockedNote } from "@/components/shop/cart-blocked-note";
import { CartLineControls } from "@/components/shop/cart-line-controls";
import { EmptyCart } from "@/components/shop/empty-cart";
import { LineStockNote } from "@/components/shop/line-stock-note";
import { readCart } from "@/lib/cart/session";
import { summarizeCart } from "@/lib/cart/summary";
import { prisma } from "@/lib/db";
import { formatMoney } from "@/lib/money";
import { orderableQuantity } from "@/lib/stock/labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("cart"))("title") };
}

export default async function CartPage() {
  const [t, locale, lines] = await Promise.all([getTranslations("cart"), getLocale(), readCart()]);
  const cart = await summarizeCart(prisma, lines, locale);
  if (cart.lines.length === 0 || !cart.currency) return <EmptyCart heading={t("title")} />;
  const currency = cart.currency;
  return (
    <>
      <h1 className="mb-6 text-2xl font-bold tracking-tight">{t("title")}</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white px-4">
          {cart.lines.map(({ product, quantity, lineTotalMinor, short }) => (
            <li key={product.slug} data-testid="cart-line" className="flex gap-4 py-4">
              <Link href={`/products/${product.slug}`} aria-hidden tabIndex={-1} className="shrink-0">
                <img
                  src={product.image}
                  alt=""
                  width={96}
                  height={96}
                  decoding="async"
                  className="size-20 rounded-xl border border-stone-200 bg-stone-100 sm:size-24"
                />
              </Link>
              <div className="flex min-w-0 flex-1 flex-col gap-2">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <Link href={`/products/${product.slug}`} className="font-medium text-stone-900 hover:underline">
                      {product.name}
                    </Link>
                    <p className="text-sm text-stone-500">
                      {t("each", { price: formatMoney(product.priceMinor, currency, locale) })}
                    </p>
                  </div>
                  <p className="font-semibold tabular-nums">{formatMoney(lineTotalMinor, currency, locale)}</p>
                </div>
                <LineStockNote short={short} />
                <CartLineControls
                  slug={product.slug}
                  name={product.name}
                  quantity={quantity}
                  max={orderableQuantity(product.available)}
                />
              </div>
            </li>
          ))}
        </ul>
        <aside className="h-fit rounded-2xl border border-stone-200 bg-white p-5 lg:sticky lg:top-20">
          <dl className="flex items-baseline justify-between">
            <dt className="text-stone-600">
              {t("subtotal")} <span className="text-sm">({t("items", { count: cart.count })})</span>
            </dt>
            <dd data-testid="cart-subtotal" className="text-xl font-bold tabular-nums">
              {formatMoney(cart.subtotalMinor, currency, locale)}
            </dd>
          </dl>
          {cart.blocked ? (
            <>
              <CartBlockedNote id="cart-blocked" className="mt-5" />
              {/* Not a link while blocked: the checkout would refuse the order anyway. */}
              <button
                type="button"
                disabled
                aria-describedby="cart-blocked"
                className="mt-3 block w-full cursor-not-allowed rounded-xl bg-stone-400 py-3 text-center font-semibold text-white"
              >
                {t("checkout")}
              </button>
            </>
          ) : (
            <Link
              href="/checkout"
              className="mt-5 block rounded-xl bg-brand-700 py-3 text-center font-semibold text-white hover:bg-brand-800"
            >
              {t("checkout")}
            </Link>
          )}
          <Link href="/" className="mt-3 block text-center text-sm text-stone-600 hover:underline">
            {t("continueShopping")}
          </Link>
        </aside>
      </div>
    </>
  );
}
