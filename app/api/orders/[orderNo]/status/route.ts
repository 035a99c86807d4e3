// GET /api/orders/{orderNo}/status?t={token}: { status } for polling (the link's token is the key).
// While the order waits for its payment, a poll also asks the gateway about it (at most every
// 10 s a payment): a payment settles even when its notify is lost and no cron has run yet.
import { findCustomerOrder } from "@/lib/checkout/place-order";
import { prisma } from "@/lib/db";
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { refreshedStatus } from "@/lib/orders/check";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ orderNo: string }> }) {
  const order = await findCustomerOrder(
    { db: prisma },
    (await params).orderNo,
    new URL(request.url).searchParams.get("t"),
  );
  if (!order) return Response.json({ error: "no such order" }, { status: 404 });
  const status = await refreshedStatus(appOrdersDeps(), order);
  // The poll settled it (a lost notify): its confirmation goes out once this answer has.
  if (status !== order.status) deliverOutboxAfterResponse();
  return Response.json({ status }, { headers: { "cache-control": "no-store" } });
}
