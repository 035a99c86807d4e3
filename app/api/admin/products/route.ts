// GET /api/admin/products?q=&status=all|active|archived: the catalogue as the back office lists it.
// POST /api/admin/products: create a product (JSON: the product form's fields). 201, or a 4xx
// naming each field (422 invalid, 409 slug taken). Needs the back-office session cookie.
import { currentAdmin } from "@/lib/admin/guard";
import { createProductRequest, crossSite, refusal } from "@/lib/catalog/admin/http";
import { listAdminProducts, productFiltersSchema } from "@/lib/catalog/admin/queries";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const admin = await currentAdmin();
  if (!admin) return refusal(401, "Log in to the back office first.");
  if (crossSite(request)) return refusal(403, "A write from another site is refused.");
  return createProductRequest(prisma, admin.email, request);
}

export async function GET(request: Request) {
  const admin = await currentAdmin();
  if (!admin) return refusal(401, "Log in to the back office first.");
  const filters = productFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(
    { products: await listAdminProducts(prisma, filters) },
    { headers: { "cache-control": "no-store" } },
  );
}
