// The shop's search: every term of the query must occur in the product's searchText (its
// name and description in every language, lower-cased: lib/catalog/search-text.ts). One
// ILIKE per term, so it runs on PostgreSQL and PGlite alike with no extension, and Chinese
// matches as substrings (no word breaks needed).
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import type { Locale } from "../i18n/locale";
import { localizeProduct, primaryImage, type ProductView } from "./products";
import { productOrderBy, type Sort } from "./sort";

export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 50;
/** The longest query the search box sends; longer ones are cut here. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many results are shown. */
export const MAX_RESULTS = 100;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// Control characters (NUL cannot even be stored in PostgreSQL text) count as spaces.
const CONTROL = /\p{Cc}/gu;

/** The query as the page shows it back: the first value, well-formed, at most MAX_QUERY_LENGTH characters. */
export function cleanQuery(raw: unknown): string {
  const first = Array.isArray(raw) ? raw[0] : raw;
  if (typeof first !== "string") return "";
  return first.replace(LONE_SURROGATE, "").replace(CONTROL, " ").slice(0, MAX_QUERY_LENGTH).trim();
}

/** The query's terms: NFKC, lower-case, split on white space, each ≤ MAX_TERM_LENGTH, unique, at most MAX_TERMS. */
export function searchTerms(query: string): string[] {
  const terms = cleanQuery(query)
    .normalize("NFKC")
    .toLowerCase()
    .split(/\s+/u)
    .map((t) => Array.from(t).slice(0, MAX_TERM_LENGTH).join(""))
    .filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** A term for LIKE with `\` as the escape character: %, _ and \ match themselves. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Active products whose searchText holds every term; no terms, no results. */
export async function searchProducts(
  db: Db,
  query: string,
  locale: Locale,
  sort: Sort = "position",
): Promise<ProductView[]> {
  const terms = searchTerms(query);
  if (terms.length === 0) return [];
  const conditions = terms.map((t) => Prisma.sql`"searchText" ILIKE ${`%${escapeLike(t)}%`} ESCAPE '\\'`);
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Product" WHERE "active" AND ${Prisma.join(conditions, " AND ")} LIMIT ${MAX_RESULTS}`;
  if (rows.length === 0) return [];
  const products = await db.product.findMany({
    where: { id: { in: rows.map((r) => r.id) }, active: true },
    orderBy: productOrderBy(sort),
    include: { images: primaryImage },
  });
  return products.map((p) => localizeProduct(p, locale));
}
