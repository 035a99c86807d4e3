// The sandbox gateway's API side: the five ScanForPay endpoints, answering as ScanForPay
// does (signed, compact, HTTP 200 with a result code). Framework-free: the Next.js route
// under app/sandbox/scanforpay/ and the contract tests' plain HTTP server both call it.
//
// Decisions where API.md is silent (the sandbox behaves like this, and so does the shop's
// handling of it):
//  - A wallet the endpoint does not take: code 44 (website + Wechat), 43 (JS API or QR + AlipayHK).
//  - JS API requests may omit `currency`: the order is then in HKD.
//  - An unpaid order past its timeout is reported as status 2 (fail).
//  - Status 3 (refunded) once refunds reach the paid amount; a partly refunded order stays 1.
//  - A refundNo already used for another order: code 5.
//  - goodsAmount + goodsExtraAmount (either named; a missing one counts 0) not equal to
//    orderAmount: code 5. The hosted page shows them (items, shipping) when they are named.
//  - Transport faults (timeout, malformed, bad signature) act on the request and then spoil
//    the answer, as a lost answer does in real life; codes 9 and 22 act on nothing.
//  - No `msg` contains the word "signature" (API.md's text for code 8 does): ScanForPay's own
//    PHP plugin splits the answer's text on that word to verify it, so a correctly signed answer
//    whose msg has it is refused. Code 8 says "sign invalid"; echoed input is rewritten too.
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { Prisma, type PrismaClient, type SandboxOrder } from "../generated/prisma/client";
import { SANDBOX_CREDENTIALS } from "../scanforpay/config";
import { decodeUtf8, newMessageId, readEnvelope, rfc3339, writeEnvelope } from "../scanforpay/envelope";
import type { Endpoint } from "../scanforpay/client";
import {
  jsapiCreateSchema,
  payQuerySchema,
  qrcodeCreateSchema,
  refundSchema,
  requestHeaderSchema,
  requiredFields,
  walletSchema,
  websiteCreateSchema,
} from "../scanforpay/schemas";
import { timeoutRuleMs } from "../scanforpay/timeout-rule";
import { takeFault, type FaultKind } from "./faults";

export type Partner = { partnerNo: string; storeNo: string; signKey: string };

export type SandboxDeps = {
  db: PrismaClient;
  /** Public base of the sandbox, e.g. http://localhost:3000/sandbox/scanforpay (payUrls start with it). */
  baseUrl: string;
  partner?: Partner;
  /** Multiplier for notify retry delays: 1 in real use, 0.001 in tests. */
  notifyDelayScale?: number;
  /** How long the "timeout" fault holds its answer back. Default 15 s (longer than the client's 10 s). */
  timeoutFaultMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
};

export type GatewayAnswer = { status: number; contentType: string; body: string };

type Body = Record<string, unknown>;
type Outcome = { code: number; msg: string } & Body;

const fail = (code: number, msg: string): Outcome => ({ code, msg });

/** Wallets each endpoint takes, and the code for a known wallet it does not. */
const walletRules: Record<"websiteCreate" | "jsapiCreate" | "qrcodeCreate", { allowed: string[]; refusal: number }> = {
  websiteCreate: { allowed: ["Alipay", "AlipayHK"], refusal: 44 },
  jsapiCreate: { allowed: ["Wechat", "Alipay"], refusal: 43 },
  qrcodeCreate: { allowed: ["Wechat", "Alipay"], refusal: 43 },
};

const createSchemas = {
  websiteCreate: websiteCreateSchema,
  jsapiCreate: jsapiCreateSchema,
  qrcodeCreate: qrcodeCreateSchema,
};
const flows = { websiteCreate: "website", jsapiCreate: "jsapi", qrcodeCreate: "qrcode" } as const;

export function partnerOf(deps: SandboxDeps): Partner {
  return deps.partner ?? SANDBOX_CREDENTIALS;
}

