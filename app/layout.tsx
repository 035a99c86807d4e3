import type { Metadata, Viewport } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { getEnv } from "@/lib/env";
import "./globals.css";

/** Open Graph's form of the locale (zh-HK → zh_HK). */
const ogLocale = (locale: string) => locale.replace("-", "_");

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations("shop"), getLocale()]);
  return {
    // Relative URLs in metadata (canonical, Open Graph) are made absolute against the shop's URL.
    metadataBase: new URL(`${getEnv().appUrl}/`),
    title: { default: t("name"), template: `%s · ${t("name")}` },
    description: t("metaDescription"),
    openGraph: {
      siteName: t("name"),
      type: "website",
      locale: ogLocale(locale),
      title: t("name"),
      description: t("metaDescription"),
    },
    twitter: { card: "summary", title: t("name"), description: t("metaDescription") },
    // In-wallet browsers (WeChat, Alipay) treat digits as phone numbers otherwise.
    formatDetection: { telephone: false },
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f766e",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
