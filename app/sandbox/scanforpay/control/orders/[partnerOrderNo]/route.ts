// Test and demo control, no browser needed:
//   POST /sandbox/scanforpay/control/orders/{partnerOrderNo}
//   { "outcome": "success" | "fail" | "cancel", "notify": "normal" | "duplicate" | "before-return" | "delayed" | "none" }
// GET answers the order as the gateway sees it.
import { z } from "zod";
import {
  appSandboxDeps,
  deliverNotifiesAfterResponse,
  controlRefusal,
  sandboxEnabled,
  sandboxNotFound,
} from "@/lib/sandbox/route-support";
import {
  actOnOrder,
  describeOrder,
  findOrderByPartnerOrderNo,
  notifyModeSchema,
  outcomeSchema,
} from "@/lib/sandbox/customer";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ outcome: outcomeSchema, notify: notifyModeSchema.default("normal") });
type Params = { params: Promise<{ partnerOrderNo: string }> };

export async function GET(_request: Request, { params }: Params) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const deps = appSandboxDeps();
  const order = await findOrderByPartnerOrderNo(deps, (await params).partnerOrderNo);
  if (!order) return Response.json({ error: "no such order at the sandbox gateway" }, { status: 404 });
  return Response.json(describeOrder(deps, order));
}

export async function POST(request: Request, { params }: Params) {
  if (!sandboxEnabled()) return sandboxNotFound();
  const refusal = controlRefusal(request);
  if (refusal) return refusal;
  const deps = appSandboxDeps();
  const order = await findOrderByPartnerOrderNo(deps, (await params).partnerOrderNo);
  if (!order) return Response.json({ error: "no such order at the sandbox gateway" }, { status: 404 });
  const body = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    return Response.json(
      {
        error:
          'expected JSON { "outcome": "success"|"fail"|"cancel", "notify"?: "normal"|"duplicate"|"before-return"|"delayed"|"none" }',
        issues: body.error.issues.map((i) => `${i.path.join(".")} ${i.message}`),
      },
      { status: 400 },
    );
  }
  const result = await actOnOrder(deps, order, body.data.outcome, body.data.notify);
  deliverNotifiesAfterResponse();
  return Response.json({
    ...describeOrder(deps, result.order),
    effect: result.effect,
    notifiesQueued: result.notifies,
    returnUrl: result.order.returnUrl,
  });
}
