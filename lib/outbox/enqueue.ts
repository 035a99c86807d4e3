// Writing messages to the outbox, inside the caller's transaction: the message exists if and
// only if the change that causes it committed. One statement whatever the event; a key seen
// before is skipped (ON CONFLICT DO NOTHING), so a repeated event writes nothing new.
import type { Prisma } from "../generated/prisma/client";
import { plan, type OrderEvent, type OutboxConfig } from "./topics";

type Tx = Pick<Prisma.TransactionClient, "outboxMessage">;

/** Nothing configured besides the customer's own mail (tests, a shop without MERCHANT_EMAIL or a webhook). */
export const CUSTOMER_ONLY: OutboxConfig = { merchant: false, webhook: false };

/** Writes the event's messages; answers how many rows were new. */
export async function enqueue(tx: Tx, event: OrderEvent, config: OutboxConfig = CUSTOMER_ONLY): Promise<number> {
  const rows = plan(event, config);
  if (rows.length === 0) return 0;
  const written = await tx.outboxMessage.createMany({
    data: rows.map((r) => ({
      channel: r.channel,
      audience: r.audience,
      topic: r.topic,
      dedupeKey: r.dedupeKey,
      orderId: r.orderId,
      payload: r.payload,
    })),
    skipDuplicates: true,
  });
  return written.count;
}
