// GET/HEAD /images/{hash}[-{width}].{ext}: a product image from PostgreSQL (lib/images).
import { prisma } from "@/lib/db";
import { serveImage } from "@/lib/images/serve";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

async function handle(request: Request, { params }: Context): Promise<Response> {
  return serveImage(prisma, request, (await params).file);
}

export const GET = handle;
export const HEAD = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
