// Contract tests: the ScanForPay client (lib/scanforpay) against the sandbox gateway
// (lib/sandbox) over real HTTP, for every endpoint, every result code the sandbox answers,
// and each fault switch. Raw requests check what the client itself would never send.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createScanForPayClient, type Exchange, type ScanForPayConfig } from "@/lib/scanforpay/client";
import { SANDBOX_CREDENTIALS } from "@/lib/scanforpay/config";
import { ScanForPayError } from "@/lib/scanforpay/errors";
import { readEnvelope, writeEnvelope } from "@/lib/scanforpay/envelope";
import { sign } from "@/lib/scanforpay/signature";
import { actOnOrder, findOrderByPartnerOrderNo } from "@/lib/sandbox/customer";
import { setFault } from "@/lib/sandbox/faults";
import { deliverDueNotifies, MAX_ATTEMPTS } from "@/lib/sandbox/notify";
import {
  startFixedServer,
  startNotifyReceiver,
  startSandboxServer,
  type NotifyReceiver,
  type SandboxServer,
} from "../helpers/sandbox-server";
import { createTestDb, type TestDb } from "../helpers/test-db";

let db: TestDb;
let gateway: SandboxServer;
let receiver: NotifyReceiver;
let exchanges: Exchange[];

beforeAll(async () => {
  db = await createTestDb();
  gateway = await startSandboxServer(db);
  receiver = await startNotifyReceiver();
});
afterAll(async () => {
  await gateway?.close();
  await receiver?.close();
  await db?.close();
});
beforeEach(async () => {
  exchanges = [];
  receiver.received.length = 0;
  receiver.answers.length = 0;
  await db.sandboxFault.deleteMany();
});

function client(overrides: Partial<ScanForPayConfig> = {}) {
  return createScanForPayClient({
    apiBase: gateway.apiBase,
    ...SANDBOX_CREDENTIALS,
    retryDelayMs: 10,
    onExchange: (e) => void exchanges.push(e),
    ...overrides,
  });
}

let counter = 0;
const orderNo = () => `t${Date.now()}${counter++}`.slice(0, 32);

async function expectCode(promise: Promise<unknown>, code: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ScanForPayError);
  expect((error as ScanForPayError).kind).toBe("business");
  expect((error as ScanForPayError).code).toBe(code);
  return error as ScanForPayError;
}

