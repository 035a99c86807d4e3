// The back office's fulfilment writes. Each is one transaction: a conditional UPDATE that moves
// the order only from the state the rules in ./state.ts name (so a double click, a second tab or
// a repeated CSV applies once), the audit-log row, and for a shipment the customer's "shipped"
// message in the outbox (lib/outbox/enqueue.ts; written if and only if the shipment commits).
import { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import { enqueue } from "../outbox/enqueue";
import type { OutboxConfig } from "../outbox/topics";
import { parseShipment, parseShipmentsCsv, type CsvRow, type Shipment, type ShipmentErrors } from "./input";
import { check, MOVES, refusalText, type FulfilmentAction, type OrderFacts } from "./state";
import { isOrderNo } from "../orders/numbers";

type Tx = Prisma.TransactionClient;

export type FulfilmentResult =
  | { ok: true; orderId: string; orderNo: string }
  | { ok: false; status: 404 | 409 | 422; error: string; errors?: ShipmentErrors };

class Refused extends Error {
  constructor(
    readonly status: 404 | 409 | 422,
    message: string,
  ) {
    super(message);
  }
}

const factsSelect = { id: true, orderNo: true, status: true, delivery: true, fulfilment: true } as const;

/** Moves one order inside `tx`, or throws Refused (the caller's transaction then rolls back whole). */
async function move(
  tx: Tx,
  orderNo: string,
  action: FulfilmentAction,
  actor: string,
  now: Date,
  shipment: Omit<Shipment, "orderNo"> | null,
  config: OutboxConfig,
): Promise<{ orderId: string }> {
  const rule = MOVES[action];
  const before = await tx.order.findUnique({
    where: { orderNo },
    select: { ...factsSelect, carrier: true, trackingNumber: true, trackingUrl: true },
  });
  if (!before) throw new Refused(404, `No order ${orderNo}.`);
  const allowed = check(before, action);
  if (!allowed.ok) throw new Refused(409, refusalText(allowed.reason, before.fulfilment));
  const data: Prisma.OrderUpdateManyMutationInput = { fulfilment: rule.to };
  if (shipment) Object.assign(data, shipment);
  if (action === "ship") data.shippedAt = now;
  if (action === "deliver" || action === "collect") data.deliveredAt = now;
  // The condition is the rule itself: whatever the read above saw, only one writer moves it.
  const { count } = await tx.order.updateMany({
    where: { id: before.id, status: { in: [...rule.statuses] }, delivery: rule.delivery, fulfilment: rule.from },
    data,
  });
  if (count !== 1) {
    const now = await tx.order.findUniqueOrThrow({ where: { id: before.id }, select: factsSelect });
    const again = check(now, action);
    throw new Refused(
      409,
      again.ok ? "The order changed meanwhile; try again." : refusalText(again.reason, now.fulfilment),
    );
  }
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (rule.from !== rule.to) changes.fulfilment = { from: rule.from, to: rule.to };
  if (shipment)
    for (const key of ["carrier", "trackingNumber", "trackingUrl"] as const)
      if ((before[key] ?? null) !== (shipment[key] ?? null)) changes[key] = { from: before[key], to: shipment[key] };
  await tx.auditLog.create({
    data: { actor, action: action, entity: "order", entityId: before.id, changes: changes as Prisma.InputJsonValue },
  });
  if (action === "ship") await enqueue(tx, { topic: "order.shipped", orderId: before.id }, config);
  return { orderId: before.id };
}

async function run(db: Db, orderNo: string, work: (tx: Tx) => Promise<{ orderId: string }>): Promise<FulfilmentResult> {
  try {
    const { orderId } = await db.$transaction(work);
    return { ok: true, orderId, orderNo };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, status: error.status, error: error.message };
    throw error;
  }
}

function orderNoOf(raw: unknown): string | null {
  const value = typeof raw === "string" ? raw.trim().toUpperCase() : "";
  return isOrderNo(value) ? value : null;
}

type Options = { now?: Date };

/** Marks a paid delivery order shipped, with its carrier and tracking; the customer is told once. */
export async function markShipped(
  db: Db,
  input: { orderNo: unknown; carrier: unknown; trackingNumber: unknown; trackingUrl?: unknown },
  actor: string,
  config: OutboxConfig,
  { now = new Date() }: Options = {},
): Promise<FulfilmentResult> {
  const parsed = parseShipment(input);
  if (!parsed.ok)
    return { ok: false, status: 422, error: Object.values(parsed.errors).join(" "), errors: parsed.errors };
  const { orderNo, ...shipment } = parsed.value;
  return run(db, orderNo, (tx) => move(tx, orderNo, "ship", actor, now, shipment, config));
}

