// Order mail and merchant alerts as HTML and plain text (pure). The customer's mail is in the
// order's language through next-intl's createTranslator and the "mail" namespace; the
// merchant's alerts are English, like the back office. Both versions are made from the same
// blocks, so they carry the same facts. The HTML is a table layout with inline styles only
// (what mail clients render), every interpolated value escaped, every link absolute.
import { createTranslator } from "next-intl";
import en from "../../messages/en.json";
import zhCN from "../../messages/zh-CN.json";
import zhHK from "../../messages/zh-HK.json";
import { HK_TIME_ZONE } from "../hk-time";
import { defaultLocale, isLocale, type Locale } from "../i18n/locale";
import { formatMoney } from "../money";
import type { EmailModel, EmailOrder, EmailTopic, RenderedEmail } from "./model";

const MESSAGES = { en, "zh-HK": zhHK, "zh-CN": zhCN } as const;

export class RenderError extends Error {
  override name = "RenderError";
}

// ---------------------------------------------------------------------------
// Blocks: what an email says, before it is HTML or text.
// ---------------------------------------------------------------------------

type Row = { label: string; value: string; href?: string | null; strong?: boolean };
type Line = { name: string; quantity: string; unit: string; amount: string };

type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string; muted?: boolean }
  | { kind: "button"; label: string; href: string }
  | { kind: "rows"; rows: Row[] }
  | { kind: "lines"; head: { item: string; quantity: string; price: string; amount: string }; lines: Line[] }
  | { kind: "address"; title: string; lines: string[] };

type Email = {
  locale: Locale;
  subject: string;
  shopName: string;
  blocks: Block[];
  footer: string[];
};

/** HTML-escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** An absolute http(s) link, or null: a path is made absolute on the shop's URL, anything else is dropped. */
export function absoluteUrl(url: string | null | undefined, appUrl: string): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  const candidate = trimmed.startsWith("/") && !trimmed.startsWith("//") ? `${appUrl}${trimmed}` : trimmed;
  if (!URL.canParse(candidate)) return null;
  const parsed = new URL(candidate);
  return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.toString() : null;
}

// ---------------------------------------------------------------------------
// HTML and text from blocks.
// ---------------------------------------------------------------------------

const FONT =
  "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,'PingFang HK','PingFang SC','Microsoft JhengHei','Microsoft YaHei',sans-serif";
const BRAND = "#0f766e";
const INK = "#1c1917";
const MUTED = "#57534e";
const RULE = "#e7e5e4";

function htmlBlock(block: Block): string {
  const e = escapeHtml;
  switch (block.kind) {
    case "heading":
      return `<h1 style="margin:0 0 16px;font-size:22px;line-height:28px;color:${INK};${FONT}">${e(block.text)}</h1>`;
    case "text":
      return `<p style="margin:0 0 16px;font-size:${block.muted ? 13 : 15}px;line-height:22px;color:${block.muted ? MUTED : INK};${FONT}">${e(block.text)}</p>`;
    case "button":
      return (
        `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 20px"><tr>` +
        `<td style="border-radius:6px;background:${BRAND}"><a href="${e(block.href)}" style="display:inline-block;padding:12px 20px;font-size:15px;font-weight:bold;color:#ffffff;text-decoration:none;${FONT}">${e(block.label)}</a></td>` +
        `</tr></table>`
      );
    case "rows":
      return (
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;border-collapse:collapse">` +
        block.rows
          .map((row) => {
            const weight = row.strong ? "font-weight:bold;" : "";
            const value = row.href
              ? `<a href="${e(row.href)}" style="color:${BRAND}">${e(row.value)}</a>`
              : e(row.value);
            return (
              `<tr><td style="padding:6px 0;border-top:1px solid ${RULE};font-size:14px;color:${MUTED};${weight}${FONT}">${e(row.label)}</td>` +
              `<td align="right" style="padding:6px 0;border-top:1px solid ${RULE};font-size:14px;color:${INK};${weight}${FONT}">${value}</td></tr>`
            );
          })
          .join("") +
        `</table>`
      );
    case "lines": {
      const th = (text: string, align: "left" | "right") =>
        `<th align="${align}" style="padding:6px 4px;border-bottom:1px solid ${RULE};font-size:12px;color:${MUTED};font-weight:normal;${FONT}">${e(text)}</th>`;
      const td = (text: string, align: "left" | "right") =>
        `<td align="${align}" valign="top" style="padding:8px 4px;border-bottom:1px solid ${RULE};font-size:14px;color:${INK};${FONT}">${e(text)}</td>`;
      return (
        `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px;border-collapse:collapse">` +
        `<tr>${th(block.head.item, "left")}${th(block.head.quantity, "right")}${th(block.head.price, "right")}${th(block.head.amount, "right")}</tr>` +
        block.lines
          .map(
            (l) =>
              `<tr>${td(l.name, "left")}${td(l.quantity, "right")}${td(l.unit, "right")}${td(l.amount, "right")}</tr>`,
          )
          .join("") +
        `</table>`
      );
    }
    case "address":
      return (
        `<p style="margin:0 0 4px;font-size:13px;font-weight:bold;color:${MUTED};${FONT}">${e(block.title)}</p>` +
        `<p style="margin:0 0 20px;font-size:14px;line-height:21px;color:${INK};${FONT}">${block.lines.map(e).join("<br>")}</p>`
      );
  }
}

