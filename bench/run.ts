// npm run bench: speed of the money paths, measured (not asserted). Appends to bench/results.md.
//  1. sign + verify a request (API.md's vector), and read + verify a notify envelope;
//  2. the notify handler against a real (in-memory PGlite) database: the first, applying
//     notify of a payment, and a duplicate of it; then Pay Query over HTTP to the sandbox;
//  3. one reconciliation pass (defaults: 20 s budget, 4 calls at once) with 0, 100, 1,000 and
//     10,000 pending payments due, all asked of the sandbox over HTTP: the pass keeps to its
//     budget and its cost per payment stays flat, next to the floor of one bare Pay Query;
//  4. placing an order with stock checks vs the same order of untracked products (bench/stock.ts);
//  5. the image route for a cached image, 200 and 304, vs one bare query for its bytes (bench/images.ts).
// TEST_DATABASE_URL=postgresql://…/postgres runs the database parts on a real PostgreSQL.
import { appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createOrder } from "@/lib/orders/create";
import { createGateway } from "@/lib/orders/gateway-wiring";
import { handleNotify } from "@/lib/orders/notify-and-return";
import { EXPIRE } from "@/lib/orders/state";
import { reconcile, RECONCILE_DEFAULTS } from "@/lib/orders/reconcile";
import { startPayment } from "@/lib/orders/payments";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { readEnvelope } from "@/lib/scanforpay/envelope";
import { sign, verify } from "@/lib/scanforpay/signature";
import { actOnOrder, findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { payResultBody, signedResponse } from "@/lib/sandbox/server";
import { seedCatalog } from "@/prisma/seed-catalog";
import { startSandboxServer } from "@/tests/helpers/sandbox-server";
import { createTestDb } from "@/tests/helpers/test-db";
import { benchImages } from "./images";
import { benchStock } from "./stock";

const KEY = "123456";
const TEXT =
  '{"header":{"version":"1.0","partnerNo":"10001","reqMsgId":"fd03f269318045758af08f6cf324fb0f","reqTime":"2018-07-25T18:06:05+08:00","signType":"SHA256"},"body":{"storeNo":"100010000000002","partnerOrderNo":"p20180725180605466813","wallet":"AlipayHK","currency":"HKD","orderAmount":2100,"orderTitle":"Consume","notifyUrl":"https://shop.example/api/scanforpay/notify","returnUrl":"https://shop.example/api/scanforpay/return"}}';

function perSecond(label: string, iterations: number, fn: () => void): string {
  for (let i = 0; i < 1000; i++) fn(); // warm up
  const start = performance.now();
  for (let i = 0; i < iterations; i++) fn();
  const ms = performance.now() - start;
  return `| ${label} | ${Math.round((iterations / ms) * 1000).toLocaleString("en")} /s | ${((ms * 1000) / iterations).toFixed(1)} µs |`;
}

function latency(label: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!.toFixed(2);
  const mean = (samples.reduce((a, b) => a + b, 0) / samples.length).toFixed(2);
  return `| ${label} | ${samples.length} | ${mean} ms | ${at(0.5)} ms | ${at(0.95)} ms |`;
}

async function main() {
  const signature = sign(TEXT, KEY);
  const envelope = `{"response":${TEXT},"signature":"${signature}"}`;
  const cpu = [
    perSecond("sign a request", 100_000, () => void sign(TEXT, KEY)),
    perSecond("verify a signature (constant time)", 100_000, () => void verify(TEXT, signature, KEY)),
    perSecond(
      "read an envelope from raw text and verify it",
      50_000,
      () => void readEnvelope(envelope, "response", KEY),
    ),
  ];

  const db = await createTestDb();
  await seedCatalog(db);
  const sandbox = await startSandboxServer(db);
  const deps = {
    db,
    gateway: createGateway(db, {
      config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS },
      appUrl: "http://127.0.0.1:9",
    }),
  };
  const N = 200;
  const notifies: string[] = [];
  const partnerOrderNos: string[] = [];
  for (let i = 0; i < N; i++) {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: `bench${i}@example.com` });
    const { payment } = await startPayment(deps, order, { wallet: "AlipayHK", flow: "website" });
    const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
    await actOnOrder(sandbox.deps, gatewayOrder, "success", "none");
    notifies.push(
      signedResponse(
        sandbox.deps,
        payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!, new Date()),
      ),
    );
    partnerOrderNos.push(payment.partnerOrderNo);
  }
  const timeEach = async (items: string[], fn: (item: string) => Promise<unknown>) => {
    const samples: number[] = [];
    for (const item of items) {
      const start = performance.now();
      await fn(item);
      samples.push(performance.now() - start);
    }
    return samples;
  };
  const first = await timeEach(notifies, (n) => handleNotify(deps, n));
  const duplicate = await timeEach(notifies, (n) => handleNotify(deps, n));
  const query = await timeEach(partnerOrderNos.slice(0, 100), (p) =>
    deps.gateway.client(null).payQuery({ partnerOrderNo: p }),
  );
  const db_ = [
    latency("notify, first (verify, match, apply, log)", first),
    latency("notify, duplicate (verify, no change, log)", duplicate),
    latency("Pay Query over HTTP to the sandbox (sign, send, verify)", query),
  ];
  const floor = [...query].sort((a, b) => a - b)[Math.floor(query.length / 2)]!;

  // Reconciliation: a backlog of N abandoned checkouts, all due, at the sandbox unpaid.
  const passes: string[] = [];
  for (const n of [0, 100, 1_000, 10_000]) {
    // The previous backlog out of the way, as reconciliation would end it.
    await db.payment.updateMany({ where: { status: { in: [...EXPIRE.from] } }, data: { status: EXPIRE.to } });
    await insertBacklog(db, n);
    const pass = await reconcile(deps);
    const perPayment = pass.queried ? pass.elapsedMs / pass.queried : 0;
    passes.push(
      `| ${n.toLocaleString("en")} | ${pass.queried.toLocaleString("en")} | ${pass.left.toLocaleString("en")} | ${(pass.elapsedMs / 1000).toFixed(2)} s${pass.outOfTime ? " (budget)" : ""} | ${pass.queried ? `${perPayment.toFixed(2)} ms` : "—"} | ${pass.queried ? `${((perPayment * RECONCILE_DEFAULTS.concurrency) / floor).toFixed(2)} ×` : "—"} |`,
    );
  }
  const stock = await benchStock(db);
  const images = await benchImages(db);
  await sandbox.close();
  await db.close();

  const report = [
    `## ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · ${db.kind === "postgres" ? "PostgreSQL on loopback" : "in-memory PGlite"}`,
    "",
    "| operation | rate | per call |",
    "| --- | --- | --- |",
    ...cpu,
    "",
    "| operation | samples | mean | p50 | p95 |",
    "| --- | --- | --- | --- | --- |",
    ...db_,
    "",
    `One reconciliation pass (budget ${RECONCILE_DEFAULTS.budgetMs / 1000} s, ${RECONCILE_DEFAULTS.concurrency} gateway calls at once) over a backlog of pending payments, all due; floor: one bare Pay Query over HTTP, p50 ${floor.toFixed(2)} ms.`,
    "",
    "| pending | asked | left for the next pass | pass time | per payment (wall) | per payment ÷ floor (per call slot) |",
    "| --- | --- | --- | --- | --- | --- |",
    ...passes,
    "",
    ...stock,
    "",
    ...images,
    "",
    `Peak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    "",
  ].join("\n");
  console.log(report);
  appendFileSync(path.join(import.meta.dirname, "results.md"), report + "\n");
}

/** N pending payments due now, each with its order and its (unpaid) order at the sandbox, in bulk. */
async function insertBacklog(db: Awaited<ReturnType<typeof createTestDb>>, n: number): Promise<void> {
  if (n === 0) return;
  const tag = Math.random().toString(36).slice(2, 8);
  const created = new Date(Date.now() - 5 * 60_000);
  const expires = new Date(Date.now() + 25 * 60_000);
  await db.$executeRaw`
    INSERT INTO "Order" ("id", "orderNo", "status", "totalMinor", "currency", "email", "accessToken", "createdAt", "updatedAt")
    SELECT 'bo' || ${tag} || n, 'B' || ${tag} || '-' || n, 'pending', 22800, 'HKD', 'bench@example.com', 'bt' || ${tag} || n, ${created}, ${created}
    FROM generate_series(1, ${n}::int) AS n`;
  await db.$executeRaw`
    INSERT INTO "Payment" ("id", "orderId", "partnerOrderNo", "wallet", "flow", "status", "amountMinor", "currency", "expiresAt", "nextCheckAt", "createdAt", "updatedAt")
    SELECT 'bp' || ${tag} || n, 'bo' || ${tag} || n, 'bench' || ${tag} || n, 'AlipayHK', 'website', 'pending', 22800, 'HKD', ${expires}, ${created}, ${created}, ${created}
    FROM generate_series(1, ${n}::int) AS n`;
  await db.$executeRaw`
    INSERT INTO "SandboxOrder" ("id", "orderNo", "partnerNo", "storeNo", "partnerOrderNo", "flow", "wallet", "currency", "orderAmount", "expiresAt", "token", "requestText", "createdAt", "updatedAt")
    SELECT 'bs' || ${tag} || n, 'S' || ${tag} || n, ${SANDBOX_CREDENTIALS.partnerNo}, ${SANDBOX_CREDENTIALS.storeNo}, 'bench' || ${tag} || n, 'website', 'AlipayHK', 'HKD', 22800, ${expires}, 'bk' || ${tag} || n, '{}', ${created}, ${created}
    FROM generate_series(1, ${n}::int) AS n`;
}

void main();
