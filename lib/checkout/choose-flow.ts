// Which payment flow and wallets to offer, from the browser's user agent alone (pure).
// The table is API.md's "Which flow serves which customer", plus decisions for the cases
// it does not name:
//
//   inside WeChat (MicroMessenger)           JS API, Wechat
//   inside Alipay (AlipayClient, not HK)     JS API, Alipay
//   inside the AlipayHK app (AlipayClientHK) website payment, AlipayHK
//   other desktop browser                    website payment (AlipayHK, Alipay), or WeChat Pay
//                                            by QR code on our own page
//   other phone browser                      website payment (AlipayHK, Alipay), and for WeChat
//                                            Pay an "open this page in WeChat" panel
// Decisions:
//   WeCom (wxwork): its browser cannot open WeChat Pay's JS API sheet, so it is treated as
//     an ordinary browser of its kind (desktop WeCom gets the QR code, phone WeCom the panel).
//   WeChat mini-program web views (miniProgram): WeChat forbids the JS API payment there
//     (a mini program must pay through its own wx.requestPayment), so they get website
//     payment and the "open in WeChat" panel, like a phone browser.
import type { GatewayWallet } from "../scanforpay/schemas";

export type Flow = "website" | "jsapi" | "qrcode";
export type Surroundings = "wechat" | "wechat-miniprogram" | "wecom" | "alipay" | "alipayhk" | "desktop" | "phone";
export type WalletOption = { wallet: GatewayWallet; flow: Flow };
export type FlowChoice = {
  surroundings: Surroundings;
  /** In the order to show them; the first is the default. */
  options: WalletOption[];
  /** Phone browsers cannot pay with WeChat Pay: show how to open the page in WeChat instead. */
  openInWeChatHint: boolean;
};

const PHONE = /Mobi|Android|iPhone|iPad|iPod|HarmonyOS|OpenHarmony|Windows Phone/i;
const website = (wallet: GatewayWallet): WalletOption => ({ wallet, flow: "website" });

export function chooseFlow(userAgent: string | null | undefined): FlowChoice {
  const ua = userAgent ?? "";
  const phone = PHONE.test(ua);
  const inWeChat = /MicroMessenger/i.test(ua);
  const inWeCom = /wxwork/i.test(ua);
  if (inWeChat && !inWeCom) {
    if (/miniProgram/i.test(ua))
      return {
        surroundings: "wechat-miniprogram",
        options: [website("AlipayHK"), website("Alipay")],
        openInWeChatHint: true,
      };
    return { surroundings: "wechat", options: [{ wallet: "Wechat", flow: "jsapi" }], openInWeChatHint: false };
  }
  // AlipayHK's app also says AlipayClient: test for the HK app first.
  if (/AlipayClientHK/i.test(ua))
    return { surroundings: "alipayhk", options: [website("AlipayHK")], openInWeChatHint: false };
  if (/AlipayClient/i.test(ua))
    return { surroundings: "alipay", options: [{ wallet: "Alipay", flow: "jsapi" }], openInWeChatHint: false };
  const surroundings: Surroundings = inWeCom ? "wecom" : phone ? "phone" : "desktop";
  if (phone) return { surroundings, options: [website("AlipayHK"), website("Alipay")], openInWeChatHint: true };
  return {
    surroundings,
    options: [website("AlipayHK"), website("Alipay"), { wallet: "Wechat", flow: "qrcode" }],
    openInWeChatHint: false,
  };
}

/** The flow for a wallet the customer picked, if this browser may use it. */
export function flowFor(choice: FlowChoice, wallet: string): WalletOption | undefined {
  return choice.options.find((option) => option.wallet === wallet);
}
