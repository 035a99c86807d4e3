// npm run bench: speed of the money paths, measured (not asserted). Appends to bench/results.md.
//  1. sign + verify a request (API.md's vector), and read + verify a notify envelope;
//  2. the notify handler against a real (in-memory PGlite) database: the first, applying
//     notify of a payment, and a duplicate of it; then Pay Query over HTTP to the sandbox.
import { appendFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createOrder } from "@/lib/orders/create";
import { createGateway } from "@/lib/orders/gateway";
import { handleNotify } from "@/lib/orders/messages";
import { startPayment } from "@/lib/orders/payments";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { readEnvelope } from "@/lib/scanforpay/envelope";
import { sign, verify } from "@/lib/scanforpay/signature";
import { actOnOrder, findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { payResultBody, signedResponse } from "@/lib/sandbox/gateway";
import { seedCatalog } from "@/prisma/seed-catalog";
import { startSandboxServer } from "@/tests/helpers/sandbox-server";
import { createTestDb } from "@/tests/helpers/test-db";

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
    perSecond("read an envelope from raw text and verify it", 50_000, () => void readEnvelope(envelope, "response", KEY)),
  ];

  const db = await createTestDb();
  await seedCatalog(db);
  const sandbox = await startSandboxServer(db);
  const deps = { db, gateway: createGateway(db, { config: { apiBase: sandbox.apiBase, ...SANDBOX_CREDENTIALS }, appUrl: "http://127.0.0.1:9" }) };
  const N = 200;
  const notifies: string[] = [];
  const partnerOrderNos: string[] = [];
  for (let i = 0; i < N; i++) {
    const order = await createOrder(db, { items: [{ slug: "silk-fan", quantity: 1 }], email: `bench${i}@example.com` });
    const { payment } = await startPayment(deps, order, { wallet: "AlipayHK", flow: "website" });
    const gatewayOrder = (await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!;
    await actOnOrder(sandbox.deps, gatewayOrder, "success", "none");
    notifies.push(signedResponse(sandbox.deps, payResultBody((await findOrderByPartnerOrderNo(sandbox.deps, payment.partnerOrderNo))!, new Date())));
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
  const query = await timeEach(partnerOrderNos.slice(0, 100), (p) => deps.gateway.client(null).payQuery({ partnerOrderNo: p }));
  const db_ = [
    latency("notify, first (verify, match, apply, log)", first),
    latency("notify, duplicate (verify, no change, log)", duplicate),
    latency("Pay Query over HTTP to the sandbox (sign, send, verify)", query),
  ];
  await sandbox.close();
  await db.close();

  const report = [
    `## ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"} · in-memory PGlite`,
    "",
    "| operation | rate | per call |",
    "| --- | --- | --- |",
    ...cpu,
    "",
    "| operation | samples | mean | p50 | p95 |",
    "| --- | --- | --- | --- | --- |",
    ...db_,
    "",
    `Peak resident memory: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    "",
  ].join("\n");
  console.log(report);
  appendFileSync(path.join(import.meta.dirname, "results.md"), report + "\n");
}

void main();
