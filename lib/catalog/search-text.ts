// What the shop's search looks in: a product's name and description in every language,
// lower-cased into one column (Product.searchText), so that one ILIKE per term finds it on
// PostgreSQL and PGlite alike (no extension needed; Chinese matches as substrings).
import { z } from "zod";

const copySchema = z.object({ name: z.string().optional(), description: z.string().optional() }).partial();
const translationsSchema = z.record(z.string(), copySchema);

/** The text to store in Product.searchText for this copy (call it on every write of name, description or translations). */
export function searchTextFor(product: { name: string; description: string; translations?: unknown }): string {
  const parsed = translationsSchema.safeParse(product.translations ?? {});
  const others = parsed.success
    ? Object.values(parsed.data).flatMap((copy) => [copy.name ?? "", copy.description ?? ""])
    : [];
  return [product.name, product.description, ...others].filter(Boolean).join("\n").normalize("NFKC").toLowerCase();
}
