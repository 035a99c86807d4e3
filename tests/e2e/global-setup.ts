// Runs once, after the server under test has started (Playwright starts `webServer` first)
// and before any test: adds the test products (test-products.ts) to its database. Nothing
// else uses the database yet, so this second connection to the embedded PGlite is safe
// (its server runs every connection on one PGlite session). Against a real PostgreSQL
// (E2E_DATABASE_URL) it is idempotent: a product already there gets its stock back.
import type { FullConfig } from "@playwright/test";
import pg from "pg";
import { searchTextFor } from "../../lib/catalog/search-text";
import { E2E_PGLITE_PORT } from "../../playwright.config";
import { localDatabaseUrl } from "../../scripts/local-database.mjs";
import { insertMailFixtures } from "./mail-fixtures";
import { testProducts } from "./test-products";

export default async function globalSetup(config: FullConfig) {
  const url = process.env.E2E_DATABASE_URL || localDatabaseUrl({ PGLITE_PORT: E2E_PGLITE_PORT });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const products = testProducts(config.projects.map((p) => p.name));
    for (const [index, product] of products.entries()) {
      await client.query(
        `INSERT INTO "Product" ("id", "slug", "name", "description", "priceMinor", "currency", "active", "position",
           "translations", "stockAvailable", "stockReserved", "searchText", "updatedAt")
         VALUES ($1, $2, $3, $4, $5, 'HKD', true, $6, $7::jsonb, $8, 0, $9, now())
         ON CONFLICT ("slug") DO UPDATE SET "stockAvailable" = EXCLUDED."stockAvailable", "active" = true, "updatedAt" = now()`,
        [
          `e2e-${product.slug}`,
          product.slug,
          product.name,
          product.description,
          product.priceMinor,
          1000 + index,
          JSON.stringify(product.translations),
          product.stock,
          searchTextFor(product),
        ],
      );
    }
    await insertMailFixtures(client);
  } finally {
    await client.end();
  }
}
