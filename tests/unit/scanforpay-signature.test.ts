import { describe, expect, it } from "vitest";
import { readEnvelope, rfc3339, writeEnvelope } from "@/lib/scanforpay/envelope";
import { topLevelSpans } from "@/lib/scanforpay/raw-json";
import { sign, verify } from "@/lib/scanforpay/signature";

const KEY = "123456";
// The test vectors of API.md.
const createRequest =
  '{"header":{"version":"1.0","partnerNo":"10001","reqMsgId":"fd03f269318045758af08f6cf324fb0f","reqTime":"2018-07-25T18:06:05+08:00","signType":"SHA256"},"body":{"storeNo":"100010000000002","partnerOrderNo":"p20180725180605466813","wallet":"AlipayHK","currency":"HKD","orderAmount":2100,"orderTitle":"Consume","notifyUrl":"https://shop.example/api/scanforpay/notify","returnUrl":"https://shop.example/api/scanforpay/return"}}';
const successResponse =
  '{"header":{"version":"1.0","partnerNo":"10001","respMsgId":"213ca19ec75f450d9acf46e860570bb9","respTime":"2018-07-25T18:06:12+08:00","signType":"SHA256"},"body":{"code":1,"msg":"success","orderNo":"2018072518060757","partnerOrderNo":"p20180725180605466813","payTime":"2018-07-25T18:06:12+08:00","orderAmount":2100,"wallet":"AlipayHK","currency":"HKD","status":1}}';
const failureResponse =
  '{"header":{"version":"1.0","partnerNo":"10001","respMsgId":"213ca19ec75f450d9acf46e860570bb9","respTime":"2018-07-25T18:06:12+08:00","signType":"SHA256"},"body":{"code":30,"msg":"订单不存在"}}';

describe("sign", () => {
  it("matches every vector in API.md", () => {
    expect(sign(createRequest, KEY)).toBe("18386da045927a002b694ea3fd1b14536d0c44b2fe59d3538d87bb68c83f0094");
    expect(sign(createRequest.replaceAll("/", "\\/"), KEY)).toBe(
      "be543e38c4fd2d5aa008e19baee34a3f7957a83fbce101d544a1a3a4bc334a6c",
    );
    expect(sign(successResponse, KEY)).toBe("127ad5ef75ef3457ec9760dbbcbd571ebb37a6d4c3b9ad37c5b690cbda9f8055");
    expect(sign(failureResponse, KEY)).toBe("88a6a22de6f16e8693661cecd3279df2d0db1bae591003997b1d76369b8e5ece");
  });
});

describe("verify", () => {
  const good = sign(successResponse, KEY);
  it("accepts the right signature only", () => {
    expect(verify(successResponse, good, KEY)).toBe(true);
    expect(verify(successResponse, good, "654321")).toBe(false);
    expect(verify(successResponse.replace("2100", "2101"), good, KEY)).toBe(false);
    expect(verify(successResponse, good.toUpperCase(), KEY)).toBe(false);
    expect(verify(successResponse, good.slice(1), KEY)).toBe(false);
    expect(verify(successResponse, undefined, KEY)).toBe(false);
    expect(verify(successResponse, 42, KEY)).toBe(false);
  });
});

describe("envelope", () => {
  it("writes compact JSON, root first and signature last", () => {
    const text = writeEnvelope("request", JSON.parse(createRequest), KEY);
    expect(text).toBe(
      `{"request":${createRequest},"signature":"18386da045927a002b694ea3fd1b14536d0c44b2fe59d3538d87bb68c83f0094"}`,
    );
  });

  it("verifies over the raw text: PHP's \\/ escapes, \\u escapes and whitespace survive", () => {
    const php = createRequest.replaceAll("/", "\\/");
    const wire = `{"request":${php},"signature":"${sign(php, KEY)}"}`;
    const read = readEnvelope(wire, "request", KEY);
    expect(read.ok && read.signatureValid).toBe(true);
    expect(read.ok && (read.body as { notifyUrl: string }).notifyUrl).toBe(
      "https://shop.example/api/scanforpay/notify",
    );

    const ascii = failureResponse.replace("订单不存在", "\\u8ba2\\u5355\\u4e0d\\u5b58\\u5728");
    const asciiWire = `{ "response" : ${ascii} ,\n "signature":"${sign(ascii, KEY)}" }`;
    const readAscii = readEnvelope(asciiWire, "response", KEY);
    expect(readAscii.ok && readAscii.signatureValid).toBe(true);
    expect(readAscii.ok && (readAscii.body as { msg: string }).msg).toBe("订单不存在");
  });

  it("refuses a message altered by one byte", () => {
    const wire = writeEnvelope("response", JSON.parse(successResponse), KEY);
    for (let i = 0; i < wire.indexOf(',"signature"'); i += 7) {
      const altered = wire.slice(0, i) + (wire[i] === "1" ? "2" : "1") + wire.slice(i + 1);
      const read = readEnvelope(altered, "response", KEY);
      expect(read.ok && read.signatureValid, `byte ${i}`).not.toBe(true);
    }
  });

  it("names what is wrong with a malformed message", () => {
    expect(readEnvelope("", "response", KEY)).toMatchObject({ ok: false, problem: "empty" });
    expect(readEnvelope("{not json", "response", KEY)).toMatchObject({ ok: false, problem: "json" });
    expect(readEnvelope('{"response":[],"signature":"x"}', "response", KEY)).toMatchObject({
      ok: false,
      problem: "shape",
    });
    expect(readEnvelope('{"response":{}}', "response", KEY)).toMatchObject({ ok: false, problem: "shape" });
    // Two `response` members: JSON.parse keeps the last, a naive scan signs the first. Refused.
    const doubled = `{"response":{"body":{"code":1}},"response":{"body":{"code":2}},"signature":"${sign('{"body":{"code":1}}', KEY)}"}`;
    expect(readEnvelope(doubled, "response", KEY)).toMatchObject({ ok: false, problem: "shape" });
  });
});

describe("topLevelSpans", () => {
  it("finds exact spans around strings holding braces, quotes and escapes", () => {
    const text = '{"a":"}{\\"\\\\","request":{"x":["]",{"y":"\\"}"}]},"n":-1.5e3,"t":true}';
    const spans = topLevelSpans(text)!;
    const at = (k: string) => text.slice(spans.get(k)!.start, spans.get(k)!.end);
    expect(at("a")).toBe('"}{\\"\\\\"');
    expect(at("request")).toBe('{"x":["]",{"y":"\\"}"}]}');
    expect(at("n")).toBe("-1.5e3");
    expect(at("t")).toBe("true");
    expect(topLevelSpans("[1]")).toBeNull();
  });
});

describe("rfc3339", () => {
  it("writes Hong Kong time with its offset", () => {
    expect(rfc3339(new Date("2018-07-25T10:06:05Z"))).toBe("2018-07-25T18:06:05+08:00");
    expect(rfc3339(new Date("2018-07-25T10:06:05Z"), -330)).toBe("2018-07-25T04:36:05-05:30");
  });
});
