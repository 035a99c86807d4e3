// Placing an order with stock checks against the same order without (its floor, in the same
// run): two lines of stock-tracked products (one conditional UPDATE each, in the order's
// transaction) vs two lines of untracked ones. Samples alternate, so both see the same machine.
import { performance } from "node:perf_hooks";
import { createOrder } from "@/lib/orders/create";
import type { Db } from "@/lib/db";

const N = 300;

async function products(db: Db, prefix: string, stock: number | null): Promise<string[]> {
  const slugs = [`${prefix}-a`, `${prefix}-b`];
  for (const slug of slugs)
    await db.product.create({
      data: { slug, name: slug, description: "bench", priceMinor: 1000, currency: "HKD", stockAvailable: stock },
    });
  return slugs;
}

const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { mean: samples.reduce((a, b) => a + b, 0) / samples.length, p50: at(0.5), p95: at(0.95) };
};

export async function benchStock(db: Db): Promise<string[]> {
  const tracked = await products(db, "bench-tracked", 1_000_000);
  const untracked = await products(db, "bench-untracked", null);
  const order = (slugs: string[], i: number) =>
    createOrder(db, { items: slugs.map((slug) => ({ slug, quantity: 2 })), email: `stock${i}@example.com` });
  for (let i = 0; i < 20; i++) await Promise.all([order(tracked, i), order(untracked, i)]); // warm up
  const withStock: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < N; i++) {
    for (const [slugs, into] of i % 2
      ? ([
          [tracked, withStock],
          [untracked, without],
        ] as const)
      : ([
          [untracked, without],
          [tracked, withStock],
        ] as const)) {
      const start = performance.now();
      await order([...slugs], i);
      into.push(performance.now() - start);
    }
  }
  const a = stats(withStock);
  const b = stats(without);
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  return [
    `Placing an order (two lines, quantity 2 each: products, order and items in one transaction), ${N} samples each, alternating.`,
    "",
    "| order | mean | p50 | p95 |",
    "| --- | --- | --- | --- |",
    `| with stock checks (2 conditional updates) | ${ms(a.mean)} | ${ms(a.p50)} | ${ms(a.p95)} |`,
    `| floor: untracked products (no stock check) | ${ms(b.mean)} | ${ms(b.p50)} | ${ms(b.p95)} |`,
    `| ratio | ${(a.mean / b.mean).toFixed(2)} × | ${(a.p50 / b.p50).toFixed(2)} × | ${(a.p95 / b.p95).toFixed(2)} × |`,
  ];
}
