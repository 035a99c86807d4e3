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
};

// Finds ./i18n/request.ts (the locale and messages of each request).
export default createNextIntlPlugin()(nextConfig);
