/** What search engines are asked to leave alone: per-customer and private pages (robots.txt). */
export const PRIVATE_PATHS = ["/admin", "/api/", "/sandbox", "/orders", "/checkout", "/cart", "/search"] as const;
