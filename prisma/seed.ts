// `npm run db:seed` (prisma db seed): adds the demo catalogue's missing products.
// `--if-empty` (used by `npm run dev` / `npm start` on the embedded database) seeds only
// a catalogue that has no product yet, and categories when there is none yet.
import { prisma } from "../lib/db";
import { seedCatalog } from "./seed-catalog";

async function main() {
  const { created, categories, skipped } = await seedCatalog(prisma, { ifEmpty: process.argv.includes("--if-empty") });
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
