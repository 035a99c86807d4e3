// Which ways to pay (a wallet and its flow: a pay method) to offer, from the browser's user
// agent alone (pure).
// The table is API.md's "Which flow serves which customer", plus decisions for the cases
// it does not name:
//
//   inside WeChat (MicroMessenger)           JS API, Wechat
//   inside Alipay (AlipayClient, not HK)     JS API, Alipay
//   inside the AlipayHK app (AlipayClientHK) website payment, AlipayHK
//   other desktop browser                    website payment (AlipayHK, Alipay), or WeChat Pay
//                                            by QR code on our own page
//   other phone browser                      website payment (AlipayHK, Alipay), and WeChat Pay
//                                            handed off to WeChat: the order is placed first and
//                                            its own link (copy, or a QR code) is opened in
//                                            WeChat, which pays it by JS API
// Decisions:
//   WeCom (wxwork): its browser cannot open WeChat Pay's JS API sheet, so it is treated as
//     an ordinary browser of its kind (desktop WeCom gets the QR code, phone WeCom the hand-off).
//   WeChat mini-program web views (miniProgram): WeChat forbids the JS API payment there
//     (a mini program must pay through its own wx.requestPayment), so they get website
//     payment and the WeChat hand-off, like a phone browser.
import type { GatewayWallet } from "../scanforpay/schemas";

/** A payment flow at the gateway (the Payment row's `flow`). */
export type Flow = "website" | "jsapi" | "qrcode";
export type Surroundings = "wechat" | "wechat-miniprogram" | "wecom" | "alipay" | "alipayhk" | "desktop" | "phone";
/** A way to pay this browser can start at the gateway. */
export type GatewayMethod = { wallet: GatewayWallet; flow: Flow };
/** WeChat Pay from a browser that cannot pay it: the order's link is opened in WeChat instead. */
export type HandoffMethod = { wallet: "Wechat"; flow: "handoff" };
/** A way to pay, as the customer picks it (the form's `wallet` field names it). */
export type PayMethod = GatewayMethod | HandoffMethod;
export type PayMethods = {
  surroundings: Surroundings;
  /** In the order to show them; the first is the default. */
  methods: PayMethod[];
};

const PHONE = /Mobi|Android|iPhone|iPad|iPod|HarmonyOS|OpenHarmony|Windows Phone/i;
const website = (wallet: GatewayWallet): GatewayMethod => ({ wallet, flow: "website" });
const WECHAT_HANDOFF: HandoffMethod = { wallet: "Wechat", flow: "handoff" };

export function payMethods(userAgent: string | null | undefined): PayMethods {
  const ua = userAgent ?? "";
  const phone = PHONE.test(ua);
  const inWeChat = /MicroMessenger/i.test(ua);
  const inWeCom = /wxwork/i.test(ua);
  if (inWeChat && !inWeCom) {
    if (/miniProgram/i.test(ua))
      return { surroundings: "wechat-miniprogram", methods: [website("AlipayHK"), website("Alipay"), WECHAT_HANDOFF] };
    return { surroundings: "wechat", methods: [{ wallet: "Wechat", flow: "jsapi" }] };
  }
  // AlipayHK's app also says AlipayClient: test for the HK app first.
  if (/AlipayClientHK/i.test(ua)) return { surroundings: "alipayhk", methods: [website("AlipayHK")] };
  if (/AlipayClient/i.test(ua)) return { surroundings: "alipay", methods: [{ wallet: "Alipay", flow: "jsapi" }] };
  const surroundings: Surroundings = inWeCom ? "wecom" : phone ? "phone" : "desktop";
  if (phone) return { surroundings, methods: [website("AlipayHK"), website("Alipay"), WECHAT_HANDOFF] };
  return { surroundings, methods: [website("AlipayHK"), website("Alipay"), { wallet: "Wechat", flow: "qrcode" }] };
}

/** The method for a wallet the customer picked, if this browser may use it. */
export function methodFor<M extends PayMethod>(offered: M[], wallet: string): M | undefined {
  return offered.find((method) => method.wallet === wallet);
}

/** The methods this browser can start at the gateway itself (the hand-off is not one). */
export function gatewayMethods(methods: PayMethods): GatewayMethod[] {
  return methods.methods.filter((method): method is GatewayMethod => method.flow !== "handoff");
}

/** Does this browser hand WeChat Pay off to WeChat (a phone browser, WeCom, a mini program)? */
export function handsOffWeChat(methods: PayMethods): boolean {
  return methods.methods.some((method) => method.flow === "handoff");
}
