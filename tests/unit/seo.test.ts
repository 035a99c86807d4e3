// Structured data (schema.org's Product, Offer, BreadcrumbList, Organization) and robots' paths.
import { describe, expect, it } from "vitest";
import {
  availabilityOf,
  breadcrumbJsonLd,
  jsonLdText,
  organizationJsonLd,
  productJsonLd,
  productTrail,
} from "@/lib/seo/json-ld";
import { PRIVATE_PATHS } from "@/lib/seo/paths";

const context = { appUrl: "https://shop.example", shopName: "Harbour Goods" };
const lantern = {
  slug: "paper-lantern",
  name: "Paper lantern",
  description: "Folded by hand.",
  image: "/images/abc.webp",
  priceMinor: 9_800,
  currency: "HKD",
  available: null,
};

describe("Product JSON-LD", () => {
  it("has schema.org's Product shape with an Offer in major units", () => {
    const data = productJsonLd(lantern, context);
    expect(data).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Product",
      name: "Paper lantern",
      description: "Folded by hand.",
      image: ["https://shop.example/images/abc.webp"],
      url: "https://shop.example/products/paper-lantern",
      offers: {
        "@type": "Offer",
        price: "98.00",
        priceCurrency: "HKD",
        availability: "https://schema.org/InStock",
        url: "https://shop.example/products/paper-lantern",
      },
    });
    // A currency without minor units, and one with three.
    expect(
      (productJsonLd({ ...lantern, priceMinor: 500, currency: "JPY" }, context).offers as { price: string }).price,
    ).toBe("500");
    expect(
      (productJsonLd({ ...lantern, priceMinor: 1_250, currency: "KWD" }, context).offers as { price: string }).price,
    ).toBe("1.250");
  });

  it("availability follows stock when the product tracks it", () => {
    expect(availabilityOf(null)).toBe("https://schema.org/InStock");
    expect(availabilityOf(3)).toBe("https://schema.org/InStock");
    expect(availabilityOf(0)).toBe("https://schema.org/OutOfStock");
  });

  it("breadcrumbs: home, the first category, the product, positions from 1", () => {
    const trail = productTrail("Shop", lantern, [{ slug: "lights", name: "Lights" }]);
    expect(breadcrumbJsonLd(trail, context)).toEqual({
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "Shop", item: "https://shop.example/" },
        { "@type": "ListItem", position: 2, name: "Lights", item: "https://shop.example/categories/lights" },
        {
          "@type": "ListItem",
          position: 3,
          name: "Paper lantern",
          item: "https://shop.example/products/paper-lantern",
        },
      ],
    });
    expect(productTrail("Shop", lantern, [])).toHaveLength(2);
    expect(organizationJsonLd(context)).toMatchObject({ "@type": "Organization", url: "https://shop.example/" });
  });

  it("the script's text cannot close its element, and parses back to the same data", () => {
    const hostile = productJsonLd({ ...lantern, name: "</script><script>alert(1)</script> & more" }, context);
    const text = jsonLdText(hostile);
    expect(text).not.toMatch(/<|>/);
    expect(JSON.parse(text)).toEqual(hostile);
  });
});

describe("robots", () => {
  it("keeps search engines out of the private paths", () => {
    expect(PRIVATE_PATHS).toEqual(expect.arrayContaining(["/admin", "/sandbox", "/orders", "/checkout", "/api/"]));
  });
});
