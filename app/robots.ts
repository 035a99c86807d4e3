// /robots.txt: the catalogue is for search engines; customers' orders, the checkout, the back
// office, the sandbox and the API are not.
import type { MetadataRoute } from "next";
import { getEnv } from "@/lib/env";
import { PRIVATE_PATHS } from "@/lib/seo/paths";

export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  const { appUrl } = getEnv();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: [...PRIVATE_PATHS] }],
    sitemap: `${appUrl}/sitemap.xml`,
  };
}
