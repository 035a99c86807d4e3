// How the orders domain reaches ScanForPay: a client per payment whose every exchange is
// kept as a PaymentEvent, plus the URLs and timeout the shop sends. The app builds one
// from env (lib/orders/shop-wiring.ts); tests build one around a sandbox on a random port.
import {
  createScanForPayClient,
  type Endpoint,
  type Exchange,
  type ScanForPayClient,
  type ScanForPayConfig,
} from "../scanforpay/client";
import type { PaymentEventKind } from "../generated/prisma/enums";
import type { Db } from "../db";
import type { OutboxConfig } from "../outbox/topics";

export type Gateway = {
  /**
   * A client whose exchanges are recorded as events of this payment (null: not tied to one);
   * `signal` stops its calls; with `hold`, exchanges are collected there instead, for the
   * caller to `keep` only if they mattered (a Pay Query that found nothing new is a count).
   */
  client(paymentId: string | null, options?: { signal?: AbortSignal; hold?: HeldExchange[] }): ScanForPayClient;
  /** Records held exchanges as events of this payment, at the times they happened. */
  keep(paymentId: string, held: HeldExchange[]): Promise<void>;
  notifyUrl: string;
  returnUrl(partnerOrderNo: string): string;
  /** How long an attempt may be paid: whole number + m/h/d, as ScanForPay's timeoutRule. */
  timeoutRule: string;
  now(): Date;
};

export type HeldExchange = Exchange & { at: Date };

export type OrdersDeps = {
  db: Db;
  gateway: Gateway;
  /** Scales reconciliation's delays (lib/orders/schedule.ts): 1 unless a test says otherwise. */
  delayScale?: number;
  /** What the outbox writes besides the customer's mail (merchant alerts, the webhook); customer mail only when unset. */
  outbox?: OutboxConfig;
};

const kinds: Record<Endpoint, PaymentEventKind> = {
  websiteCreate: "create",
  jsapiCreate: "create",
  qrcodeCreate: "create",
  payQuery: "query",
  refund: "refund",
};

export function createGateway(
  db: Db,
  options: { config: ScanForPayConfig; appUrl: string; timeoutRule?: string; now?: () => Date },
): Gateway {
  const appUrl = options.appUrl.replace(/\/+$/, "");
  async function record(paymentId: string | null, exchanges: HeldExchange[]): Promise<void> {
    if (exchanges.length === 0) return;
    try {
      await db.paymentEvent.createMany({
        data: exchanges.map((e) => ({
          paymentId,
          kind: kinds[e.endpoint],
          direction: e.direction,
          rawText: e.rawText.replace(/\u0000/g, "\\u0000"),
          signatureValid: e.signatureValid,
          createdAt: e.at,
        })),
      });
    } catch (error) {
      console.error(
        `[orders] could not record a ${exchanges[0]!.endpoint} event: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  return {
    client(paymentId, call) {
      const hold = call?.hold;
      return createScanForPayClient({
        ...options.config,
        ...(call?.signal ? { signal: call.signal } : {}),
        onExchange: async (exchange) => {
          const at = new Date();
          if (hold) hold.push({ ...exchange, at });
          else await record(paymentId, [{ ...exchange, at }]);
        },
      });
    },
    keep: (paymentId, held) => record(paymentId, held),
    notifyUrl: `${appUrl}/api/scanforpay/notify`,
    // partnerOrderNo in the query too: some wallets' web views turn the return POST into a GET.
    returnUrl: (partnerOrderNo) => `${appUrl}/api/scanforpay/return?partnerOrderNo=${partnerOrderNo}`,
    timeoutRule: options.timeoutRule ?? "30m",
    now: options.now ?? (() => new Date()),
  };
}
