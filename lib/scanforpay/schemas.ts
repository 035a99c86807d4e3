// zod schemas for every message in API.md. Unknown fields are dropped (real clients send
// extra ones); amounts are whole numbers (2100.0 parses as 2100; 2100.5 is refused).
import { z } from "zod";

const str = (max: number) => z.string().max(max);
const amount = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const positiveAmount = amount.min(1);
/** Absent, null or "" count as not given for optional fields (PHP sends "" for unset ones). */
const opt = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === null || v === "" ? undefined : v), schema.optional());

export const walletSchema = z.enum(["Alipay", "AlipayHK", "Wechat"]);
export type GatewayWallet = z.infer<typeof walletSchema>;

// ---- envelope headers ----
export const requestHeaderSchema = z
  .object({
    version: z.literal("1.0"),
    partnerNo: str(15).min(1),
    // ScanForPay's own PHP plugin sends an empty reqMsgId; accept it.
    reqMsgId: str(32).optional(),
    reqTime: opt(str(40)),
    requestTime: opt(str(40)),
    signType: z.literal("SHA256"),
  })
  .refine((h) => h.reqTime !== undefined || h.requestTime !== undefined, {
    message: "reqTime is required",
    path: ["reqTime"],
  });

export const responseHeaderSchema = z.object({
  version: z.string(),
  partnerNo: z.string(),
  respMsgId: z.string().optional(),
  reqMsgId: z.string().optional(),
  respTime: z.string().optional(),
  signType: z.literal("SHA256"),
});

// ---- request bodies ----
/** An http(s) URL of at most 200 characters: never javascript: or data: (the browser is sent there). */
const webUrl = str(200).refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
  message: "must be an http(s) URL",
});

/** Who at the shop made the call (optional on every call that takes them). */
const till = { operatorId: opt(str(20)), terminalNo: opt(str(20)) };

const common = {
  ...till,
  storeNo: str(15).min(1),
  partnerOrderNo: str(32).min(1),
  orderAmount: positiveAmount,
  orderTitle: opt(str(100)),
  notifyUrl: opt(webUrl),
  returnUrl: opt(webUrl),
};
const timing = {
  /** Epoch milliseconds, as text. */
  orderCreate: opt(str(20).regex(/^\d{1,20}$/, "orderCreate must be epoch milliseconds")),
  /** Whole number and unit: 90m, 12h, 3d. */
  timeoutRule: opt(str(10).regex(/^[1-9]\d{0,8}[mhd]$/, "timeoutRule must be a whole number followed by m, h or d")),
};

/** The amounts of a create call that names its currency (website payment, QR code). */
const priced = { currency: str(10).min(1), goodsAmount: opt(amount), goodsExtraAmount: opt(amount) };

export const websiteCreateSchema = z.object({
  ...common,
  ...timing,
  ...priced,
  wallet: z.enum(["Alipay", "AlipayHK"]),
});

/** JS API: API.md lists no currency (the store's own); we send it, and the sandbox honours it. */
export const jsapiCreateSchema = z.object({
  ...common,
  ...timing,
  wallet: z.enum(["Wechat", "Alipay"]),
  currency: opt(str(10)),
});

export const qrcodeCreateSchema = z.object({ ...common, ...timing, ...priced, wallet: z.enum(["Wechat", "Alipay"]) });

export const payQuerySchema = z.object({
  storeNo: str(15).min(1),
  partnerOrderNo: opt(str(32)),
  orderNo: opt(str(64)),
});

export const refundSchema = z.object({
  partnerOrderNo: str(32).min(1),
  refundNo: str(32).min(1),
  orderAmount: positiveAmount,
  ...till,
  storeNo: opt(str(15)),
});

export type WebsiteCreateBody = z.infer<typeof websiteCreateSchema>;
export type JsapiCreateBody = z.infer<typeof jsapiCreateSchema>;
export type QrcodeCreateBody = z.infer<typeof qrcodeCreateSchema>;
export type PayQueryBody = z.infer<typeof payQuerySchema>;
export type RefundBody = z.infer<typeof refundSchema>;

/** Fields whose absence (or "") is code 4 rather than code 5, per endpoint. */
export const requiredFields = {
  websiteCreate: ["storeNo", "partnerOrderNo", "wallet", "currency", "orderAmount"],
  jsapiCreate: ["storeNo", "partnerOrderNo", "wallet", "orderAmount"],
  qrcodeCreate: ["storeNo", "partnerOrderNo", "wallet", "currency", "orderAmount"],
  payQuery: ["storeNo"],
  refund: ["partnerOrderNo", "refundNo", "orderAmount"],
} as const;

// ---- response bodies ----
export const resultSchema = z.object({ code: z.number().int(), msg: z.string().default("") });

/** The customer is sent to payUrl: only an https (or, for a local sandbox, http) address. */
export const createResultSchema = resultSchema.extend({
  payUrl: z
    .string()
    .max(2048)
    .refine((v) => URL.canParse(v) && /^https?:$/.test(new URL(v).protocol), {
      message: "payUrl must be an http(s) URL",
    }),
});

/** 0 to be paid · 1 success · 2 fail · 3 refunded */
export const payStatusSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type PayStatus = z.infer<typeof payStatusSchema>;

export const payResultSchema = resultSchema.extend({
  orderNo: z.string().min(1).max(64),
  partnerOrderNo: z.string().min(1).max(32),
  orderAmount: amount,
  wallet: z.string().max(10),
  status: payStatusSchema,
  payTime: opt(z.string().max(40)),
  currency: z.string().min(1).max(10),
  buyer: opt(z.string().max(128)),
  buyerId: opt(z.string().max(128)),
});
export type PayResult = z.infer<typeof payResultSchema>;

export const refundResultSchema = resultSchema.extend({
  refundNo: z.string().min(1).max(32),
  orderAmount: amount,
  currency: z.string().max(10).default(""),
  status: z.number().int(),
});
export type RefundResult = z.infer<typeof refundResultSchema> & { refunded: boolean };
