import type { ProductView } from "@/lib/catalog/products";
import { ProductCard } from "./product-card";

/** The product grid of the home, category and search pages; the first row's images load first. */
export function ProductGrid({ products, locale }: { products: ProductView[]; locale: string }) {
  return (
    <ul data-testid="product-grid" className="grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-5 lg:grid-cols-4">
      {products.map((product, index) => (
        <ProductCard key={product.id} product={product} locale={locale} preload={index < 4} />
      ))}
    </ul>
  );
}
