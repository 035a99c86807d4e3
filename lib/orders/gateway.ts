// How the orders domain reaches ScanForPay: a client per payment whose every exchange is
// kept as a PaymentEvent, plus the URLs and timeout the shop sends. The app builds one
// from env (lib/orders/app.ts); tests build one around a sandbox on a random port.
import { createScanForPayClient, type Endpoint, type ScanForPayClient, type ScanForPayConfig } from "../scanforpay/client";
import type { PaymentEventKind } from "../generated/prisma/enums";
import type { Db } from "../db";

export type Gateway = {
  /** A client whose exchanges are recorded as events of this payment (null: not tied to one); `signal` stops its calls. */
  client(paymentId: string | null, options?: { signal?: AbortSignal }): ScanForPayClient;
  notifyUrl: string;
  returnUrl(partnerOrderNo: string): string;
  /** How long an attempt may be paid: whole number + m/h/d, as ScanForPay's timeoutRule. */
  timeoutRule: string;
  now(): Date;
};

export type OrdersDeps = {
  db: Db;
  gateway: Gateway;
  /** Scales reconciliation's delays (lib/orders/schedule.ts): 1 unless a test says otherwise. */
  delayScale?: number;
};

const kinds: Record<Endpoint, PaymentEventKind> = {
  websiteCreate: "create",
  jsapiCreate: "create",
  qrcodeCreate: "create",
  payQuery: "query",
  refund: "refund",
};

export function createGateway(db: Db, options: { config: ScanForPayConfig; appUrl: string; timeoutRule?: string; now?: () => Date }): Gateway {
  const appUrl = options.appUrl.replace(/\/+$/, "");
  return {
    client(paymentId, call) {
      return createScanForPayClient({
        ...options.config,
        ...(call?.signal ? { signal: call.signal } : {}),
        onExchange: async (exchange) => {
          try {
            await db.paymentEvent.create({
              data: { paymentId, kind: kinds[exchange.endpoint], direction: exchange.direction, rawText: exchange.rawText, signatureValid: exchange.signatureValid },
            });
          } catch (error) {
            console.error(`[orders] could not record a ${exchange.endpoint} event: ${error instanceof Error ? error.message : String(error)}`);
          }
        },
      });
    },
    notifyUrl: `${appUrl}/api/scanforpay/notify`,
    // partnerOrderNo in the query too: some wallets' web views turn the return POST into a GET.
    returnUrl: (partnerOrderNo) => `${appUrl}/api/scanforpay/return?partnerOrderNo=${partnerOrderNo}`,
    timeoutRule: options.timeoutRule ?? "30m",
    now: options.now ?? (() => new Date()),
  };
}
