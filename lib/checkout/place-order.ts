// Placing an order and starting its payment: one function behind both the checkout page's
// server action and POST /api/orders. The browser's user agent decides which wallets and
// flows it may use (payMethods); prices come from the database.
import type { Order } from "../generated/prisma/client";
import { CheckoutError, createOrder, type OrderInput } from "../orders/create";
import type { OrdersDeps } from "../orders/gateway-wiring";
import { startPayment, type Attempt } from "../orders/payments";
import { safeEqual } from "../safe-equal";
import { isOrderNo } from "../orders/numbers";
import { gatewayMethods, methodFor, payMethods, type GatewayMethod, type PayMethod } from "./pay-methods";

export type Placed = {
  order: Pick<Order, "id" | "orderNo" | "accessToken" | "totalMinor" | "currency" | "status" | "shippingMinor">;
  /** Null for WeChat Pay handed off to WeChat: the order waits there for its first attempt. */
  attempt: Attempt | null;
  /** Where to send the customer now: the gateway's payUrl, our own QR page, or the order page for a hand-off. Null if the gateway failed. */
  next: string | null;
  orderUrl: string;
  statusUrl: string;
};

export function orderUrl(order: Pick<Order, "orderNo" | "accessToken">): string {
  return `/orders/${order.orderNo}?t=${order.accessToken}`;
}
export function statusUrl(order: Pick<Order, "orderNo" | "accessToken">): string {
  return `/api/orders/${order.orderNo}/status?t=${order.accessToken}`;
}
export function qrPageUrl(order: Pick<Order, "orderNo" | "accessToken">): string {
  return `/orders/${order.orderNo}/pay?t=${order.accessToken}`;
}

/** The pay method a customer picked, among those this browser may use (`offered`). */
function pick<M extends PayMethod>(offered: M[], wallet: string): M {
  const method = methodFor(offered, wallet);
  if (!method)
    throw new CheckoutError(
      "wallet_unavailable",
      `${wallet} cannot be used in this browser; choose ${offered.map((m) => m.wallet).join(" or ")}`,
    );
  return method;
}

/** The customer's own order page that, opened inside WeChat, pays the order by JS API. */
function handoffUrl(order: Pick<Order, "orderNo" | "accessToken">): string {
  return `${orderUrl(order)}&handoff=wechat`;
}

type Started = Placed & { attempt: Attempt };

async function payAtGateway(deps: OrdersDeps, order: Placed["order"], method: GatewayMethod): Promise<Started> {
  const attempt = await startPayment(deps, order, method);
  const next = attempt.payUrl === null ? null : method.flow === "qrcode" ? qrPageUrl(order) : attempt.payUrl;
  return { order, attempt, next, orderUrl: orderUrl(order), statusUrl: statusUrl(order) };
}

async function pay(deps: OrdersDeps, order: Placed["order"], method: PayMethod): Promise<Placed> {
  if (method.flow !== "handoff") return payAtGateway(deps, order, method);
  return { order, attempt: null, next: handoffUrl(order), orderUrl: orderUrl(order), statusUrl: statusUrl(order) };
}

/** The checkout: any method this browser may use, the WeChat hand-off included. */
export async function placeOrder(
  deps: OrdersDeps,
  input: OrderInput & { wallet: string; userAgent: string | null },
): Promise<Placed> {
  const method = pick(payMethods(input.userAgent).methods, input.wallet);
  const order = await createOrder(deps.db, input);
  return pay(deps, order, method);
}

/** POST /api/orders: a headless client pays where it is (no hand-off: it has no customer to open a link). */
export async function placeOrderHeadless(
  deps: OrdersDeps,
  input: OrderInput & { wallet: string; userAgent: string | null },
): Promise<Started> {
  const method = pick(gatewayMethods(payMethods(input.userAgent)), input.wallet);
  const order = await createOrder(deps.db, input);
  return payAtGateway(deps, order, method);
}

/** Another attempt on an existing order (retry, or another wallet). The access token proves it is the customer's. */
export async function retryPayment(
  deps: OrdersDeps,
  input: { orderNo: string; token: string; wallet: string; userAgent: string | null },
): Promise<Placed> {
  const method = pick(payMethods(input.userAgent).methods, input.wallet);
  const order = await findCustomerOrder(deps, input.orderNo, input.token);
  if (!order) throw new CheckoutError("invalid", "no such order");
  return pay(deps, order, method);
}

/** An order by its number and the access token of the customer's link (compared in constant time). */
export async function findCustomerOrder(
  deps: Pick<OrdersDeps, "db">,
  orderNo: string,
  token: string | undefined | null,
) {
  if (!token || token.length > 128 || !isOrderNo(orderNo)) return null;
  const order = await deps.db.order.findUnique({ where: { orderNo } });
  return order && safeEqual(order.accessToken, token) ? order : null;
}