async function expectKind(promise: Promise<unknown>, kind: ScanForPayError["kind"]) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected a ${kind} error`).toBeInstanceOf(ScanForPayError);
  expect((error as ScanForPayError).kind).toBe(kind);
  return error as ScanForPayError;
}

/** A paid order at the gateway, with notifies going to the receiver. */
async function paidOrder(amount = 16800) {
  const partnerOrderNo = orderNo();
  await client().createWebsitePayment({
    partnerOrderNo,
    wallet: "AlipayHK",
    currency: "HKD",
    orderAmount: amount,
    notifyUrl: receiver.url,
  });
  const order = (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!;
  await actOnOrder(gateway.deps, order, "success", "none");
  return partnerOrderNo;
}

/** Posts a raw request body to an endpoint and answers the answer's text. */
async function rawText(path: string, body: string | Uint8Array): Promise<string> {
  const response = await fetch(gateway.apiBase + path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: typeof body === "string" ? body : Buffer.from(body),
  });
  return response.text();
}

/** Posts a raw request body to an endpoint and reads the verified answer's body. */
async function raw(
  path: string,
  body: string | Uint8Array,
): Promise<{ code: number; msg: string } & Record<string, unknown>> {
  const text = await rawText(path, body);
  const envelope = readEnvelope(text, "response", SANDBOX_CREDENTIALS.signKey);
  expect(envelope.ok && envelope.signatureValid).toBe(true);
  return (envelope as { body: { code: number; msg: string } }).body;
}

const header = {
  version: "1.0",
  partnerNo: "10001",
  reqMsgId: "fd03f269318045758af08f6cf324fb0f",
  reqTime: "2026-11-22T10:00:00+08:00",
  signType: "SHA256",
};
const signedRequest = (body: object, head: object = header, key: string = SANDBOX_CREDENTIALS.signKey) =>
  writeEnvelope("request", { header: head, body }, key);
const websiteBody = (over: Record<string, unknown> = {}) => ({
  storeNo: "100010000000002",
  partnerOrderNo: orderNo(),
  wallet: "AlipayHK",
  currency: "HKD",
  orderAmount: 2100,
  ...over,
});

describe("create endpoints", () => {
  it("website payment answers a payUrl on the sandbox, and every exchange is reported with its raw text", async () => {
    const partnerOrderNo = orderNo();
    const { payUrl } = await client().createWebsitePayment({
      partnerOrderNo,
      wallet: "AlipayHK",
      currency: "HKD",
      orderAmount: 16800,
      orderTitle: "Harbour Goods",
      notifyUrl: receiver.url,
      returnUrl: "https://shop.example/api/scanforpay/return",
      timeoutRule: "30m",
    });
    expect(payUrl).toMatch(new RegExp(`^${gateway.apiBase}/pay/[A-Za-z0-9_-]{32}$`));
    expect(exchanges.map((e) => [e.endpoint, e.direction, e.signatureValid])).toEqual([
      ["websiteCreate", "sent", null],
      ["websiteCreate", "received", true],
    ]);
    expect(exchanges[0]!.rawText).toMatch(
      /^\{"request":\{"header":\{"version":"1.0","partnerNo":"10001","reqMsgId":"[0-9a-f]{32}","reqTime":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00","signType":"SHA256"\},"body":\{"storeNo":"100010000000002","partnerOrderNo":/,
    );
    expect(exchanges[0]!.rawText).toMatch(/,"signature":"[0-9a-f]{64}"\}$/);
    expect(exchanges.every((e) => !e.rawText.includes(SANDBOX_CREDENTIALS.signKey + '"'))).toBe(true);
    const order = await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo);
    expect(order).toMatchObject({
      flow: "website",
      wallet: "AlipayHK",
      orderAmount: 16800,
      currency: "HKD",
      status: 0,
    });
    expect(order!.expiresAt.getTime() - order!.createdAt.getTime()).toBeGreaterThan(29 * 60_000);
    expect(order!.expiresAt.getTime() - order!.createdAt.getTime()).toBeLessThan(31 * 60_000);
  });

  it("JS API and QR code payments are created with their wallets", async () => {
    const jsapi = await client().createJsapiPayment({
      partnerOrderNo: orderNo(),
      wallet: "Wechat",
      currency: "HKD",
      orderAmount: 100,
    });
    const qr = await client().createQrcodePayment({
      partnerOrderNo: orderNo(),
      wallet: "Wechat",
      currency: "HKD",
      orderAmount: 100,
    });
    const alipay = await client().createJsapiPayment({ partnerOrderNo: orderNo(), wallet: "Alipay", orderAmount: 100 });
    for (const { payUrl } of [jsapi, qr, alipay]) expect(payUrl.startsWith(`${gateway.apiBase}/pay/`)).toBe(true);
  });

  it("31: a partnerOrderNo can be used once; create is never retried", async () => {
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({ partnerOrderNo, wallet: "Alipay", currency: "HKD", orderAmount: 100 });
    exchanges = [];
    const error = await expectCode(
      client().createWebsitePayment({ partnerOrderNo, wallet: "Alipay", currency: "HKD", orderAmount: 100 }),
      31,
    );
    expect(error.retryable).toBe(false);
    expect(error.message).toMatch(/Duplicate order/);
    expect(exchanges).toHaveLength(2);
  });

  it("43 / 44: a wallet the endpoint does not take", async () => {
    expect((await raw("/api/online/create", signedRequest(websiteBody({ wallet: "Wechat" })))).code).toBe(44);
    expect((await raw("/api/jspay/create", signedRequest(websiteBody({ wallet: "AlipayHK" })))).code).toBe(43);
    expect((await raw("/api/offline/qrcode", signedRequest(websiteBody({ wallet: "AlipayHK" })))).code).toBe(43);
    expect((await raw("/api/online/create", signedRequest(websiteBody({ wallet: "Venmo" })))).code).toBe(5);
  });
});

describe("the request checks, in ScanForPay's codes", () => {
  it("4: empty body, missing envelope members, missing required fields", async () => {
    expect((await raw("/api/online/create", "")).code).toBe(4);
    expect((await raw("/api/online/create", '{"signature":"x"}')).code).toBe(4);
    const { wallet: _omit, ...noWallet } = websiteBody();
    expect(await raw("/api/online/create", signedRequest(noWallet))).toMatchObject({
      code: 4,
      msg: expect.stringMatching(/wallet/),
    });
    expect((await raw("/api/online/create", signedRequest(websiteBody({ currency: "" })))).code).toBe(4);
  });

  it("5: invalid values (length, type, fractional amount, timeout rule)", async () => {
    expect((await raw("/api/online/create", signedRequest(websiteBody({ partnerOrderNo: "x".repeat(33) })))).code).toBe(
      5,
    );
    expect((await raw("/api/online/create", signedRequest(websiteBody({ orderAmount: "2100" })))).code).toBe(5);
    expect((await raw("/api/online/create", signedRequest(websiteBody({ orderTitle: "t".repeat(101) })))).code).toBe(5);
    expect((await raw("/api/online/create", signedRequest(websiteBody({ timeoutRule: "1.5h" })))).code).toBe(5);
    // The browser is sent to returnUrl: only http(s) is taken.
    expect(
      (await raw("/api/online/create", signedRequest(websiteBody({ returnUrl: "javascript:alert(document.cookie)" }))))
        .code,
    ).toBe(5);
    expect(
      (await raw("/api/online/create", signedRequest(websiteBody({ notifyUrl: "file:///etc/passwd" })))).code,
    ).toBe(5);
    const fractional = signedRequest(websiteBody()).replace('"orderAmount":2100', '"orderAmount":2100.5');
    const refixed = `{"request":${fractional.slice(11, fractional.indexOf(',"signature"'))},"signature":"${sign(fractional.slice(11, fractional.indexOf(',"signature"')), "123456")}"}`;
    expect((await raw("/api/online/create", refixed)).code).toBe(5);
  });

  it("accepts 2100.0 as a whole amount", async () => {
    const text = JSON.stringify({ header, body: websiteBody() }).replace('"orderAmount":2100', '"orderAmount":2100.0');
    expect((await raw("/api/online/create", `{"request":${text},"signature":"${sign(text, "123456")}"}`)).code).toBe(1);
  });

  it("6: not JSON, or not UTF-8", async () => {
    expect((await raw("/api/online/create", "{this is not json")).code).toBe(6);
    expect((await raw("/api/online/create", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).code).toBe(6);
  });

  it("8: a request altered by one byte after signing", async () => {
    const good = signedRequest(websiteBody());
    expect((await raw("/api/online/create", good.replace('"orderAmount":2100', '"orderAmount":2101'))).code).toBe(8);
    expect((await raw("/api/online/create", signedRequest(websiteBody(), header, "654321"))).code).toBe(8);
  });

  it("3: an unknown partner or store", async () => {
    expect(
      (await raw("/api/online/create", signedRequest(websiteBody(), { ...header, partnerNo: "99999" }))).code,
    ).toBe(3);
    expect((await raw("/api/online/create", signedRequest(websiteBody({ storeNo: "999" })))).code).toBe(3);
  });

  it("accepts a request written the way PHP writes JSON", async () => {
    // ScanForPay's PHP plugin: \/ escapes, \uXXXX for Chinese, empty reqMsgId, requestTime,
    // amounts as 2100.0, fields no table lists.
    const partnerOrderNo = orderNo();
    const php =
      `{"header":{"version":"1.0","partnerNo":"10001","reqMsgId":"","requestTime":"2026-11-22T10:00:00+08:00","signType":"SHA256"},` +
      `"body":{"storeNo":"100010000000002","partnerOrderNo":"${partnerOrderNo}","wallet":"AlipayHK","currency":"HKD","orderAmount":2100.0,` +
      `"orderTitle":"\\u6e2f\\u8ca8\\u8a02\\u55ae","notifyUrl":"https:\\/\\/shop.example\\/api\\/scanforpay\\/notify",` +
      `"returnUrl":"https:\\/\\/shop.example\\/api\\/scanforpay\\/return?partnerOrderNo=${partnerOrderNo}","pluginVersion":"3.1"}}`;
    const answer = await raw("/api/online/create", `{"request":${php},"signature":"${sign(php, "123456")}"}`);
    expect(answer.code).toBe(1);
    const order = await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo);
    expect(order).toMatchObject({
      title: "港貨訂單",
      notifyUrl: "https://shop.example/api/scanforpay/notify",
      orderAmount: 2100,
    });
  });
});

describe("Pay Query", () => {
  it("follows the order: 0 to be paid, 1 paid (with payTime), 2 failed; 30 unknown; 7 neither number", async () => {
    const partnerOrderNo = orderNo();
    await client().createQrcodePayment({ partnerOrderNo, wallet: "Wechat", currency: "HKD", orderAmount: 4200 });
    expect(await client().payQuery({ partnerOrderNo })).toMatchObject({
      code: 1,
      status: 0,
      orderAmount: 4200,
      currency: "HKD",
      wallet: "Wechat",
      partnerOrderNo,
    });
    const order = (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!;
    expect((await actOnOrder(gateway.deps, order, "success")).effect).toBe("paid");
    const paid = await client().payQuery({ partnerOrderNo });
    expect(paid).toMatchObject({ status: 1, orderNo: order.orderNo });
    expect(paid.payTime).toMatch(/\+08:00$/);
    // orderNo wins over partnerOrderNo.
    expect(await client().payQuery({ orderNo: order.orderNo, partnerOrderNo: "whatever" })).toMatchObject({
      partnerOrderNo,
      status: 1,
    });
    // A second decision changes nothing.
    expect((await actOnOrder(gateway.deps, order, "fail")).effect).toBe("unchanged");

    const failedNo = orderNo();
    await client().createJsapiPayment({ partnerOrderNo: failedNo, wallet: "Alipay", orderAmount: 100 });
    await actOnOrder(gateway.deps, (await findOrderByPartnerOrderNo(gateway.deps, failedNo))!, "fail");
    expect(await client().payQuery({ partnerOrderNo: failedNo })).toMatchObject({ status: 2 });

    await expectCode(client().payQuery({ partnerOrderNo: "no-such-order" }), 30);
    expect((await raw("/api/common/payQuery", signedRequest({ storeNo: "100010000000002" }))).code).toBe(7);
  });

  it("an unpaid order past its timeout is failed, and can no longer be paid", async () => {
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({
      partnerOrderNo,
      wallet: "Alipay",
      currency: "HKD",
      orderAmount: 100,
      orderCreate: String(Date.now() - 2 * 60_000),
      timeoutRule: "1m",
    });
    expect(await client().payQuery({ partnerOrderNo })).toMatchObject({ status: 2 });
    expect(
      (await actOnOrder(gateway.deps, (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!, "success"))
        .effect,
    ).toBe("unchanged");
  });
});

describe("Refund", () => {
  it("partial and repeated refunds up to the paid amount; then status 3", async () => {
    const partnerOrderNo = await paidOrder(10000);
    expect(
      await client().refund({ partnerOrderNo, refundNo: `r1${partnerOrderNo}`.slice(0, 32), orderAmount: 3000 }),
    ).toMatchObject({ refunded: true, orderAmount: 3000, currency: "HKD" });
    expect(await client().payQuery({ partnerOrderNo })).toMatchObject({ status: 1 });
    const tooMuch = await expectCode(
      client().refund({ partnerOrderNo, refundNo: `r2${partnerOrderNo}`.slice(0, 32), orderAmount: 7001 }),
      35,
    );
    expect(tooMuch.retryable).toBe(false);
    expect(
      await client().refund({ partnerOrderNo, refundNo: `r3${partnerOrderNo}`.slice(0, 32), orderAmount: 7000 }),
    ).toMatchObject({ refunded: true });
    expect(await client().payQuery({ partnerOrderNo })).toMatchObject({ status: 3 });
    await expectCode(
      client().refund({ partnerOrderNo, refundNo: `r4${partnerOrderNo}`.slice(0, 32), orderAmount: 1 }),
      32,
    );
  });

  it("a repeated refundNo answers the first result and refunds once", async () => {
    const partnerOrderNo = await paidOrder(10000);
    const refundNo = `rr${partnerOrderNo}`.slice(0, 32);
    const first = await client().refund({ partnerOrderNo, refundNo, orderAmount: 2500 });
    const again = await client().refund({ partnerOrderNo, refundNo, orderAmount: 2500 });
    expect(again).toEqual(first);
    const order = await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo);
    expect(order!.refundedAmount).toBe(2500);
    // The same refundNo for another order is refused.
    const other = await paidOrder(5000);
    expect(
      (await expectCode(client().refund({ partnerOrderNo: other, refundNo, orderAmount: 100 }), 5)).message,
    ).toMatch(/invalid/);
  });

  it("concurrent refunds never exceed the paid amount", async () => {
    const partnerOrderNo = await paidOrder(10000);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        client({ maxAttempts: 1 }).refund({
          partnerOrderNo,
          refundNo: `c${i}${partnerOrderNo}`.slice(0, 32),
          orderAmount: 3000,
        }),
      ),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    expect(ok).toHaveLength(3);
    const order = await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo);
    expect(order!.refundedAmount).toBe(9000);
    for (const r of results) if (r.status === "rejected") expect((r.reason as ScanForPayError).code).toBe(35);
  });

  it("30 for an unknown order, 32 for an unpaid one, 3 for another store", async () => {
    await expectCode(client().refund({ partnerOrderNo: "nope", refundNo: "r-nope", orderAmount: 1 }), 30);
    const unpaid = orderNo();
    await client().createWebsitePayment({
      partnerOrderNo: unpaid,
      wallet: "Alipay",
      currency: "HKD",
      orderAmount: 100,
    });
    await expectCode(
      client().refund({ partnerOrderNo: unpaid, refundNo: `u${unpaid}`.slice(0, 32), orderAmount: 1 }),
      32,
    );
    expect(
      (
        await raw(
          "/api/common/refund",
          signedRequest({ partnerOrderNo: unpaid, refundNo: "x1", orderAmount: 1, storeNo: "999" }),
        )
      ).code,
    ).toBe(3);
  });
});

describe("fault switches", () => {
  it("code 9 and 22: Pay Query retries and succeeds; create reports a retryable failure without retrying", async () => {
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({ partnerOrderNo, wallet: "Alipay", currency: "HKD", orderAmount: 100 });
    for (const kind of ["code9", "code22"] as const) {
      await setFault(db, kind, 2);
      exchanges = [];
      expect(await client().payQuery({ partnerOrderNo })).toMatchObject({ status: 0 });
      expect(exchanges.filter((e) => e.direction === "sent")).toHaveLength(3);
      await setFault(db, kind, 1);
      const error = await expectCode(
        client().createWebsitePayment({
          partnerOrderNo: orderNo(),
          wallet: "Alipay",
          currency: "HKD",
          orderAmount: 100,
        }),
        kind === "code9" ? 9 : 22,
      );
      expect(error.retryable).toBe(true);
    }
  });

  it("a fault armed for one amount waits for a call of that amount (a test's own, amid others)", async () => {
    await setFault(db, "code9", 1, "create", 777);
    const create = (orderAmount: number) =>
      client().createWebsitePayment({ partnerOrderNo: orderNo(), wallet: "Alipay", currency: "HKD", orderAmount });
    await expect(create(100)).resolves.toMatchObject({ payUrl: expect.any(String) });
    await expectCode(create(777), 9);
    await expect(create(777)).resolves.toMatchObject({ payUrl: expect.any(String) });
  });

  it("timeout: the client gives up after its timeout; Pay Query tries again and gets through", async () => {
    await setFault(db, "timeout", 1);
    const partnerOrderNo = orderNo();
    const error = await expectKind(
      client({ timeoutMs: 300 }).createWebsitePayment({
        partnerOrderNo,
        wallet: "Alipay",
        currency: "HKD",
        orderAmount: 100,
      }),
      "timeout",
    );
    expect(error.stateUnknown).toBe(true);
    // The gateway did act on it: the order exists.
    expect(await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo)).not.toBeNull();
    await setFault(db, "timeout", 1);
    expect(await client({ timeoutMs: 300 }).payQuery({ partnerOrderNo })).toMatchObject({ status: 0 });
  });

  it("a refund that times out is retried with the same refundNo and lands once", async () => {
    const partnerOrderNo = await paidOrder(10000);
    await setFault(db, "timeout", 1);
    const result = await client({ timeoutMs: 300 }).refund({
      partnerOrderNo,
      refundNo: `t${partnerOrderNo}`.slice(0, 32),
      orderAmount: 4000,
    });
    expect(result.refunded).toBe(true);
    expect((await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!.refundedAmount).toBe(4000);
  });

  it("malformed JSON and a bad signature are refused by the client", async () => {
    await setFault(db, "malformed", 1);
    await expectKind(
      client().createWebsitePayment({ partnerOrderNo: orderNo(), wallet: "Alipay", currency: "HKD", orderAmount: 100 }),
      "malformed",
    );
    await setFault(db, "bad-signature", 1);
    const error = await expectKind(
      client().createWebsitePayment({ partnerOrderNo: orderNo(), wallet: "Alipay", currency: "HKD", orderAmount: 100 }),
      "signature",
    );
    expect(error.retryable).toBe(false);
    expect(exchanges.at(-1)).toMatchObject({ direction: "received", signatureValid: false });
  });
});

describe("transport failures and tampered answers", () => {
  it("a response altered by one byte is refused", async () => {
    const tamper: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const text = await response.text();
      return new Response(text.replace('"code":1', '"code":1 '), {
        status: response.status,
        headers: response.headers,
      });
    };
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({ partnerOrderNo, wallet: "Alipay", currency: "HKD", orderAmount: 100 });
    await expectKind(client({ fetch: tamper, maxAttempts: 1 }).payQuery({ partnerOrderNo }), "signature");
  });

  it("network failure, HTTP error and a non-envelope answer", async () => {
    const down = await startFixedServer(502, "<html>Bad gateway</html>");
    const http = await expectKind(
      client({ apiBase: down.url, maxAttempts: 2 }).payQuery({ partnerOrderNo: "x" }),
      "http",
    );
    expect(http.retryable).toBe(true);
    expect(down.hits()).toBe(2);
    await down.close();
    await expectKind(client({ apiBase: down.url, maxAttempts: 1 }).payQuery({ partnerOrderNo: "x" }), "network");
    const html = await startFixedServer(200, "<html>maintenance</html>");
    await expectKind(client({ apiBase: html.url }).payQuery({ partnerOrderNo: "x" }), "malformed");
    await html.close();
  });
});

describe("notify", () => {
  it("is delivered signed after a payment, verifies, and carries the order's amount and currency", async () => {
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({
      partnerOrderNo,
      wallet: "AlipayHK",
      currency: "HKD",
      orderAmount: 16800,
      notifyUrl: receiver.url,
    });
    await actOnOrder(gateway.deps, (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!, "success");
    expect((await deliverDueNotifies(gateway.deps)).attempts).toBe(1);
    expect(receiver.received).toHaveLength(1);
    const notify = client().parseNotify(receiver.received[0]!);
    expect(notify.result).toMatchObject({
      partnerOrderNo,
      orderAmount: 16800,
      currency: "HKD",
      status: 1,
      wallet: "AlipayHK",
    });
    expect((await deliverDueNotifies(gateway.deps)).attempts).toBe(0);
    // Altered by one byte, or signed with another key: refused.
    const body = receiver.received[0]!;
    expect(() => client().parseNotify(body.replace('"orderAmount":16800', '"orderAmount":16801'))).toThrow(/signature/);
    expect(() => client({ signKey: "654321" }).parseNotify(body)).toThrow(/signature/);
    expect(() => client().parseNotify("success")).toThrow(ScanForPayError);
  });

  it("is retried on anything but the exact body `success`, on the scaled schedule, then given up", async () => {
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({
      partnerOrderNo,
      wallet: "Alipay",
      currency: "HKD",
      orderAmount: 100,
      notifyUrl: receiver.url,
    });
    receiver.answers.push("fail", "success\n", "SUCCESS");
    const order = (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!;
    await actOnOrder(gateway.deps, order, "success");
    for (let i = 0; i < 4; i++) {
      await deliverDueNotifies(gateway.deps);
      await new Promise((r) => setTimeout(r, 400)); // retry delays × 0.001: 15 ms, 60 ms, 300 ms
    }
    expect(receiver.received).toHaveLength(4);
    const row = await db.sandboxNotify.findFirstOrThrow({ where: { orderId: order.id } });
    expect(row).toMatchObject({ status: "delivered", attempts: 4, lastAnswer: "success" });

    // A merchant that never answers `success`: given up after the last attempt.
    const stubborn = orderNo();
    await client().createWebsitePayment({
      partnerOrderNo: stubborn,
      wallet: "Alipay",
      currency: "HKD",
      orderAmount: 100,
      notifyUrl: receiver.url,
    });
    const stubbornOrder = (await findOrderByPartnerOrderNo(gateway.deps, stubborn))!;
    const { notifies } = await actOnOrder(gateway.deps, stubbornOrder, "success");
    expect(notifies).toBe(1);
    const notify = await db.sandboxNotify.findFirstOrThrow({ where: { orderId: stubbornOrder.id } });
    await db.sandboxNotify.update({ where: { id: notify.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    receiver.answers.push("error");
    await deliverDueNotifies(gateway.deps);
    expect(await db.sandboxNotify.findUniqueOrThrow({ where: { id: notify.id } })).toMatchObject({
      status: "failed",
      attempts: MAX_ATTEMPTS,
    });
  });

  it("modes: duplicate sends three, before-return delivers at once, delayed waits, none sends nothing; never for failures", async () => {
    const make = async () => {
      const partnerOrderNo = orderNo();
      await client().createWebsitePayment({
        partnerOrderNo,
        wallet: "Alipay",
        currency: "HKD",
        orderAmount: 100,
        notifyUrl: receiver.url,
      });
      return (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!;
    };
    await actOnOrder(gateway.deps, await make(), "success", "duplicate");
    await deliverDueNotifies(gateway.deps);
    expect(receiver.received).toHaveLength(3);

    receiver.received.length = 0;
    await actOnOrder(gateway.deps, await make(), "success", "before-return");
    expect(receiver.received).toHaveLength(1); // already there when act returns

    receiver.received.length = 0;
    const delayed = await make();
    await actOnOrder(gateway.deps, delayed, "success", "delayed");
    await deliverDueNotifies(gateway.deps);
    expect(receiver.received).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 60)); // 20 s × 0.001
    await deliverDueNotifies(gateway.deps);
    expect(receiver.received).toHaveLength(1);

    receiver.received.length = 0;
    await actOnOrder(gateway.deps, await make(), "success", "none");
    await actOnOrder(gateway.deps, await make(), "fail");
    await actOnOrder(gateway.deps, await make(), "cancel");
    await deliverDueNotifies(gateway.deps);
    expect(receiver.received).toHaveLength(0);
  });

  it("two workers delivering at once send each attempt once", async () => {
    const partnerOrderNo = orderNo();
    await client().createWebsitePayment({
      partnerOrderNo,
      wallet: "Alipay",
      currency: "HKD",
      orderAmount: 100,
      notifyUrl: receiver.url,
    });
    await actOnOrder(gateway.deps, (await findOrderByPartnerOrderNo(gateway.deps, partnerOrderNo))!, "success");
    await Promise.all([
      deliverDueNotifies(gateway.deps),
      deliverDueNotifies(gateway.deps),
      deliverDueNotifies(gateway.deps),
    ]);
    expect(receiver.received).toHaveLength(1);
  });
});

describe("no answer's msg says 'signature'", () => {
  // ScanForPay's PHP plugin splits an answer's text on the word "signature" to verify it: a
  // correctly signed answer whose msg contains it would be refused. Every code the sandbox
  // answers is produced here, a few with the word in the request that an answer might echo.
  it("for every result code the sandbox can produce, and in the answer's text only as the member's name", async () => {
    const answers: { label: string; text: string }[] = [];
    const post = async (label: string, path: string, body: string | Uint8Array) =>
      void answers.push({ label, text: await rawText(path, body) });
    const create = "/api/online/create";
    const paid = await paidOrder(1000);
    const unpaid = orderNo();
    await post("1 create, to stay unpaid", create, signedRequest(websiteBody({ partnerOrderNo: unpaid })));
    await post("1 create", create, signedRequest(websiteBody()));
    await post(
      "1 pay query",
      "/api/common/payQuery",
      signedRequest({ storeNo: "100010000000002", partnerOrderNo: paid }),
    );
    await post(
      "1 refund",
      "/api/common/refund",
      signedRequest({ partnerOrderNo: paid, refundNo: `s${paid}`.slice(0, 32), orderAmount: 100 }),
    );
    await post("3 partner", create, signedRequest(websiteBody(), { ...header, partnerNo: "signature" }));
    await post("3 store", create, signedRequest(websiteBody({ storeNo: "Signature" })));
    await post("4 empty", create, "");
    await post("4 no signature member", create, `{"request":${JSON.stringify({ header, body: websiteBody() })}}`);
    await post("4 no request member", create, '{"signature":"x"}');
    await post("4 missing field", create, signedRequest({ ...websiteBody(), wallet: "" }));
    await post("5 header", create, signedRequest(websiteBody(), { ...header, signType: "signature" }));
    await post("5 value", create, signedRequest(websiteBody({ orderTitle: "signature ".repeat(20) })));
    await post("6 json", create, '{"signature" signature SIGNATURE');
    await post("6 utf-8", create, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    await post("7 neither number", "/api/common/payQuery", signedRequest({ storeNo: "100010000000002" }));
    await post("8 bad sign", create, signedRequest(websiteBody(), header, "654321"));
    await post(
      "30 unknown order",
      "/api/common/payQuery",
      signedRequest({ storeNo: "100010000000002", orderNo: "signature" }),
    );
    const once = websiteBody();
    await post("31 first", create, signedRequest(once));
    await post("31 duplicate", create, signedRequest(once));
    await post(
      "32 unpaid refund",
      "/api/common/refund",
      signedRequest({ partnerOrderNo: unpaid, refundNo: `u${unpaid}`.slice(0, 32), orderAmount: 1 }),
    );
    await post(
      "35 too much",
      "/api/common/refund",
      signedRequest({ partnerOrderNo: paid, refundNo: `x${paid}`.slice(0, 32), orderAmount: 100_000 }),
    );
    await post("43 wallet", "/api/jspay/create", signedRequest(websiteBody({ wallet: "AlipayHK" })));
    await post("44 wallet", create, signedRequest(websiteBody({ wallet: "Wechat" })));
    for (const kind of ["code9", "code22", "bad-signature"] as const) {
      await setFault(db, kind, 1, "create");
      await post(kind, create, signedRequest(websiteBody()));
    }

    const codes = new Set<number>();
    for (const { label, text } of answers) {
      const envelope = readEnvelope(text, "response", SANDBOX_CREDENTIALS.signKey);
      expect(envelope.ok, label).toBe(true);
      if (!envelope.ok) continue;
      expect(envelope.signatureValid, label).toBe(label !== "bad-signature");
      const body = envelope.body as { code: number; msg: string };
      codes.add(body.code);
      expect(typeof body.msg, label).toBe("string");
      expect(body.msg, `${label}: ${body.msg}`).not.toMatch(/signature/i);
      // The word appears once: the envelope's own `"signature":` member, last.
      expect(text.match(/signature/gi), label).toEqual(["signature"]);
      expect(text).toMatch(/,"signature":"[0-9a-f]{64}"\}$/);
    }
    // Every code lib/sandbox/server.ts can answer (`fail(N, …)`, the wallet refusals, 1) was seen.
    const source = readFileSync(new URL("../../lib/sandbox/server.ts", import.meta.url), "utf8");
    const producible = new Set([
      1,
      ...[...source.matchAll(/\bfail\(\s*(\d+)/g)].map((m) => Number(m[1])),
      ...[...source.matchAll(/\brefusal: (\d+)/g)].map((m) => Number(m[1])),
    ]);
    expect(producible.size).toBeGreaterThan(10);
    expect([...codes].sort((a, b) => a - b)).toEqual([...producible].sort((a, b) => a - b));
  });
});
