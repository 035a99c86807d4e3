// /sitemap.xml: the home page, every category and every product on sale (archived ones are
// not), read from the database when asked (no database is needed to build the app).
import type { MetadataRoute } from "next";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { sitemapEntries } from "@/lib/seo/sitemap";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(prisma, getEnv().appUrl);
}
