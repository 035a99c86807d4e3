import type { ProductView } from "@/lib/catalog/products";
import { ProductCard } from "./product-card";

/**
 * The product grid of the home, category and search pages; the first row's images load
 * first. Dimmed while its ListingPending loads another sort.
 */
export function ProductGrid({ products, locale }: { products: ProductView[]; locale: string }) {
  return (
    <ul
      data-testid="product-grid"
      className="grid grid-cols-2 gap-3 transition-opacity sm:grid-cols-3 sm:gap-5 lg:grid-cols-4 group-aria-busy/listing:opacity-60"
    >
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} locale={locale} preload={index < 4} />
      ))}
    </ul>
  );
}