export function nowOf(deps: SandboxDeps): Date {
  return deps.now?.() ?? new Date();
}

/** A signed response envelope, as ScanForPay writes it. */
export function signedResponse(deps: SandboxDeps, body: Body, key = partnerOf(deps).signKey): string {
  const partner = partnerOf(deps);
  const header = {
    version: "1.0",
    partnerNo: partner.partnerNo,
    respMsgId: newMessageId(),
    respTime: rfc3339(nowOf(deps)),
    signType: "SHA256",
  };
  return writeEnvelope("response", { header, body }, key);
}

/** The body Pay Query answers (and a notify carries) for an order. */
export function payResultBody(order: SandboxOrder, now: Date): Body {
  return {
    code: 1,
    msg: "success",
    orderNo: order.orderNo,
    partnerOrderNo: order.partnerOrderNo,
    orderAmount: order.orderAmount,
    wallet: order.wallet,
    status: reportedStatus(order, now),
    ...(order.payTime ? { payTime: rfc3339(order.payTime) } : {}),
    currency: order.currency,
    ...(order.status === 1 || order.status === 3
      ? { buyer: "sandbox-buyer", buyerId: `sb${order.orderNo.slice(-8)}` }
      : {}),
  };
}

/** Status as Pay Query reports it: an unpaid order past its timeout counts as failed. */
export function reportedStatus(order: SandboxOrder, now: Date): number {
  return order.status === 0 && order.expiresAt <= now ? 2 : order.status;
}

/** The orderAmount a request names, read leniently (only to match a fault armed for it). */
function requestedAmount(bytes: Uint8Array): number | null {
  try {
    const amount = JSON.parse(decodeUtf8(bytes) ?? "")?.request?.body?.orderAmount;
    return Number.isSafeInteger(amount) ? amount : null;
  } catch {
    return null;
  }
}

export async function handleGatewayRequest(
  deps: SandboxDeps,
  endpoint: Endpoint,
  bytes: Uint8Array,
): Promise<GatewayAnswer> {
  const fault = await takeFault(deps.db, endpoint, () => requestedAmount(bytes));
  if (fault === "code9") return answer(deps, fail(9, "system error, please retry"));
  if (fault === "code22") return answer(deps, fail(22, "request to the payment institution failed, please retry"));
  const outcome = await process(deps, endpoint, bytes);
  return answer(deps, outcome, fault);
}

/** A msg the PHP plugin can verify: without the word "signature" (see the notes on top). */
export function pluginSafeMessage(msg: string): string {
  return msg.replace(/signature/gi, "sign");
}

async function answer(deps: SandboxDeps, outcome: Outcome, fault?: FaultKind | null): Promise<GatewayAnswer> {
  const safe = { ...outcome, msg: pluginSafeMessage(outcome.msg) };
  let body = signedResponse(deps, safe);
  if (fault === "malformed") body = body.slice(0, Math.floor(body.length / 2));
  if (fault === "bad-signature") body = signedResponse(deps, safe, "not-the-sign-key");
  if (fault === "timeout") await new Promise((resolve) => setTimeout(resolve, deps.timeoutFaultMs ?? 15_000));
  return { status: 200, contentType: "application/json; charset=utf-8", body };
}

