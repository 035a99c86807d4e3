// What a message says, read from the order as it stands when the message is sent (pure): the
// email's model (rendered by lib/mail/render.ts) and the webhook's JSON body.
import type { Order, OrderItem, OutboxMessage } from "../generated/prisma/client";
import { isLocale, type Locale } from "../i18n/locale";
import type { EmailModel, EmailOrder, EmailTopic } from "../mail/model";
import { toMajorString } from "../money";
import { addressLines, storedAddress } from "../shipping/address";
import { storedMethodName } from "../shipping/snapshot";
import { isMessageTopic, type MessageTopic } from "./topics";

export type OrderWithItems = Order & { items: OrderItem[] };

export type ContentContext = { appUrl: string; shopName: string };

type Json = Record<string, unknown>;

const asRecord = (value: unknown): Json | null =>
  value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Json) : null;

/** A name in the locale from a snapshot's translations ({ "zh-HK": "…" } or { "zh-HK": { name: "…" } }). */
function translated(fallback: string, translations: unknown, locale: Locale): string {
  if (locale === "en") return fallback;
  const entry = asRecord(translations)?.[locale];
  if (typeof entry === "string" && entry.trim()) return entry;
  const name = asRecord(entry)?.name;
  return typeof name === "string" && name.trim() ? name : fallback;
}

export function orderLocale(order: Pick<Order, "locale">): Locale {
  return isLocale(order.locale) ? order.locale : "en";
}

export function emailOrder(order: OrderWithItems, locale: Locale, context: ContentContext): EmailOrder {
  const address = storedAddress(order.shippingAddress);
  return {
    orderNo: order.orderNo,
    currency: order.currency,
    itemsMinor: order.totalMinor - order.shippingMinor,
    shippingMinor: order.shippingMinor,
    totalMinor: order.totalMinor,
    lines: order.items.map((item) => ({
      name: translated(item.name, item.nameTranslations, locale),
      quantity: item.quantity,
      unitPriceMinor: item.unitPriceMinor,
      lineMinor: item.unitPriceMinor * item.quantity,
    })),
    customerName: order.customerName,
    email: order.email,
    orderUrl: `${context.appUrl}/orders/${order.orderNo}?t=${order.accessToken}`,
    adminUrl: `${context.appUrl}/admin/orders/${order.orderNo}`,
    delivery: order.delivery,
    methodName: storedMethodName(order.shippingMethod, locale),
    addressLines: order.delivery === "ship" && address ? addressLines(address, locale) : null,
    carrier: order.carrier,
    trackingNumber: order.trackingNumber,
    trackingUrl: order.trackingUrl,
    paidAt: order.paidAt,
  };
}

/** Every topic is mailed (the webhook's are a subset, sent as JSON). */
export function isEmailTopic(topic: string): topic is EmailTopic {
  return isMessageTopic(topic);
}

/** The email's model, or why it cannot be written (an order that is gone, a topic not known). */
export function emailModel(
  message: Pick<OutboxMessage, "topic" | "audience" | "payload">,
  order: OrderWithItems | null,
  context: ContentContext,
): EmailModel | { problem: string } {
  if (!isEmailTopic(message.topic)) return { problem: `no email for topic ${message.topic}` };
  if (message.topic !== "alert.reconcile_late" && !order) return { problem: "its order no longer exists" };
  // The customer reads it in the language they ordered in; the merchant's alerts are English.
  const locale: Locale = message.audience === "customer" && order ? orderLocale(order) : "en";
  const payload = asRecord(message.payload) ?? {};
  const amountMinor = typeof payload.amountMinor === "number" ? payload.amountMinor : null;
  const details: EmailModel["details"] = {};
  for (const [key, value] of Object.entries(payload))
    if (value === null || ["string", "number", "boolean"].includes(typeof value))
      details[key] = value as string | number | boolean | null;
  return {
    topic: message.topic,
    locale,
    shopName: context.shopName,
    appUrl: context.appUrl,
    order: order ? emailOrder(order, locale, context) : null,
    refund:
      amountMinor === null
        ? null
        : {
            amountMinor,
            full: payload.full === true || message.topic.endsWith("duplicate_refunded"),
            ...(typeof payload.refundedMinor === "number" ? { refundedMinor: payload.refundedMinor } : {}),
          },
    details,
  };
}

/** The webhook's body: the event and the order as it stands, amounts in minor and major units. */
export function webhookBody(
  message: Pick<OutboxMessage, "id" | "topic" | "payload" | "createdAt">,
  order: OrderWithItems | null,
): string {
  const payload = asRecord(message.payload) ?? {};
  const money = (minor: number, currency: string) => ({ minor, major: toMajorString(minor, currency), currency });
  const data: Json = {};
  if (order) {
    const address = storedAddress(order.shippingAddress);
    const method = asRecord(order.shippingMethod);
    data.order = {
      orderNo: order.orderNo,
      status: order.status,
      email: order.email,
      customerName: order.customerName,
      phone: order.phone,
      locale: order.locale,
      currency: order.currency,
      items: money(order.totalMinor - order.shippingMinor, order.currency),
      shipping: money(order.shippingMinor, order.currency),
      total: money(order.totalMinor, order.currency),
      lines: order.items.map((item) => ({
        slug: item.slug,
        name: item.name,
        quantity: item.quantity,
        unitPrice: money(item.unitPriceMinor, order.currency),
      })),
      delivery: order.delivery,
      shippingMethod: method && typeof method.code === "string" ? method.code : null,
      address: order.delivery === "ship" ? address : null,
      fulfilment: order.fulfilment,
      carrier: order.carrier,
      trackingNumber: order.trackingNumber,
      trackingUrl: order.trackingUrl,
      createdAt: order.createdAt.toISOString(),
      paidAt: order.paidAt?.toISOString() ?? null,
      shippedAt: order.shippedAt?.toISOString() ?? null,
    };
  }
  if (typeof payload.amountMinor === "number" && order)
    data.refund = {
      id: payload.refundId ?? null,
      amount: money(payload.amountMinor, order.currency),
      full: payload.full === true,
    };
  return JSON.stringify({
    id: message.id,
    type: message.topic as MessageTopic,
    createdAt: message.createdAt.toISOString(),
    data,
  });
}
