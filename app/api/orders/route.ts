// POST /api/orders: place an order and start its payment (headless clients, tests).
// { "items": [{ "slug", "quantity" }], "email", "name"?, "phone"?, "wallet" }; the request's
// user agent chooses the flow. 201 { orderNo, partnerOrderNo, flow, wallet, payUrl, statusUrl, orderUrl }.
import { z } from "zod";
import { placeOrderHeadless } from "@/lib/checkout/place-order";
import { CheckoutError } from "@/lib/orders/create";
import { appOrdersDeps } from "@/lib/orders/shop-wiring";

export const dynamic = "force-dynamic";

const bodySchema = z.object({
  items: z.array(z.object({ slug: z.string(), quantity: z.number() })),
  email: z.string(),
  name: z.string().optional(),
  phone: z.string().optional(),
  wallet: z.string(),
  locale: z.string().optional(),
});

export async function POST(request: Request) {
  const body = bodySchema.safeParse(await request.json().catch(() => undefined));
  if (!body.success) {
    return Response.json(
      {
        error: `expected JSON { items: [{ slug, quantity }], email, wallet }: ${body.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
      },
      { status: 400 },
    );
  }
  try {
    const placed = await placeOrderHeadless(appOrdersDeps(), {
      ...body.data,
      userAgent: request.headers.get("user-agent"),
    });
    const { payment, error } = placed.attempt;
    const summary = {
      orderNo: placed.order.orderNo,
      partnerOrderNo: payment.partnerOrderNo,
      flow: payment.flow,
      wallet: payment.wallet,
      statusUrl: placed.statusUrl,
      orderUrl: placed.orderUrl,
    };
    if (error) {
      // The order is kept; another attempt may succeed (retryable) or needs another wallet.
      return Response.json(
        {
          ...summary,
          payUrl: null,
          error: `The payment could not be started: ${error.message}`,
          retryable: error.retryable,
        },
        { status: 502 },
      );
    }
    return Response.json({ ...summary, payUrl: placed.next }, { status: 201 });
  } catch (error) {
    if (error instanceof CheckoutError)
      return Response.json(
        {
          error: error.message,
          code: error.code,
          // Each line that exceeds what is left: the product and what can still be ordered (nothing was written).
          ...(error.code === "out_of_stock" ? { lines: error.short } : {}),
        },
        { status: error.code === "not_payable" || error.code === "out_of_stock" ? 409 : 400 },
      );
    throw error;
  }
}
