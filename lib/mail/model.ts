// What an email is made from (pure types): the delivery pass (lib/outbox/deliver.ts) reads the
// order as it stands when the message is sent and hands this to renderEmail (lib/mail/render.ts).
import type { Locale } from "../i18n/locale";
import type { MessageTopic } from "../outbox/topics";

export type EmailTopic = Extract<
  MessageTopic,
  | "order.paid"
  | "order.shipped"
  | "order.refunded"
  | "order.duplicate_refunded"
  | "alert.new_order"
  | "alert.duplicate_refunded"
  | "alert.refund_refused"
  | "alert.reconcile_late"
>;

export type EmailLine = {
  /** In the order's language where the snapshot has it. */
  name: string;
  quantity: number;
  unitPriceMinor: number;
  lineMinor: number;
};

export type EmailOrder = {
  orderNo: string;
  currency: string;
  itemsMinor: number;
  shippingMinor: number;
  totalMinor: number;
  lines: EmailLine[];
  customerName: string | null;
  email: string;
  /** Absolute link to the customer's order page (with its access token). */
  orderUrl: string;
  /** Absolute link to the order in the back office (for merchant alerts). */
  adminUrl: string;
  delivery: "ship" | "pickup";
  /** The shipping method's name in the order's language, null when none was chosen. */
  methodName: string | null;
  /** The address as printable lines (lib/shipping/address.ts addressLines), null for pick-up. */
  addressLines: string[] | null;
  carrier: string | null;
  trackingNumber: string | null;
  trackingUrl: string | null;
  paidAt: Date | null;
};

export type EmailModel = {
  topic: EmailTopic;
  /** The order's language for the customer's mail; the merchant's alerts are in English. */
  locale: Locale;
  shopName: string;
  /** Absolute base URL of the shop, no trailing slash. */
  appUrl: string;
  /** Null only for alert.reconcile_late. */
  order: EmailOrder | null;
  /** order.refunded, order.duplicate_refunded, alert.duplicate_refunded, alert.refund_refused. */
  refund: {
    amountMinor: number;
    full: boolean;
    /** Optional: everything refunded on the order so far, this refund included (what remains is shown from it; without it, total minus this refund). */
    refundedMinor?: number;
  } | null;
  /** alert.refund_refused: the gateway's words; alert.reconcile_late: lastRunAt and since (ISO). */
  details: Record<string, string | number | boolean | null>;
};

export type RenderedEmail = { subject: string; html: string; text: string };
