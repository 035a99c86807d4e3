// A shop upgraded from before shipping and fulfilment: its paid orders are not left waiting in
// the fulfilment queue (the backfill migration records them as collected), its unpaid ones
// and every order placed since are untouched.
import { PGlite } from "@electric-sql/pglite";
import { readdirSync } from "node:fs";
import { afterAll, expect, it } from "vitest";
import { migrationScripts, migrationsDir } from "../helpers/test-db";

const db = new PGlite();
afterAll(() => db.close());

it("paid orders from before fulfilment are collected; the rest stay unfulfilled", async () => {
  const names = readdirSync(migrationsDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const backfill = names.indexOf("20261203093000_fulfilment_backfill");
  expect(backfill).toBeGreaterThan(0);
  const scripts = migrationScripts();
  for (const script of scripts.slice(0, backfill)) await db.exec(script);
  const order = (no: string, status: string, paidAt: string | null) =>
    db.query(
      `INSERT INTO "Order" ("id","orderNo","status","totalMinor","currency","email","accessToken","updatedAt","paidAt")
       VALUES ($1::text,$1::text,$2::"OrderStatus",100,'HKD','a@example.com',$1::text,now(),$3::timestamptz)`,
      [no, status, paidAt],
    );
  await order("OLD-PAID", "paid", "2026-11-01T00:00:00Z");
  await order("OLD-PART", "partially_refunded", "2026-11-02T00:00:00Z");
  await order("OLD-OPEN", "pending", null);
  await order("NEW-PAID", "paid", "2026-12-03T00:00:00Z");
  await db.query(
    `INSERT INTO "OutboxMessage" ("id","channel","audience","topic","dedupeKey","orderId","payload","updatedAt")
     VALUES ('m1','email','customer','order.paid','order.paid:NEW-PAID:customer','NEW-PAID','{}',now())`,
  );
  for (const script of scripts.slice(backfill)) await db.exec(script);
  const rows = await db.query<{ orderNo: string; fulfilment: string; deliveredAt: Date | null }>(
    `SELECT "orderNo", "fulfilment", "deliveredAt" FROM "Order" ORDER BY "orderNo"`,
  );
  expect(rows.rows.map((r) => [r.orderNo, r.fulfilment, r.deliveredAt?.toISOString() ?? null])).toEqual([
    ["NEW-PAID", "unfulfilled", null],
    ["OLD-OPEN", "unfulfilled", null],
    ["OLD-PAID", "collected", "2026-11-01T00:00:00.000Z"],
    ["OLD-PART", "collected", "2026-11-02T00:00:00.000Z"],
  ]);
});
