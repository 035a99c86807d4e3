// Placing an order and starting its payment: one function behind both the checkout page's
// server action and POST /api/orders. The browser's user agent decides which wallets and
// flows it may use (chooseFlow); prices come from the database.
import type { Order } from "../generated/prisma/client";
import { CheckoutError, createOrder, type OrderInput } from "../orders/create";
import type { OrdersDeps } from "../orders/gateway-wiring";
import { startPayment, type Attempt } from "../orders/payments";
import { safeEqual } from "../safe-equal";
import { chooseFlow, flowFor } from "./choose-flow";

export type Placed = {
  order: Pick<Order, "id" | "orderNo" | "accessToken" | "totalMinor" | "currency" | "status">;
  attempt: Attempt;
  /** Where to send the customer now: the gateway's payUrl, or our own QR page. Null if the gateway failed. */
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

function walletFor(userAgent: string | null, wallet: string) {
  const choice = chooseFlow(userAgent);
  const option = flowFor(choice, wallet);
  if (!option)
    throw new CheckoutError(
      "wallet_unavailable",
      `${wallet} cannot be used in this browser; choose ${choice.options.map((o) => o.wallet).join(" or ")}`,
    );
  return option;
}

async function pay(deps: OrdersDeps, order: Placed["order"], option: ReturnType<typeof walletFor>): Promise<Placed> {
  const attempt = await startPayment(deps, order, option);
  const next = attempt.payUrl === null ? null : option.flow === "qrcode" ? qrPageUrl(order) : attempt.payUrl;
  return { order, attempt, next, orderUrl: orderUrl(order), statusUrl: statusUrl(order) };
}

export async function placeOrder(
  deps: OrdersDeps,
  input: OrderInput & { wallet: string; userAgent: string | null },
): Promise<Placed> {
  const option = walletFor(input.userAgent, input.wallet);
  const order = await createOrder(deps.db, input);
  return pay(deps, order, option);
}

/** Another attempt on an existing order (retry, or another wallet). The access token proves it is the customer's. */
export async function retryPayment(
  deps: OrdersDeps,
  input: { orderNo: string; token: string; wallet: string; userAgent: string | null },
): Promise<Placed> {
  const option = walletFor(input.userAgent, input.wallet);
  const order = await findCustomerOrder(deps, input.orderNo, input.token);
  if (!order) throw new CheckoutError("invalid", "no such order");
  return pay(deps, order, option);
}

/** An order by its number and the access token of the customer's link (compared in constant time). */
export async function findCustomerOrder(
  deps: Pick<OrdersDeps, "db">,
  orderNo: string,
  token: string | undefined | null,
) {
  if (!token || token.length > 128 || !/^HG-[0-9A-Z]{4}-[0-9A-Z]{4}$/.test(orderNo)) return null;
  const order = await deps.db.order.findUnique({ where: { orderNo } });
  return order && safeEqual(order.accessToken, token) ? order : null;
}
