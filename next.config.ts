import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { assertEnvAtStartup } from "./lib/env";

// Fail at start-up (dev, build, start) with one line a bad variable, not a stack trace later.
assertEnvAtStartup();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The embedded-database helpers and the generated client are server-side only.
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  // Static assets, which proxy.ts does not see: no MIME sniffing, no framing.
  async headers() {
    return [
      {
        source: "/_next/static/:path*",
        headers: [
          { key: "x-content-type-options", value: "nosniff" },
          { key: "x-frame-options", value: "DENY" },
        ],
      },
    ];
  },
  experimental: {
    // proxy.ts buffers request bodies up to this (the image upload's limit); the front door
    // refuses larger ones first, and anything above 1 MB on every other path.
    proxyClientMaxBodySize: "3mb",
  },
};

// Finds ./i18n/request.ts (the locale and messages of each request).
export default createNextIntlPlugin()(nextConfig);
