// ScanForPay's asynchronous notify. The raw text is read once and verified as it came.
// `success` goes back as soon as the payment is recorded: a duplicate payment's refund is
// sent after the answer (its row is already written, so reconciliation sends it if this
// instance stops first). WeChat Pay re-sends a notify not answered within about 5 s.
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { handleNotify } from "@/lib/orders/notify-and-return";
import { sendRefund } from "@/lib/orders/payments";
import { clientAddress } from "@/lib/client-address";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export const dynamic = "force-dynamic";

/** A notify is a few hundred bytes; anything much larger is not from ScanForPay. */
const MAX_BYTES = 64 * 1024;

export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) return new Response("too large", { status: 413 });
  const rawText = await request.text();
  if (rawText.length > MAX_BYTES) return new Response("too large", { status: 413 });
  const deps = appOrdersDeps();
  try {
    const answer = await handleNotify(deps, rawText, { source: clientAddress(request.headers) });
    const refundId = answer.refundId;
    // The confirmation was written with the payment, a duplicate's refund row too: both are
    // sent once this answer has gone (reconciliation and the outbox's cron send what is left).
    if (answer.changed)
      deliverOutboxAfterResponse(
        refundId
          ? () =>
              sendRefund(deps, refundId, { firstOnly: true }).catch((error: unknown) =>
                console.error(
                  `[notify] duplicate refund not sent yet (reconciliation will): ${error instanceof Error ? error.message : String(error)}`,
                ),
              )
          : undefined,
      );
    return new Response(answer.body, {
      status: answer.status,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  } catch (error) {
    // Our own write failed: not `success`, so ScanForPay tries again later.
    console.error(`[notify] could not record a notify: ${error instanceof Error ? error.message : String(error)}`);
    return new Response("try again later", {
      status: 503,
      headers: { "content-type": "text/plain; charset=utf-8", "retry-after": "10" },
    });
  }
}
