// The browser's return from ScanForPay: an unsigned form POST (some wallets turn it into a
// GET) carrying partnerOrderNo. Pay Query decides what the customer is shown.
import { appOrdersDeps } from "@/lib/orders/shop-wiring";
import { handleReturn } from "@/lib/orders/notify-and-return";
import { orderUrl } from "@/lib/checkout/place-order";
import { deliverOutboxAfterResponse } from "@/lib/outbox/wiring";

export const dynamic = "force-dynamic";

async function back(request: Request, rawText: string, fromBody: string | null) {
  const partnerOrderNo = fromBody ?? new URL(request.url).searchParams.get("partnerOrderNo") ?? "";
  const found = await handleReturn(appOrdersDeps(), partnerOrderNo, rawText || new URL(request.url).search);
  // A return that found the payment paid wrote its confirmation: sent once the customer is on the order page.
  if (found) deliverOutboxAfterResponse();
  // "returned=unpaid": the gateway said just now that it is still to be paid (a cancel): the
  // page says "not paid yet" rather than "waiting" (lib/orders/state.ts, customerStatus).
  const target = found
    ? `${orderUrl(found)}${found.unpaid ? "&returned=unpaid" : ""}`
    : "/orders/lookup?notice=unknown-payment";
  return new Response(null, { status: 303, headers: { location: target, "cache-control": "no-store" } });
}

export async function POST(request: Request) {
  // The return carries one short field: read at most a little.
  const rawText = (await request.text()).slice(0, 2048);
  const fromBody = new URLSearchParams(rawText).get("partnerOrderNo");
  return back(request, rawText, fromBody);
}

export async function GET(request: Request) {
  return back(request, "", null);
}
