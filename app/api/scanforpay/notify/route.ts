// ScanForPay's asynchronous notify. The raw text is read once and verified as it came.
import { appOrdersDeps } from "@/lib/orders/app";
import { handleNotify } from "@/lib/orders/messages";

export const dynamic = "force-dynamic";

/** A notify is a few hundred bytes; anything much larger is not from ScanForPay. */
const MAX_BYTES = 64 * 1024;

export async function POST(request: Request) {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BYTES) return new Response("too large", { status: 413 });
  const rawText = await request.text();
  if (rawText.length > MAX_BYTES) return new Response("too large", { status: 413 });
  try {
    const answer = await handleNotify(appOrdersDeps(), rawText);
    return new Response(answer.body, { status: answer.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    // Our own write failed: not `success`, so ScanForPay tries again later.
    console.error(`[notify] could not record a notify: ${error instanceof Error ? error.message : String(error)}`);
    return new Response("error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
