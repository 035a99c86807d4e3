import Link from "next/link";
import type { ProductView } from "@/lib/catalog/products";
import { formatMoney } from "@/lib/money";

export function ProductCard({
  product,
  locale,
  preload = false,
}: {
  product: ProductView;
  locale: string;
  preload?: boolean;
}) {
  return (
    <li>
      <Link
        href={`/products/${product.slug}`}
        className="group block overflow-hidden rounded-2xl border border-stone-200 bg-white shadow-sm transition hover:-translate-y-0.5 hover:shadow-md"
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
            className="size-full object-cover transition duration-300 group-hover:scale-[1.03]"
          />
        </div>
        <div className="p-3 sm:p-4">
          <h3 className="line-clamp-2 text-sm font-medium text-stone-900 sm:text-base">{product.name}</h3>
          <p className="mt-1 text-sm font-semibold text-brand-800">
            {formatMoney(product.priceMinor, product.currency, locale)}
          </p>
        </div>
      </Link>
    </li>
  );
}
