import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { countItems } from "@/lib/cart/cookie";
import { readCart } from "@/lib/cart/session";
import { MAX_QUERY_LENGTH } from "@/lib/catalog/search";
import { getEnv } from "@/lib/env";
import { CartIcon } from "./cart-icon";
import { LocaleSwitcher } from "./locale-switcher";
import { SearchBox } from "./search-box";

export async function SiteHeader() {
  const [t, locale, lines] = await Promise.all([getTranslations(), getLocale(), readCart()]);
  const count = countItems(lines);
  const sandbox = getEnv().paymentMode === "sandbox";
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("nav.skipToContent")}
      </a>
      {/* On a phone the search box takes a row of its own under the logo and the cart. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2 sm:h-14 sm:flex-nowrap sm:px-6 sm:py-0">
        <Link href="/" className="flex min-w-0 items-center gap-2 font-semibold tracking-tight text-stone-900">
          <span
            aria-hidden
            className="grid size-8 shrink-0 place-items-center rounded-lg bg-brand-700 text-sm font-bold text-white"
          >
            港
          </span>
          <span className="truncate">{t("shop.name")}</span>
        </Link>
        {sandbox && (
          <span
            title={t("nav.sandboxHint")}
            className="hidden rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800 sm:inline"
          >
            {t("nav.sandbox")}
          </span>
        )}
        {/* No Suspense boundary around it: one would be streamed, and shown only with JavaScript. */}
        <SearchBox
          label={t("nav.searchLabel")}
          placeholder={t("nav.searchPlaceholder")}
          submitLabel={t("nav.search")}
          loadingLabel={t("common.loading")}
          maxLength={MAX_QUERY_LENGTH}
          className="order-last basis-full sm:order-none sm:ml-auto sm:max-w-sm sm:flex-1 sm:basis-auto"
        />
        <nav aria-label={t("nav.home")} className="ml-auto flex items-center gap-1 sm:ml-0 sm:gap-3">
          <LocaleSwitcher current={locale} label={t("nav.language")} submitLabel={t("nav.change")} />
          <Link
            href="/cart"
            aria-label={t("nav.cartWithCount", { count })}
            className="relative flex items-center gap-1.5 rounded-lg px-2 py-2 text-sm font-medium text-stone-700 hover:bg-stone-100"
          >
            <CartIcon />
            <span className="hidden sm:inline">{t("nav.cart")}</span>
            {count > 0 && (
              <span
                data-testid="cart-count"
                className="grid min-w-5 place-items-center rounded-full bg-brand-700 px-1.5 text-xs font-semibold text-white"
              >
                {count}
              </span>
            )}
          </Link>
        </nav>
      </div>
      {sandbox && (
        <p className="bg-amber-50 px-4 py-1 text-center text-xs text-amber-900 sm:hidden">{t("nav.sandboxHint")}</p>
      )}
    </header>
  );
}