function textBlock(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"=".repeat(Math.min(60, Math.max(8, [...block.text].length * 2)))}`;
    case "text":
      return block.text;
    case "button":
      return `${block.label}: ${block.href}`;
    case "rows":
      return block.rows
        .map((r) => `${r.label}: ${r.value}${r.href && r.href !== r.value ? ` <${r.href}>` : ""}`)
        .join("\n");
    case "lines":
      return block.lines
        .map(
          (l) =>
            `- ${l.name}\n  ${block.head.quantity} ${l.quantity} · ${block.head.price} ${l.unit} · ${block.head.amount} ${l.amount}`,
        )
        .join("\n");
    case "address":
      return [`${block.title}:`, ...block.lines.map((l) => `  ${l}`)].join("\n");
  }
}

function toRendered(email: Email): RenderedEmail {
  const e = escapeHtml;
  const html =
    `<!DOCTYPE html><html lang="${e(email.locale)}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(email.subject)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f5f5f4">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f5f5f4"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border:1px solid ${RULE};border-radius:8px">` +
    `<tr><td style="padding:16px 24px;background:${BRAND};border-radius:8px 8px 0 0;font-size:18px;font-weight:bold;color:#ffffff;${FONT}">${e(email.shopName)}</td></tr>` +
    `<tr><td style="padding:24px">${email.blocks.map(htmlBlock).join("")}</td></tr>` +
    `<tr><td style="padding:16px 24px;border-top:1px solid ${RULE}">` +
    email.footer
      .map((f) => `<p style="margin:0 0 6px;font-size:12px;line-height:18px;color:${MUTED};${FONT}">${e(f)}</p>`)
      .join("") +
    `</td></tr></table></td></tr></table></body></html>`;
  const text = [email.shopName, "", ...email.blocks.flatMap((b) => [textBlock(b), ""]), "--", ...email.footer].join(
    "\n",
  );
  return { subject: email.subject, html, text: `${text}\n` };
}

// ---------------------------------------------------------------------------
// The customer's mail, in the order's language.
// ---------------------------------------------------------------------------

function needOrder(model: EmailModel): EmailOrder {
  if (!model.order) throw new RenderError(`${model.topic} needs the order`);
  return model.order;
}

function needRefund(model: EmailModel): NonNullable<EmailModel["refund"]> {
  if (!model.refund) throw new RenderError(`${model.topic} needs the refund`);
  return model.refund;
}

function customerEmail(model: EmailModel): Email {
  // A stored order's language that this build no longer has falls back to English.
  const locale: Locale = isLocale(model.locale) ? model.locale : defaultLocale;
  const t = createTranslator({ locale, messages: MESSAGES[locale], namespace: "mail" });
  const order = needOrder(model);
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const orderNo = order.orderNo;
  const orderUrl = absoluteUrl(order.orderUrl, model.appUrl);
  const greeting: Block = {
    kind: "text",
    text: order.customerName?.trim() ? t("greeting", { name: order.customerName.trim() }) : t("greetingAnonymous"),
  };
  const viewOrder: Block[] = orderUrl ? [{ kind: "button", label: t("viewOrder"), href: orderUrl }] : [];
  const where: Block[] =
    order.delivery === "pickup"
      ? [{ kind: "address", title: t("pickup"), lines: [t("pickupText")] }]
      : order.addressLines && order.addressLines.length > 0
        ? [{ kind: "address", title: t("deliveryAddress"), lines: order.addressLines }]
        : [];
  const footer = [t("signature", { shop: model.shopName }), t("footer", { orderNo, shop: model.shopName })];
  const email = (subject: string, blocks: Block[]): Email => ({
    locale,
    subject,
    shopName: model.shopName,
    blocks,
    footer,
  });

  switch (model.topic) {
    case "order.paid": {
      const dateTime = new Intl.DateTimeFormat(locale, {
        dateStyle: "medium",
        timeStyle: "short",
        timeZone: HK_TIME_ZONE,
      });
      const totals: Row[] = [{ label: t("subtotal"), value: money(order.itemsMinor) }];
      if (order.delivery === "ship" || order.shippingMinor > 0)
        totals.push({
          label: order.methodName ? t("shippingMethod", { method: order.methodName }) : t("shipping"),
          value: order.shippingMinor === 0 ? t("free") : money(order.shippingMinor),
        });
      else totals.push({ label: t("shipping"), value: t("pickup") });
      totals.push({ label: t("total"), value: money(order.totalMinor), strong: true });
      return email(t("paid.subject", { orderNo }), [
        greeting,
        { kind: "heading", text: t("paid.heading") },
        { kind: "text", text: t("paid.intro", { total: money(order.totalMinor), orderNo }) },
        ...(order.paidAt
          ? [{ kind: "text", muted: true, text: t("paidAt", { date: dateTime.format(order.paidAt) }) } as Block]
          : []),
        {
          kind: "lines",
          head: { item: t("item"), quantity: t("quantity"), price: t("price"), amount: t("amount") },
          lines: order.lines.map((l) => ({
            name: l.name,
            quantity: String(l.quantity),
            unit: money(l.unitPriceMinor),
            amount: money(l.lineMinor),
          })),
        },
        { kind: "rows", rows: totals },
        ...where,
        ...viewOrder,
        { kind: "text", text: order.delivery === "pickup" ? t("paid.nextPickup") : t("paid.next") },
      ]);
    }
    case "order.shipped": {
      const trackingUrl = absoluteUrl(order.trackingUrl, model.appUrl);
      const rows: Row[] = [{ label: t("orderNo"), value: orderNo }];
      if (order.carrier) rows.push({ label: t("shipped.carrier"), value: order.carrier });
      if (order.trackingNumber)
        rows.push({ label: t("shipped.trackingNumber"), value: order.trackingNumber, href: trackingUrl });
      rows.push({ label: t("total"), value: money(order.totalMinor) });
      return email(t("shipped.subject", { orderNo }), [
        greeting,
        { kind: "heading", text: t("shipped.heading") },
        { kind: "text", text: t("shipped.intro", { orderNo }) },
        { kind: "rows", rows },
        ...(trackingUrl
          ? [{ kind: "button", label: t("shipped.track"), href: trackingUrl } as Block]
          : order.trackingNumber
            ? [{ kind: "text", muted: true, text: t("shipped.noTracking") } as Block]
            : []),
        ...where,
        ...viewOrder,
      ]);
    }
    case "order.refunded": {
      const refund = needRefund(model);
      const amount = money(refund.amountMinor);
      const refundedTotal = Math.max(refund.refundedMinor ?? refund.amountMinor, refund.amountMinor);
      const rows: Row[] = [{ label: t("refunded.refundedNow"), value: amount, strong: true }];
      if (!refund.full) {
        if (refundedTotal > refund.amountMinor)
          rows.push({ label: t("refunded.refundedTotal"), value: money(refundedTotal) });
        rows.push({ label: t("refunded.remaining"), value: money(Math.max(0, order.totalMinor - refundedTotal)) });
      }
      return email(t("refunded.subject", { orderNo }), [
        greeting,
        { kind: "heading", text: refund.full ? t("refunded.headingFull") : t("refunded.headingPartial") },
        {
          kind: "text",
          text: refund.full
            ? t("refunded.introFull", { amount, orderNo })
            : t("refunded.introPartial", { amount, orderNo }),
        },
        {
          kind: "rows",
          rows: [
            { label: t("orderNo"), value: orderNo },
            ...rows,
            { label: t("total"), value: money(order.totalMinor) },
          ],
        },
        { kind: "text", muted: true, text: t("refunded.wallet") },
        ...viewOrder,
      ]);
    }
    case "order.duplicate_refunded": {
      const refund = needRefund(model);
      const amount = money(refund.amountMinor);
      return email(t("duplicate.subject", { orderNo }), [
        greeting,
        { kind: "heading", text: t("duplicate.heading") },
        { kind: "text", text: t("duplicate.intro", { orderNo, amount }) },
        {
          kind: "rows",
          rows: [
            { label: t("orderNo"), value: orderNo },
            { label: t("total"), value: money(order.totalMinor) },
            { label: t("refunded.refundedNow"), value: amount, strong: true },
          ],
        },
        { kind: "text", text: t("duplicate.stillPaid") },
        { kind: "text", muted: true, text: t("refunded.wallet") },
        ...viewOrder,
      ]);
    }
    default:
      throw new RenderError(`${model.topic} is not a customer's mail`);
  }
}

