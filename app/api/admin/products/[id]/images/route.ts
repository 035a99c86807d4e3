// GET /api/admin/products/{id}/images: the product's images, primary first (no bytes).
// POST /api/admin/products/{id}/images: upload an image (multipart/form-data, field "image",
// optional "alt"). From the back office's form (a browser navigation) it answers 303 back to
// the product's page with the outcome; from a script, 201 or a 4xx with { error }.
import { currentAdmin } from "@/lib/admin/guard";
import { crossSite, noticeMac, refusal, uploadImage } from "@/lib/catalog/admin/http";
import { getEnv } from "@/lib/env";
import { prisma } from "@/lib/db";
import { listProductImages } from "@/lib/images/store";
import { imageUrl } from "@/lib/images/urls";

export const dynamic = "force-dynamic";

export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await currentAdmin();
  if (!admin) return refusal(401, "Log in to the back office first.");
  if (crossSite(request)) return refusal(403, "A write from another site is refused.");
  const { id } = await params;
  const outcome = await uploadImage(prisma, admin.email, id, request);
  if (request.headers.get("sec-fetch-mode") === "navigate") {
    const back = new URL(`/admin/products/${encodeURIComponent(id)}`, request.url);
    if (outcome.ok) back.searchParams.set("image", "added");
    else {
      back.searchParams.set("imageError", outcome.message);
      back.searchParams.set("mac", noticeMac(outcome.message, getEnv().sessionSecret));
    }
    return new Response(null, { status: 303, headers: { location: back.pathname + back.search } });
  }
  if (!outcome.ok) return refusal(outcome.status, outcome.message);
  return Response.json({ image: { id: outcome.imageId } }, { status: 201 });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const admin = await currentAdmin();
  if (!admin) return refusal(401, "Log in to the back office first.");
  const { id } = await params;
  const images = /^[a-z0-9]{1,40}$/.test(id) ? await listProductImages(prisma, id) : [];
  return Response.json(
    { images: images.map((image) => ({ ...image, url: imageUrl(image) })) },
    { headers: { "cache-control": "no-store" } },
  );
}
