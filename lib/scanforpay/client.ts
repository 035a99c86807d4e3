// The ScanForPay client: one function per endpoint, plus parseNotify. Framework-free.
//
// Every message sent and received (including failures) is reported to `onExchange`, so the
// caller can keep it as a payment event. Responses are verified over their raw text before
// anything in them is believed. Pay Query and Refund are retried on network failures,
// timeouts, HTTP 5xx and codes 9/22 (a refund keeps its refundNo, so a retry cannot refund
// twice); the create endpoints never retry on their own.
import { businessError, ScanForPayError } from "./errors";
import { decodeUtf8, newMessageId, readEnvelope, rfc3339, writeEnvelope } from "./envelope";
import {
  createResultSchema,
  payResultSchema,
  refundResultSchema,
  responseHeaderSchema,
  resultSchema,
  type JsapiCreateBody,
  type PayResult,
  type QrcodeCreateBody,
  type RefundResult,
  type WebsiteCreateBody,
} from "./schemas";
import type { z } from "zod";

export const endpoints = {
  websiteCreate: "/api/online/create",
  jsapiCreate: "/api/jspay/create",
  qrcodeCreate: "/api/offline/qrcode",
  payQuery: "/api/common/payQuery",
  refund: "/api/common/refund",
} as const;
export type Endpoint = keyof typeof endpoints;

export type Exchange = {
  endpoint: Endpoint;
  direction: "sent" | "received";
  /** Exactly the text on the wire; for a failure with no answer, a short description. */
  rawText: string;
  /** null for what we sent and for answers that carry no signature. */
  signatureValid: boolean | null;
  partnerOrderNo?: string;
  httpStatus?: number;
};

export type ScanForPayConfig = {
  apiBase: string;
  partnerNo: string;
  storeNo: string;
  signKey: string;
  /** Per attempt. Default 10 000 ms. */
  timeoutMs?: number;
  /** Attempts for Pay Query and Refund. Default 3. */
  maxAttempts?: number;
  /** First retry delay, doubled each time. Default 300 ms. */
  retryDelayMs?: number;
  onExchange?: (exchange: Exchange) => void | Promise<void>;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Stops calls under way and every retry when it fires (a reconciliation pass out of time). */
  signal?: AbortSignal;
};

/** Waits, or less if the signal fires first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Fields the client fills in itself. */
type Own = "storeNo";
export type WebsiteCreateInput = Omit<WebsiteCreateBody, Own>;
export type JsapiCreateInput = Omit<JsapiCreateBody, Own>;
export type QrcodeCreateInput = Omit<QrcodeCreateBody, Own>;
export type CreateResult = { payUrl: string };
export type PayQueryInput = { partnerOrderNo: string; orderNo?: string } | { orderNo: string; partnerOrderNo?: string };
export type RefundInput = {
  partnerOrderNo: string;
  refundNo: string;
  orderAmount: number;
  operatorId?: string;
  terminalNo?: string;
};
export type Notify = { result: PayResult; signedText: string };

export type ScanForPayClient = ReturnType<typeof createScanForPayClient>;