// ---------------------------------------------------------------------------
// The merchant's alerts, in English.
// ---------------------------------------------------------------------------

/** "Dec 3, 2026, 10:05 AM HKT"; "never" for no time, the text itself for one that does not parse. */
function hkTime(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined || value === "") return "never";
  const date = new Date(typeof value === "boolean" ? NaN : value);
  if (Number.isNaN(date.getTime())) return String(value);
  return `${new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: HK_TIME_ZONE }).format(date)} HKT`;
}

function detail(model: EmailModel, key: string): string | null {
  const value = model.details[key];
  return value === null || value === undefined || value === "" ? null : String(value);
}

function merchantEmail(model: EmailModel): Email {
  const footer = [`${model.shopName} · merchant alert`, "This alert was sent to the shop's MERCHANT_EMAIL."];
  const email = (subject: string, blocks: Block[]): Email => ({
    locale: "en",
    subject,
    shopName: model.shopName,
    blocks,
    footer,
  });
  if (model.topic === "alert.reconcile_late") {
    const dashboard = absoluteUrl("/admin", model.appUrl);
    const last = hkTime(detail(model, "lastRunAt"));
    const since = hkTime(detail(model, "since"));
    return email(last === "never" ? "Reconciliation has never run" : `Reconciliation has not run since ${last}`, [
      { kind: "heading", text: "Reconciliation is late" },
      {
        kind: "text",
        text: "Reconciliation settles payments whose notify was lost and retries open refunds. It has not run on its schedule: check your scheduler (Vercel Cron, or the server's worker) and CRON_SECRET.",
      },
      {
        kind: "rows",
        rows: [
          { label: "Last run", value: last },
          { label: "Late since", value: since },
        ],
      },
      ...(dashboard ? [{ kind: "button", label: "Open the dashboard", href: dashboard } as Block] : []),
    ]);
  }
  const order = needOrder(model);
  const money = (minor: number) => formatMoney(minor, order.currency, "en");
  const adminUrl = absoluteUrl(order.adminUrl, model.appUrl);
  const open: Block[] = adminUrl
    ? [{ kind: "button", label: "Open the order in the back office", href: adminUrl }]
    : [];
  const customer = order.customerName?.trim() ? `${order.customerName.trim()} <${order.email}>` : order.email;
  switch (model.topic) {
    case "alert.new_order": {
      const delivery =
        order.delivery === "pickup"
          ? "Pick up in store"
          : `${order.methodName ?? "Shipping"} · ${order.shippingMinor === 0 ? "free" : money(order.shippingMinor)}`;
      return email(`New order ${order.orderNo} · ${money(order.totalMinor)}`, [
        { kind: "heading", text: `New paid order ${order.orderNo}` },
        {
          kind: "rows",
          rows: [
            { label: "Customer", value: customer },
            { label: "Paid", value: order.paidAt ? hkTime(order.paidAt.toISOString()) : "yes" },
            { label: "Delivery", value: delivery },
            { label: "Items", value: money(order.itemsMinor) },
            { label: "Total", value: money(order.totalMinor), strong: true },
          ],
        },
        {
          kind: "lines",
          head: { item: "Item", quantity: "Qty", price: "Price", amount: "Amount" },
          lines: order.lines.map((l) => ({
            name: l.name,
            quantity: String(l.quantity),
            unit: money(l.unitPriceMinor),
            amount: money(l.lineMinor),
          })),
        },
        ...(order.delivery === "ship" && order.addressLines?.length
          ? [{ kind: "address", title: "Ship to", lines: order.addressLines } as Block]
          : []),
        ...open,
      ]);
    }
    case "alert.duplicate_refunded": {
      const refund = needRefund(model);
      return email(`Duplicate payment refunded on ${order.orderNo}`, [
        { kind: "heading", text: "A payment was received twice" },
        {
          kind: "text",
          text: `Order ${order.orderNo} was paid twice. The extra payment of ${money(refund.amountMinor)} was refunded automatically and the customer was told; the order stays paid. Nothing is needed unless the customer asks.`,
        },
        {
          kind: "rows",
          rows: [
            { label: "Customer", value: customer },
            { label: "Order total", value: money(order.totalMinor) },
            { label: "Refunded", value: money(refund.amountMinor), strong: true },
          ],
        },
        ...open,
      ]);
    }
    case "alert.refund_refused": {
      const refund = needRefund(model);
      const reason = detail(model, "reason") ?? "no reason given";
      return email(`Refund refused by the gateway on ${order.orderNo}`, [
        { kind: "heading", text: "A refund was refused" },
        {
          kind: "text",
          text: `ScanForPay refused the refund of ${money(refund.amountMinor)} on order ${order.orderNo}. The customer has not been refunded: check the order, then try again or refund them another way.`,
        },
        {
          kind: "rows",
          rows: [
            { label: "Customer", value: customer },
            { label: "Refund", value: money(refund.amountMinor), strong: true },
            { label: "The gateway said", value: reason },
          ],
        },
        ...open,
      ]);
    }
    default:
      throw new RenderError(`${model.topic} is not a merchant alert`);
  }
}

const CUSTOMER_TOPICS: readonly EmailTopic[] = [
  "order.paid",
  "order.shipped",
  "order.refunded",
  "order.duplicate_refunded",
];

/** Is this topic the customer's own mail (in the order's language), or a merchant alert (English)? */
export function isCustomerTopic(topic: EmailTopic): boolean {
  return CUSTOMER_TOPICS.includes(topic);
}

/** The email for a message: subject, HTML and plain text. Throws RenderError when the model lacks what the topic needs. */
export function renderEmail(model: EmailModel): RenderedEmail {
  return toRendered(isCustomerTopic(model.topic) ? customerEmail(model) : merchantEmail(model));
}