/** Corrects a shipped order's carrier or tracking (no second message to the customer). */
export async function updateTracking(
  db: Db,
  input: { orderNo: unknown; carrier: unknown; trackingNumber: unknown; trackingUrl?: unknown },
  actor: string,
  { now = new Date() }: Options = {},
): Promise<FulfilmentResult> {
  const parsed = parseShipment(input);
  if (!parsed.ok)
    return { ok: false, status: 422, error: Object.values(parsed.errors).join(" "), errors: parsed.errors };
  const { orderNo, ...shipment } = parsed.value;
  return run(db, orderNo, (tx) =>
    move(tx, orderNo, "update_tracking", actor, now, shipment, { merchant: false, webhook: false }),
  );
}

async function simpleMove(db: Db, raw: unknown, action: "deliver" | "collect", actor: string, now: Date) {
  const orderNo = orderNoOf(raw);
  if (!orderNo) return { ok: false as const, status: 422 as const, error: "Not an order number." };
  return run(db, orderNo, (tx) => move(tx, orderNo, action, actor, now, null, { merchant: false, webhook: false }));
}

export function markDelivered(db: Db, input: { orderNo: unknown }, actor: string, { now = new Date() }: Options = {}) {
  return simpleMove(db, input.orderNo, "deliver", actor, now);
}

export function markCollected(db: Db, input: { orderNo: unknown }, actor: string, { now = new Date() }: Options = {}) {
  return simpleMove(db, input.orderNo, "collect", actor, now);
}

// ── Bulk: a CSV of shipments, all or nothing ─────────────────────────────────────────────

/** Pure: adds to each row what is wrong with its order (unknown, not paid, pick-up, already shipped). */
export function checkRows(rows: CsvRow[], orders: ReadonlyMap<string, OrderFacts>): CsvRow[] {
  return rows.map((row) => {
    if (!row.orderNo || row.errors.some((e) => e.startsWith("Not an order number"))) return row;
    const order = orders.get(row.orderNo);
    const errors = [...row.errors];
    if (!order) errors.push(`No order ${row.orderNo}.`);
    else {
      const allowed = check(order, "ship");
      if (!allowed.ok) errors.push(refusalText(allowed.reason, order.fulfilment));
    }
    return { ...row, errors, shipment: errors.length === 0 ? row.shipment : null };
  });
}

export type BulkResult =
  | { ok: true; shipped: { orderNo: string; orderId: string }[] }
  /** Nothing was applied: the file as a whole, or each row's problems. */
  | { ok: false; error: string; rows?: CsvRow[] };

/** Ships every row of the CSV in one transaction, or none if any row is wrong. */
export async function bulkMarkShipped(
  db: Db,
  csv: string,
  actor: string,
  config: OutboxConfig,
  { now = new Date() }: Options = {},
): Promise<BulkResult> {
  const parsed = parseShipmentsCsv(csv);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const numbers = [...new Set(parsed.rows.map((r) => r.orderNo).filter(isOrderNo))];
  const found = await db.order.findMany({ where: { orderNo: { in: numbers } }, select: factsSelect });
  const rows = checkRows(parsed.rows, new Map(found.map((o) => [o.orderNo, o])));
  const wrong = rows.filter((r) => r.errors.length > 0).length;
  if (wrong > 0)
    return {
      ok: false,
      error: `${wrong} of ${rows.length} row${rows.length === 1 ? "" : "s"} cannot be applied, so nothing was marked shipped. Correct ${wrong === 1 ? "it" : "them"} and send the whole file again.`,
      rows,
    };
  try {
    const shipped = await db.$transaction(
      async (tx) => {
        const done: { orderNo: string; orderId: string }[] = [];
        for (const row of rows) {
          const { orderNo, ...shipment } = row.shipment!;
          try {
            done.push({ orderNo, ...(await move(tx, orderNo, "ship", actor, now, shipment, config)) });
          } catch (error) {
            // Changed since the check above (another merchant, another tab): the whole file rolls back.
            if (error instanceof Refused) {
              row.errors.push(error.message);
              throw error;
            }
            throw error;
          }
        }
        return done;
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    return { ok: true, shipped };
  } catch (error) {
    if (error instanceof Refused)
      return {
        ok: false,
        error: "An order changed while the file was applied, so nothing was marked shipped.",
        rows,
      };
    throw error;
  }
}
