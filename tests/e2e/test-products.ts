// Products only the end-to-end tests use, added by global-setup.ts on top of the demo
// catalogue: none of them is in a category, and they come after the demo products in the
// shop's order. Each test that changes stock has a product of its own per project, since
// the projects (desktop, wechat-phone) run at the same time against one database.

export type TestProduct = {
  slug: string;
  name: string;
  description: string;
  translations: Record<"zh-HK" | "zh-CN", { name: string; description: string }>;
  priceMinor: number;
  stock: number;
};

/** Always sold out (stock 0): only read, never bought. */
export const SOLD_OUT: TestProduct = {
  slug: "e2e-sold-out-teapot",
  name: "Yixing Clay Teapot",
  description: "A small unglazed clay teapot. Always sold out: the end-to-end tests need one.",
  translations: {
    "zh-HK": { name: "宜興紫砂壺", description: "小巧的無釉紫砂茶壺。長期售罄：端對端測試需要一件。" },
    "zh-CN": { name: "宜兴紫砂壶", description: "小巧的无釉紫砂茶壶。长期售罄：端到端测试需要一件。" },
  },
  priceMinor: 26800,
  stock: 0,
};

/** Two in stock: a cart holds both, then an order takes one and the cart is short. */
export function lastTwo(project: string): TestProduct {
  return {
    slug: `e2e-last-two-${project}`,
    name: `Stone Chopstick Rest ${project}`,
    description: "A pebble-shaped chopstick rest. Two in stock for the end-to-end tests.",
    translations: {
      "zh-HK": { name: `石筷子架 ${project}`, description: "卵石形筷子架。端對端測試用，存貨兩件。" },
      "zh-CN": { name: `石筷架 ${project}`, description: "卵石形筷架。端到端测试用，库存两件。" },
    },
    // An amount no other test arms a sandbox fault for.
    priceMinor: 12300,
    stock: 2,
  };
}

/** Every test product, for the projects of a run. */
export function testProducts(projects: readonly string[]): TestProduct[] {
  return [SOLD_OUT, ...projects.map(lastTwo)];
}