async function process(deps: SandboxDeps, endpoint: Endpoint, bytes: Uint8Array): Promise<Outcome> {
  const partner = partnerOf(deps);
  const text = decodeUtf8(bytes);
  if (text === null) return fail(6, "invalid JSON: the body is not UTF-8");
  const envelope = readEnvelope(text, "request", partner.signKey);
  if (!envelope.ok) {
    if (envelope.problem === "empty") return fail(4, "the request is empty");
    if (envelope.problem === "json") return fail(6, `invalid JSON: ${envelope.detail}`);
    return fail(4, `required parameter empty: ${envelope.detail}`);
  }
  const header = requestHeaderSchema.safeParse(envelope.header);
  if (!header.success) return fail(5, `invalid header: ${describeIssues(header.error)}`);
  if (header.data.partnerNo !== partner.partnerNo) return fail(3, `partner ${header.data.partnerNo} is not authorised`);
  if (!envelope.signatureValid) return fail(8, "sign invalid: verification failed");
  if (typeof envelope.body !== "object" || envelope.body === null || Array.isArray(envelope.body))
    return fail(4, "required parameter empty: body");
  const body = envelope.body as Body;

  const missing = requiredFields[endpoint].find(
    (name) => body[name] === undefined || body[name] === null || body[name] === "",
  );
  if (missing) return fail(4, `required parameter empty: ${missing}`);

  if (endpoint === "payQuery") return payQuery(deps, body);
  if (endpoint === "refund") return refund(deps, body);
  return create(deps, endpoint, body, text);
}

