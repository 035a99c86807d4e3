// `npm run db:seed` (prisma db seed): adds the demo catalogue's missing products.
// `--if-empty` (used by `npm run dev` / `npm start` on the embedded database) seeds only
// a catalogue that has no product yet, categories when there is none yet, and the demo
// shipping methods (prisma/seed-shipping.ts) when the shop has none.
import { prisma } from "../lib/db";
import { seedCatalog } from "./seed-catalog";
import { seedShipping } from "./seed-shipping";

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  const { created, categories, skipped } = await seedCatalog(prisma, { ifEmpty });
  const methods = await seedShipping(prisma, { ifEmpty });
  if (methods > 0) console.error(`[seed] ${methods} shipping method${methods === 1 ? "" : "s"} added`);
  if (!skipped)
    console.error(
      `[seed] ${created} demo product${created === 1 ? "" : "s"} and ${categories} categor${categories === 1 ? "y" : "ies"} added`,
    );
}

main()
  .catch((error: unknown) => {
    console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
