// The sandbox gateway's API, at the same paths as ScanForPay's own host:
// {APP_URL}/sandbox/scanforpay/api/online/create etc.
import { endpoints, type Endpoint } from "@/lib/scanforpay/client";
import { appSandboxDeps, sandboxEnabled, sandboxNotFound } from "@/lib/sandbox/route-support";
import { handleGatewayRequest } from "@/lib/sandbox/server";

export const dynamic = "force-dynamic";

const byPath = new Map<string, Endpoint>(Object.entries(endpoints).map(([name, path]) => [path, name as Endpoint]));

export async function POST(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const endpoint = byPath.get(`/api/${(await params).path.join("/")}`);
  if (!endpoint) return sandboxNotFound();
  const answer = await handleGatewayRequest(appSandboxDeps(), endpoint, new Uint8Array(await request.arrayBuffer()));
  return new Response(answer.body, {
    status: answer.status,
    headers: { "content-type": answer.contentType, "cache-control": "no-store" },
  });
}

export async function GET() {
  if (!sandboxEnabled()) return sandboxNotFound();
  return Response.json(
    { error: "ScanForPay's API takes POST requests only" },
    { status: 405, headers: { allow: "POST" } },
  );
}