async function create(
  deps: SandboxDeps,
  endpoint: "websiteCreate" | "jsapiCreate" | "qrcodeCreate",
  body: Body,
  requestText: string,
): Promise<Outcome> {
  const rule = walletRules[endpoint];
  const wallet = walletSchema.safeParse(body.wallet);
  if (wallet.success && !rule.allowed.includes(wallet.data)) {
    return fail(
      rule.refusal,
      rule.refusal === 44
        ? `${wallet.data} is not enabled for this payment type`
        : `no ${wallet.data} account for this payment type`,
    );
  }
  const parsed = createSchemas[endpoint].safeParse(body);
  if (!parsed.success) return fail(5, `parameter invalid: ${describeIssues(parsed.error)}`);
  const input = parsed.data;
  // The items and the extras (shipping), when named, must add up to the amount charged.
  const goods = "goodsAmount" in input ? input.goodsAmount : undefined;
  const extra = "goodsExtraAmount" in input ? input.goodsExtraAmount : undefined;
  if ((goods !== undefined || extra !== undefined) && (goods ?? 0) + (extra ?? 0) !== input.orderAmount)
    return fail(
      5,
      `parameter invalid: goodsAmount (${goods ?? 0}) + goodsExtraAmount (${extra ?? 0}) is not orderAmount (${input.orderAmount})`,
    );
  const partner = partnerOf(deps);
  if (input.storeNo !== partner.storeNo) return fail(3, `store ${input.storeNo} is not authorised`);

  const now = nowOf(deps);
  const start = input.orderCreate ? new Date(Number(input.orderCreate)) : now;
  const timeout = timeoutRuleMs(input.timeoutRule ?? "12h");
  const expiresAt = new Date(start.getTime() + timeout);
  // Epoch milliseconds and a timeout the calendar can hold (a year at most).
  if (
    Number.isNaN(expiresAt.getTime()) ||
    Math.abs(start.getTime() - now.getTime()) > 366 * 86_400_000 ||
    timeout > 366 * 86_400_000
  ) {
    return fail(5, "parameter invalid: orderCreate or timeoutRule is out of range");
  }
  const token = randomBytes(24).toString("base64url");
  try {
    await deps.db.sandboxOrder.create({
      data: {
        orderNo: gatewayOrderNo(now),
        partnerNo: partner.partnerNo,
        storeNo: input.storeNo,
        partnerOrderNo: input.partnerOrderNo,
        flow: flows[endpoint],
        wallet: input.wallet,
        currency: input.currency ?? "HKD",
        orderAmount: input.orderAmount,
        title: input.orderTitle ?? null,
        notifyUrl: input.notifyUrl ?? null,
        returnUrl: input.returnUrl ?? null,
        expiresAt,
        token,
        requestText,
      },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return fail(31, "duplicate order: partnerOrderNo already used");
    throw error;
  }
  return { code: 1, msg: "success", payUrl: `${deps.baseUrl}/pay/${token}` };
}

async function findOrder(
  deps: SandboxDeps,
  by: { partnerOrderNo?: string; orderNo?: string },
): Promise<SandboxOrder | null> {
  // orderNo wins when both are given (API.md).
  if (by.orderNo) return deps.db.sandboxOrder.findUnique({ where: { orderNo: by.orderNo } });
  if (by.partnerOrderNo) return deps.db.sandboxOrder.findUnique({ where: { partnerOrderNo: by.partnerOrderNo } });
  return null;
}

async function payQuery(deps: SandboxDeps, body: Body): Promise<Outcome> {
  const parsed = payQuerySchema.safeParse(body);
  if (!parsed.success) return fail(5, `parameter invalid: ${describeIssues(parsed.error)}`);
  if (!parsed.data.partnerOrderNo && !parsed.data.orderNo) return fail(7, "partnerOrderNo and orderNo are both empty");
  if (parsed.data.storeNo !== partnerOf(deps).storeNo) return fail(3, `store ${parsed.data.storeNo} is not authorised`);
  const order = await findOrder(deps, parsed.data);
  if (!order) return fail(30, "order does not exist");
  return payResultBody(order, nowOf(deps)) as Outcome;
}

async function refund(deps: SandboxDeps, body: Body): Promise<Outcome> {
  const parsed = refundSchema.safeParse(body);
  if (!parsed.success) return fail(5, `parameter invalid: ${describeIssues(parsed.error)}`);
  const input = parsed.data;
  // The documentation does not list storeNo for refunds: checked only when present.
  if (input.storeNo !== undefined && input.storeNo !== partnerOf(deps).storeNo)
    return fail(3, `store ${input.storeNo} is not authorised`);
  const order = await deps.db.sandboxOrder.findUnique({ where: { partnerOrderNo: input.partnerOrderNo } });
  if (!order) return fail(30, "order does not exist");

  for (let attempt = 0; attempt < 3; attempt++) {
    const earlier = await deps.db.sandboxRefund.findUnique({ where: { refundNo: input.refundNo } });
    if (earlier) {
      if (earlier.orderId !== order.id) return fail(5, "parameter invalid: refundNo already used for another order");
      return earlier.answerBody as Outcome;
    }
    const answerBody = {
      code: 1,
      msg: "success",
      refundNo: input.refundNo,
      orderAmount: input.orderAmount,
      currency: order.currency,
      status: 1,
    };
    try {
      return await deps.db.$transaction(async (tx) => {
        // One conditional update: concurrent refunds can never take more than was paid.
        const taken = await tx.sandboxOrder.updateMany({
          where: { id: order.id, status: 1, refundedAmount: { lte: order.orderAmount - input.orderAmount } },
          data: { refundedAmount: { increment: input.orderAmount } },
        });
        if (taken.count === 0) {
          const current = await tx.sandboxOrder.findUniqueOrThrow({ where: { id: order.id } });
          if (current.status !== 1)
            return fail(32, `order status ${reportedStatus(current, nowOf(deps))} does not allow a refund`);
          return fail(
            35,
            `refund exceeds the refundable amount (${current.orderAmount - current.refundedAmount} left)`,
          );
        }
        await tx.sandboxRefund.create({
          data: { refundNo: input.refundNo, orderId: order.id, amount: input.orderAmount, answerBody },
        });
        await tx.sandboxOrder.updateMany({
          where: { id: order.id, refundedAmount: order.orderAmount },
          data: { status: 3 },
        });
        return answerBody;
      });
    } catch (error) {
      // The same refundNo arrived twice at once: the other one won; answer what it answered.
      if (error instanceof Prisma.PrismaClientKnownRequestError && (error.code === "P2002" || error.code === "P2034"))
        continue;
      throw error;
    }
  }
  return fail(9, "system error, please retry");
}

/** Like ScanForPay's: date and time, then random digits (20 characters). */
function gatewayOrderNo(now: Date): string {
  const stamp = rfc3339(now).slice(0, 19).replace(/\D/g, "");
  const random = String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, "0");
  return stamp + random;
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "value"} ${issue.message}`).join("; ");
}
