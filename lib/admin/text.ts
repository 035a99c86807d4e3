// How the back office shows what it stores: statuses, wallets, flows and the like through the
// shop's English catalogue (messages/en.json), times through next-intl's formatter in Hong Kong
// time, money through lib/money.ts. Never a raw enum value, a UTC time or minor units.
// Pure: the server's wiring is getAdminText() in ./text-server.ts.
import type { createFormatter } from "next-intl";
import { HK_TIME_ZONE } from "../hk-time";
import { formatMoney } from "../money";
import { describeCode } from "../scanforpay/codes";

/** The catalogue, looked up by full key ("status.paid"). */
export type Lookup = { t(key: string): string; has(key: string): boolean };
export type Formatter = Pick<ReturnType<typeof createFormatter>, "dateTime">;

/** What a Pay Query's `status` means (ScanForPay: 0 waiting, 1 paid, 2 failed, 3 refunded). */
export function gatewayStatusText(status: number): string {
  switch (status) {
    case 0:
      return "ScanForPay is still waiting for the customer to pay";
    case 1:
      return "ScanForPay reports the payment as paid";
    case 2:
      return "ScanForPay reports the payment as failed, or not paid in time";
    case 3:
      return "ScanForPay reports the payment as refunded";
    default:
      return `ScanForPay answered a status this shop does not know (${status})`;
  }
}

/** Why a call to ScanForPay did not give an answer, for a person (the raw text stays in the timeline). */
export function gatewayFailureText(error: { kind: string; code?: number; retryable: boolean }): string {
  const again = error.retryable ? " Try again in a moment; reconciliation also asks by itself." : "";
  switch (error.kind) {
    case "business":
      return `ScanForPay refused the query: ${describeCode(error.code ?? 0)}${again}`;
    case "timeout":
      return `ScanForPay did not answer in time.${again}`;
    case "network":
      return `ScanForPay could not be reached.${again}`;
    case "signature":
      return "ScanForPay's answer did not verify (wrong signing key?), so it was not used. See the timeline.";
    default:
      return `ScanForPay's answer could not be read, so it was not used. See the timeline.${again}`;
  }
}

export function adminText(messages: Lookup, format: Formatter) {
  /** The catalogue's label for a stored value, the value itself for one it does not know. */
  const label = (namespace: string) => (value: string) =>
    messages.has(`${namespace}.${value}`) ? messages.t(`${namespace}.${value}`) : value;
  const money = (minor: number, currency: string) => formatMoney(minor, currency, "en");
  return {
    status: label("status"),
    refundStatus: label("refundStatus"),
    wallet: label("wallet"),
    flow: label("admin.flow"),
    eventKind: label("admin.eventKind"),
    refundReason: label("admin.refundReason"),
    language: label("admin.language"),
    /** The shop's date and time format, in Hong Kong time and saying so: "Jun 3, 2025, 2:05 PM HKT". */
    time: (date: Date, { seconds = false }: { seconds?: boolean } = {}) =>
      `${format.dateTime(date, { dateStyle: "medium", timeStyle: seconds ? "medium" : "short", timeZone: HK_TIME_ZONE })} HKT`,
    money,
    /** Amounts in several currencies: "HK$10.00 + ¥5.00", or a dash for none. */
    amounts: (byCurrency: Record<string, number>) =>
      Object.entries(byCurrency)
        .map(([currency, minor]) => money(minor, currency))
        .join(" + ") || "—",
    gatewayStatus: gatewayStatusText,
  };
}

export type AdminText = ReturnType<typeof adminText>;
