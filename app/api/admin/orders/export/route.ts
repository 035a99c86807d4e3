// GET /api/admin/orders/export?…filters: the filtered order list as CSV (amounts in major units).
import { adminApiRefusal } from "@/lib/admin/guard";
import { orderFiltersSchema, ordersCsv } from "@/lib/admin/orders";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const refusal = await adminApiRefusal();
  if (refusal) return refusal;
  const filters = orderFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return new Response(await ordersCsv(prisma, filters), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="orders-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
