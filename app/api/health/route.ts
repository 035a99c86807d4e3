import { prisma } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness and database check, for load balancers and the end-to-end tests. */
export async function GET() {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return Response.json({ ok: true, database: "up" });
  } catch {
    return Response.json({ ok: false, database: "unreachable" }, { status: 503 });
  }
}
