// GET /api/admin/products/{id}: the product, its images (no bytes), stock and audit log.
// PATCH /api/admin/products/{id}: replace a product's fields (JSON, as the form sends them).
// 200 with what changed, or a 4xx naming each field (422, 409, 404).
import { currentAdmin } from "@/lib/admin/guard";
import { crossSite, refusal, updateProductRequest } from "@/lib/catalog/admin/http";
import { getAdminProduct } from "@/lib/catalog/admin/queries";
import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function PATCH(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await currentAdmin();
  if (!admin) return refusal(401, "Log in to the back office first.");
  if (crossSite(request)) return refusal(403, "A write from another site is refused.");
  return updateProductRequest(prisma, admin.email, (await params).id, request);
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await currentAdmin();
  if (!admin) return refusal(401, "Log in to the back office first.");
  const { id } = await params;
  const found = /^[a-z0-9]{1,40}$/.test(id) ? await getAdminProduct(prisma, id) : null;
  if (!found) return refusal(404, "No such product.");
  return Response.json(found, { headers: { "cache-control": "no-store" } });
}
