// ScanForPay's asynchronous notify. The raw text is read once and verified as it came.
import { appOrdersDeps } from "@/lib/orders/app";
import { handleNotify } from "@/lib/orders/messages";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const rawText = await request.text();
  try {
    const answer = await handleNotify(appOrdersDeps(), rawText);
    return new Response(answer.body, { status: answer.status, headers: { "content-type": "text/plain; charset=utf-8" } });
  } catch (error) {
    // Our own write failed: not `success`, so ScanForPay tries again later.
    console.error(`[notify] could not record a notify: ${error instanceof Error ? error.message : String(error)}`);
    return new Response("error", { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
