// What the customer does on the sandbox's hosted pages (or a test through the control
// endpoint): pay, fail or cancel, and which notify behaviour follows a payment.
import { z } from "zod";
import type { SandboxOrder } from "../generated/prisma/client";
import { nowOf, reportedStatus, type SandboxDeps } from "./server";
import { deliverNotify, queueNotifies, type NotifyMode } from "./notify";

export const outcomeSchema = z.enum(["success", "fail", "cancel"]);
export const notifyModeSchema = z.enum(["normal", "duplicate", "before-return", "delayed", "none"]);
export type CustomerOutcome = z.infer<typeof outcomeSchema>;

export type ActResult = {
  order: SandboxOrder;
  /**
   * What happened now; "unchanged" when the order had already been decided or has expired.
   * Cancelling leaves the order open (the customer may still pay), so it can be "cancelled" again.
   */
  effect: "paid" | "failed" | "cancelled" | "unchanged";
  notifies: number;
};

/**
 * Applies the customer's choice. Conditional updates: a second click, a second tab or a
 * control call racing the page changes the order at most once.
 */
export async function actOnOrder(
  deps: SandboxDeps,
  order: SandboxOrder,
  outcome: CustomerOutcome,
  mode: NotifyMode = "normal",
): Promise<ActResult> {
  const now = nowOf(deps);
  const open = { id: order.id, status: 0, expiresAt: { gt: now } };
  let effect: ActResult["effect"] = "unchanged";
  if (outcome === "success") {
    const paid = await deps.db.sandboxOrder.updateMany({
      where: open,
      data: { status: 1, payTime: now, cancelledAt: null },
    });
    if (paid.count === 1) effect = "paid";
  } else if (outcome === "fail") {
    const failed = await deps.db.sandboxOrder.updateMany({ where: open, data: { status: 2 } });
    if (failed.count === 1) effect = "failed";
  } else {
    const cancelled = await deps.db.sandboxOrder.updateMany({ where: open, data: { cancelledAt: now } });
    if (cancelled.count === 1) effect = "cancelled";
  }
  const current = await deps.db.sandboxOrder.findUniqueOrThrow({ where: { id: order.id } });
  // ScanForPay notifies successful payments only.
  const queued = effect === "paid" ? await queueNotifies(deps, current, mode) : [];
  if (mode === "before-return") for (const notify of queued) await deliverNotify(deps, notify.id);
  return { order: current, effect, notifies: queued.length };
}

export function findOrderByToken(deps: SandboxDeps, token: string): Promise<SandboxOrder | null> {
  if (!/^[A-Za-z0-9_-]{16,64}$/.test(token)) return Promise.resolve(null);
  return deps.db.sandboxOrder.findUnique({ where: { token } });
}

export function findOrderByPartnerOrderNo(deps: SandboxDeps, partnerOrderNo: string): Promise<SandboxOrder | null> {
  if (partnerOrderNo.length === 0 || partnerOrderNo.length > 32) return Promise.resolve(null);
  return deps.db.sandboxOrder.findUnique({ where: { partnerOrderNo } });
}

/** A view of an order for the hosted pages and the control endpoint. */
export function describeOrder(deps: SandboxDeps, order: SandboxOrder) {
  const status = reportedStatus(order, nowOf(deps));
  return {
    partnerOrderNo: order.partnerOrderNo,
    orderNo: order.orderNo,
    flow: order.flow,
    wallet: order.wallet,
    currency: order.currency,
    orderAmount: order.orderAmount,
    refundedAmount: order.refundedAmount,
    status,
    state:
      status === 1
        ? "paid"
        : status === 3
          ? "refunded"
          : status === 2
            ? order.status === 0
              ? "expired"
              : "failed"
            : order.cancelledAt
              ? "cancelled"
              : "to be paid",
    expiresAt: order.expiresAt.toISOString(),
    ...namedAmounts(order.requestText),
  } as const;
}

/** goodsAmount and goodsExtraAmount as the create request named them (null: not named, or JS API). */
export function namedAmounts(requestText: string): { goodsAmount: number | null; goodsExtraAmount: number | null } {
  let body: unknown;
  try {
    body = (JSON.parse(requestText) as { request?: { body?: unknown } })?.request?.body;
  } catch {
    body = undefined;
  }
  const read = (key: string) => {
    const value = body && typeof body === "object" ? (body as Record<string, unknown>)[key] : undefined;
    return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
  };
  return { goodsAmount: read("goodsAmount"), goodsExtraAmount: read("goodsExtraAmount") };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The return page's words, in the customer's language (messages: sandbox.returning). */
export type ReturnPageText = { lang: string; title: string; bar: string; text: string; continue: string };

/**
 * The page that sends the browser back to the shop: an auto-submitted form POST to
 * returnUrl carrying partnerOrderNo, as ScanForPay does (also after a cancel).
 * `nonce`: the request's CSP nonce (proxy.ts), so the page's own style and script may run.
 */
export function returnPageHtml(order: SandboxOrder, nonce: string | null, words: ReturnPageText): string {
  const attr = nonce && /^[A-Za-z0-9+/=]{8,64}$/.test(nonce) ? ` nonce="${nonce}"` : "";
  // Create already refuses anything but http(s); checked again where the browser is sent.
  const target = order.returnUrl && /^https?:\/\//i.test(order.returnUrl) ? order.returnUrl : "about:blank";
  return `<!doctype html>
<html lang="${escapeHtml(words.lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(words.title)}</title>
<style${attr}>body{font-family:system-ui,sans-serif;margin:0;background:#fffbeb;color:#1c1917;text-align:center}
.bar{background:#f59e0b;color:#451a03;font-weight:700;padding:.5rem;letter-spacing:.08em}
main{padding:3rem 1rem}button{font:inherit;padding:.7rem 1.4rem;border-radius:.6rem;border:0;background:#0f766e;color:#fff}</style>
</head><body><div class="bar">${escapeHtml(words.bar)}</div><main>
<form id="back" method="post" action="${escapeHtml(target)}">
<input type="hidden" name="partnerOrderNo" value="${escapeHtml(order.partnerOrderNo)}">
<p>${escapeHtml(words.text)}</p><button type="submit">${escapeHtml(words.continue)}</button></form>
<script${attr}>document.getElementById("back").submit()</script>
</main></body></html>`;
}
