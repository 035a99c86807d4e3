// Gateway-wide fault switches: POST { "kind": "code9"|"code22"|"timeout"|"malformed"|"bad-signature", "count": N,
// "scope"?: "create"|"query"|"refund", "orderAmount"?: minor units } arms the next N calls (of that
// kind of call only, with a scope; for that amount only, with orderAmount; count 0 disarms); GET
// lists what is armed.
import { z } from "zod";
import { appSandboxDeps, controlRefusal, sandboxEnabled, sandboxNotFound } from "@/lib/sandbox/route-support";
import { faultKindSchema, faultScopeSchema, listFaults, setFault } from "@/lib/sandbox/faults";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  kind: faultKindSchema,
  count: z.number().int().min(0).max(1000),
  scope: faultScopeSchema.optional(),
  orderAmount: z.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});

export async function GET() {
  if (!sandboxEnabled()) return sandboxNotFound();
  return Response.json(await listFaults(appSandboxDeps().db));
}

export async function POST(request: Request) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const body = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    return Response.json(
      {
        error:
          'expected JSON { "kind": "code9"|"code22"|"timeout"|"malformed"|"bad-signature", "count": 0..1000, "scope"?: "create"|"query"|"refund", "orderAmount"?: minor units }',
      },
      { status: 400 },
    );
  }
  const { db } = appSandboxDeps();
  await setFault(db, body.data.kind, body.data.count, body.data.scope ?? null, body.data.orderAmount ?? null);
  return Response.json(await listFaults(db));
}
