// POST /api/orders: place an order and start its payment (headless clients, tests).
// { "items": [{ "slug", "quantity" }], "email", "name"?, "phone"?, "wallet" }; the request's
// user agent chooses the flow. 201 { orderNo, partnerOrderNo, flow, wallet, payUrl, statusUrl, orderUrl }.
// Optional delivery (README, "Headless API"): "shippingMethod" (a method's code), "address"
// (for a method that ships) and "shippingMinor" (the price the client showed: a different
// price now is a 409 and nothing is written). Without them the order is picked up in store.
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
  shippingMethod: z.string().optional(),
  address: z.unknown().optional(),
  shippingMinor: z.number().optional(),
});

/** The order's field names as this API's clients send them (the shop's form nests them under shipping). */
const apiFieldNames = (message: string) =>
  message
    .replace(/^shipping\.method\b/, "shippingMethod")
    .replace(/^shipping\.expectedMinor\b/, "shippingMinor")
    .replace(/^shipping\.address\b/, "address");

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
  const { shippingMethod, address, shippingMinor, ...order } = body.data;
  if (shippingMethod === undefined && (address !== undefined || shippingMinor !== undefined))
    return Response.json(
      { error: "shippingMethod: required with an address or a shippingMinor", code: "invalid" },
      { status: 400 },
    );
  try {
    const placed = await placeOrderHeadless(appOrdersDeps(), {
      ...order,
      shipping:
        shippingMethod === undefined ? undefined : { method: shippingMethod, address, expectedMinor: shippingMinor },
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
          error: apiFieldNames(error.message),
          code: error.code,
          // Each line that exceeds what is left: the product and what can still be ordered (nothing was written).
          ...(error.code === "out_of_stock" ? { lines: error.short } : {}),
          // A message per address field; the shipping price as it is now (nothing was written).
          ...(error.detail.fields ? { fields: error.detail.fields } : {}),
          ...(error.detail.shippingMinor !== undefined ? { shippingMinor: error.detail.shippingMinor } : {}),
        },
        {
          status:
            error.code === "not_payable" || error.code === "out_of_stock" || error.code === "shipping_changed"
              ? 409
              : error.code === "invalid_address"
                ? 422
                : 400,
        },
      );
    throw error;
  }
}
