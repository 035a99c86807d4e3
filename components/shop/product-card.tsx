import Link from "next/link";
import type { ProductView } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";
import { stockLabel } from "@/lib/stock/labels";
import { StockBadge } from "./stock-badge";

export function ProductCard({
  product,
  locale,
  preload = false,
}: {
  product: ProductView;
  locale: string;
  preload?: boolean;
}) {
  const soldOut = stockLabel(product.available) === "sold_out";
  return (
    <li>
      <Link
        href={`/products/${product.slug}`}
        className="group relative block overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md"
      >
        <div className="aspect-square overflow-hidden bg-stone-100">
          <img
            src={product.image}
            srcSet={product.imageSrcSet ?? undefined}
            sizes="(min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw"
            alt=""
            width={product.imageWidth}
            height={product.imageHeight}
            loading={preload ? "eager" : "lazy"}
            fetchPriority={preload ? "high" : undefined}
            decoding="async"
            className={`size-full object-cover transition duration-300 group-hover:scale-[1.03] ${soldOut ? "opacity-60 grayscale-[40%]" : ""}`}
          />
        </div>
        <div className="p-3 sm:p-4">
          <h3 className="line-clamp-2 text-sm font-medium text-stone-900 sm:text-base">{product.name}</h3>
          <p className="mt-1 text-sm font-semibold text-brand-800">
            {formatMoney(product.priceMinor, product.currency, locale)}
          </p>
        </div>
        {/* After the name in reading order; drawn over the image's corner. */}
        <StockBadge available={product.available} className="absolute left-2 top-2 shadow-sm" />
      </Link>
    </li>
  );
}
