// GET /api/orders/{orderNo}/status?t={token}: { status } for polling (the link's token is the key).
import { findCustomerOrder } from "@/lib/checkout/place-order";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ orderNo: string }> }) {
  const order = await findCustomerOrder({ db: prisma }, (await params).orderNo, new URL(request.url).searchParams.get("t"));
  if (!order) return Response.json({ error: "no such order" }, { status: 404 });
  return Response.json({ status: order.status }, { headers: { "cache-control": "no-store" } });
}