export function createScanForPayClient(config: ScanForPayConfig) {
  const timeoutMs = config.timeoutMs ?? 10_000;
  const maxAttempts = Math.max(1, config.maxAttempts ?? 3);
  const retryDelayMs = config.retryDelayMs ?? 300;
  const doFetch = config.fetch ?? fetch;
  const now = config.now ?? (() => new Date());
  const base = config.apiBase.replace(/\/+$/, "");

  async function record(exchange: Exchange) {
    try {
      await config.onExchange?.(exchange);
    } catch {
      // Recording is the caller's concern; a failing recorder must not change the call's outcome.
    }
  }

  /** One HTTP round trip; resolves to the verified response body or throws a ScanForPayError. */
  async function once(
    endpoint: Endpoint,
    body: Record<string, unknown>,
    partnerOrderNo: string | undefined,
  ): Promise<unknown> {
    const header = {
      version: "1.0",
      partnerNo: config.partnerNo,
      reqMsgId: newMessageId(),
      reqTime: rfc3339(now()),
      signType: "SHA256",
    };
    const text = writeEnvelope("request", { header, body }, config.signKey);
    await record({ endpoint, direction: "sent", rawText: text, signatureValid: null, partnerOrderNo });

    let response: Response;
    try {
      response = await doFetch(base + endpoints[endpoint], {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8", accept: "application/json" },
        body: text,
        signal: config.signal
          ? AbortSignal.any([AbortSignal.timeout(timeoutMs), config.signal])
          : AbortSignal.timeout(timeoutMs),
        cache: "no-store",
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const message = config.signal?.aborted
        ? "stopped before ScanForPay answered (out of time)"
        : timedOut
          ? `no answer from ScanForPay within ${timeoutMs} ms`
          : `could not reach ScanForPay: ${describeCause(error)}`;
      await record({ endpoint, direction: "received", rawText: `(${message})`, signatureValid: null, partnerOrderNo });
      throw new ScanForPayError(timedOut ? "timeout" : "network", `${endpoints[endpoint]}: ${message}`, {
        cause: error,
      });
    }

    let rawText: string;
    try {
      const decoded = decodeUtf8(new Uint8Array(await response.arrayBuffer()));
      if (decoded === null) throw new Error("the answer is not UTF-8");
      rawText = decoded;
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      const message = timedOut
        ? `the answer did not finish within ${timeoutMs} ms`
        : `unreadable answer: ${describeCause(error)}`;
      await record({
        endpoint,
        direction: "received",
        rawText: `(${message})`,
        signatureValid: null,
        partnerOrderNo,
        httpStatus: response.status,
      });
      throw new ScanForPayError(timedOut ? "timeout" : "malformed", `${endpoints[endpoint]}: ${message}`, {
        httpStatus: response.status,
        cause: error,
      });
    }

    const envelope = readEnvelope(rawText, "response", config.signKey);
    await record({
      endpoint,
      direction: "received",
      rawText,
      signatureValid: envelope.ok ? envelope.signatureValid : null,
      partnerOrderNo,
      httpStatus: response.status,
    });
    if (!response.ok) {
      throw new ScanForPayError("http", `${endpoints[endpoint]}: HTTP ${response.status}`, {
        httpStatus: response.status,
        rawText,
      });
    }
    if (!envelope.ok)
      throw new ScanForPayError("malformed", `${endpoints[endpoint]}: malformed answer (${envelope.detail})`, {
        rawText,
      });
    if (!envelope.signatureValid)
      throw new ScanForPayError("signature", `${endpoints[endpoint]}: the answer's signature does not verify`, {
        rawText,
      });
    const headerCheck = responseHeaderSchema.safeParse(envelope.header);
    if (!headerCheck.success || headerCheck.data.partnerNo !== config.partnerNo) {
      throw new ScanForPayError(
        "malformed",
        `${endpoints[endpoint]}: the answer's header is not for partner ${config.partnerNo}`,
        { rawText },
      );
    }
    const result = resultSchema.safeParse(envelope.body);
    if (!result.success)
      throw new ScanForPayError("malformed", `${endpoints[endpoint]}: the answer has no result code`, { rawText });
    if (result.data.code !== 1) throw businessError(result.data.code, result.data.msg, rawText);
    return envelope.body;
  }

  async function call<S extends z.ZodType>(
    endpoint: Endpoint,
    body: Record<string, unknown>,
    schema: S,
    retry: boolean,
  ): Promise<z.infer<S>> {
    const clean = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
    const partnerOrderNo = typeof clean.partnerOrderNo === "string" ? clean.partnerOrderNo : undefined;
    const attempts = retry ? maxAttempts : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await once(endpoint, clean, partnerOrderNo);
        const parsed = schema.safeParse(answer);
        if (!parsed.success) {
          throw new ScanForPayError(
            "malformed",
            `${endpoints[endpoint]}: unexpected answer (${parsed.error.issues.map((i) => i.path.join(".") || i.message).join(", ")})`,
            {
              rawText: JSON.stringify(answer),
            },
          );
        }
        return parsed.data;
      } catch (error) {
        if (!(error instanceof ScanForPayError) || !error.retryable || attempt >= attempts || config.signal?.aborted)
          throw error;
        await pause(retryDelayMs * 2 ** (attempt - 1), config.signal);
        if (config.signal?.aborted) throw error;
      }
    }
  }

  return {
    config: { apiBase: base, partnerNo: config.partnerNo, storeNo: config.storeNo, timeoutMs },

    /** Website payment: the customer is sent to `payUrl`, ScanForPay's hosted checkout. */
    createWebsitePayment(input: WebsiteCreateInput): Promise<CreateResult> {
      return call("websiteCreate", { storeNo: config.storeNo, ...input }, createResultSchema, false);
    },

    /** JS API, inside WeChat or Alipay: `payUrl` opens the wallet's payment sheet. */
    createJsapiPayment(input: JsapiCreateInput): Promise<CreateResult> {
      return call("jsapiCreate", { storeNo: config.storeNo, ...input }, createResultSchema, false);
    },

    /** QR code payment: render `payUrl` as a QR code on the shop's own page. */
    createQrcodePayment(input: QrcodeCreateInput): Promise<CreateResult> {
      return call("qrcodeCreate", { storeNo: config.storeNo, ...input }, createResultSchema, false);
    },

    /** The gateway's view of a payment. Retried when that is safe. */
    payQuery(input: PayQueryInput): Promise<PayResult> {
      return call("payQuery", { storeNo: config.storeNo, ...input }, payResultSchema, true);
    },

    /** Refunds `orderAmount` (minor units). Retried with the same refundNo, which ScanForPay applies once. */
    async refund(input: RefundInput): Promise<RefundResult> {
      const result = await call("refund", { storeNo: config.storeNo, ...input }, refundResultSchema, true);
      return { ...result, refunded: result.status === 1 };
    },

    /**
     * A notify's raw body, verified over its exact text. Throws ScanForPayError "signature"
     * or "malformed"; the amount and currency checks against our order are the caller's.
     */
    parseNotify(rawText: string): Notify {
      const envelope = readEnvelope(rawText, "response", config.signKey);
      if (!envelope.ok) throw new ScanForPayError("malformed", `notify: ${envelope.detail}`, { rawText });
      if (!envelope.signatureValid)
        throw new ScanForPayError("signature", "notify: the signature does not verify", { rawText });
      const header = responseHeaderSchema.safeParse(envelope.header);
      if (!header.success || header.data.partnerNo !== config.partnerNo)
        throw new ScanForPayError("malformed", `notify: not for partner ${config.partnerNo}`, { rawText });
      const parsed = payResultSchema.safeParse(envelope.body);
      if (!parsed.success || parsed.data.code !== 1)
        throw new ScanForPayError("malformed", "notify: the body is not a successful payment result", { rawText });
      return { result: parsed.data, signedText: envelope.signedText };
    },
  };
}

function describeCause(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
