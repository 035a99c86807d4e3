import { describe, expect, it } from "vitest";
import { gatewayMethods, handsOffWeChat, methodFor, payMethods } from "@/lib/checkout/pay-methods";

// Real user-agent strings of each kind.
const UA = {
  wechatIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.54(0x1800362a) NetType/WIFI Language/zh_HK",
  wechatAndroid:
    "Mozilla/5.0 (Linux; Android 14; Pixel 7 Build/UQ1A.240205.004; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/130.0.6723.103 Mobile Safari/537.36 XWEB/1300333 MMWEBSDK/20241103 MMWEBID/2481 MicroMessenger/8.0.54.2760(0x28003637) WeChat/arm64 Weixin NetType/WIFI Language/zh_HK ABI/arm64",
  wechatMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) MicroMessenger/6.8.0(0x16080000) MacWechat/3.8.9(0x13080910) XWEB/1227 Flue",
  wechatWindows:
    "Mozilla/5.0 (Windows NT 10.0; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/81.0.4044.138 Safari/537.36 NetType/WIFI MicroMessenger/7.0.20.1781(0x6700143B) WindowsWechat(0x63090a13) UnifiedPCWindowsWechat(0xf254162e) XWEB/16467 Flue",
  miniProgram:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.54(0x1800362a) NetType/WIFI Language/zh_CN miniProgram/wx1234567890abcdef",
  wecomAndroid:
    "Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5169 MMWEBSDK/20230701 MMWEBID/1234 wxwork/4.1.10 MicroMessenger/7.0.1 NetType/WIFI Language/zh ColorScheme/Light",
  wecomWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/98.0.4758.102 Safari/537.36 wxwork/4.1.20 (MicroMessenger/6.2) WindowsWechat MailPlugin_Electron WeMail embeddisk",
  alipayIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.1.0 AliApp(AP/10.6.10.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|844|3.0) AlipayClient/10.6.10.6000 Language/zh-Hans Region/CN NebulaX/1.0.0",
  alipayAndroid:
    "Mozilla/5.0 (Linux; U; Android 14; zh-CN; 23127PN0CC Build/UKQ1.230804.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/118.0.5993.80 UWS/3.22.2.9999 Mobile Safari/537.36 UCBS/3.22.2.9999_231201170000 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:393|0|2.75) AliApp(AP/10.5.70.8000) AlipayClient/10.5.70.8000 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CN NebulaX/1.0.0 Ariver/1.0.0",
  alipayHkIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Ariver/1.0.10 AliApp(AP/15.10.0.000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|844|3.0) AlipayClientHK/15.10.0.000 Language/zh-Hant Region/HK",
  alipayHkAndroid:
    "Mozilla/5.0 (Linux; U; Android 13; zh-HK; SM-S9180 Build/TP1A.220624.014) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/101.0.4951.61 Mobile Safari/537.36 Nebula AlipayDefined(nt:WIFI,ws:360|0|3.0) AliApp(AP/15.8.0) AlipayClientHK/15.8.0 Language/zh-Hant Region/HK",
  chromeDesktop:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
  safariDesktop:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
  firefoxDesktop: "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0",
  edgeDesktop:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
  safariIphone:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
  chromeAndroid:
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
  ipad: "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  facebookIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/489.0.0.43.107;FBBV/651094437;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBID/phone;FBLC/en_US;FBOP/5]",
  instagramAndroid:
    "Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.39 Mobile Safari/537.36 Instagram 357.0.0.25.101 Android (34/14; 480dpi; 1080x2340; samsung; SM-S918B; dm3q; qcom; en_GB; 658412458)",
  lineIos:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.10.0",
  qqBrowser:
    "Mozilla/5.0 (Linux; U; Android 13; zh-cn; PGT-AN10 Build/HONORPGT-AN10) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/109.0.5414.86 MQQBrowser/14.4 Mobile Safari/537.36 COVC/046335",
};

const offered = (ua: string) => payMethods(ua).methods.map((o) => `${o.wallet}:${o.flow}`);

describe("payMethods", () => {
  it.each([UA.wechatIos, UA.wechatAndroid])("inside WeChat on a phone: JS API with WeChat Pay (%#)", (ua) => {
    expect(payMethods(ua)).toEqual({ surroundings: "wechat", methods: [{ wallet: "Wechat", flow: "jsapi" }] });
  });

  it.each([UA.wechatMac, UA.wechatWindows])("inside desktop WeChat: JS API with WeChat Pay too (%#)", (ua) => {
    expect(offered(ua)).toEqual(["Wechat:jsapi"]);
  });

  it.each([UA.alipayIos, UA.alipayAndroid])("inside Alipay: JS API with Alipay (%#)", (ua) => {
    expect(payMethods(ua)).toMatchObject({ surroundings: "alipay", methods: [{ wallet: "Alipay", flow: "jsapi" }] });
  });

  it.each([UA.alipayHkIos, UA.alipayHkAndroid])("inside AlipayHK: website payment with AlipayHK (%#)", (ua) => {
    expect(payMethods(ua)).toMatchObject({
      surroundings: "alipayhk",
      methods: [{ wallet: "AlipayHK", flow: "website" }],
    });
  });

  it.each([UA.chromeDesktop, UA.safariDesktop, UA.firefoxDesktop, UA.edgeDesktop])(
    "desktop browsers: website payment, or WeChat Pay by QR code (%#)",
    (ua) => {
      expect(payMethods(ua)).toMatchObject({ surroundings: "desktop" });
      expect(handsOffWeChat(payMethods(ua))).toBe(false);
      expect(offered(ua)).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:qrcode"]);
    },
  );

  it.each([UA.safariIphone, UA.chromeAndroid, UA.ipad, UA.facebookIos, UA.instagramAndroid, UA.lineIos, UA.qqBrowser])(
    "phone browsers and other in-app browsers: website payment, and WeChat Pay handed off to WeChat (%#)",
    (ua) => {
      expect(payMethods(ua)).toMatchObject({ surroundings: "phone" });
      expect(offered(ua)).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:handoff"]);
      expect(gatewayMethods(payMethods(ua)).map((m) => m.flow)).toEqual(["website", "website"]);
    },
  );

  it("WeCom is an ordinary browser of its kind", () => {
    expect(payMethods(UA.wecomAndroid)).toMatchObject({ surroundings: "wecom" });
    expect(offered(UA.wecomAndroid)).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:handoff"]);
    expect(offered(UA.wecomWindows)).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:qrcode"]);
  });

  it("a WeChat mini-program web view cannot use the JS API: website payment and the hand-off", () => {
    expect(payMethods(UA.miniProgram)).toMatchObject({ surroundings: "wechat-miniprogram" });
    expect(offered(UA.miniProgram)).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:handoff"]);
  });

  it("no user agent at all is a desktop browser", () => {
    expect(offered("")).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:qrcode"]);
    expect(offered(null as unknown as string)).toEqual(["AlipayHK:website", "Alipay:website", "Wechat:qrcode"]);
  });

  it("methodFor only allows the wallets on offer", () => {
    const desktop = payMethods(UA.chromeDesktop);
    expect(methodFor(desktop.methods, "Wechat")).toEqual({ wallet: "Wechat", flow: "qrcode" });
    expect(methodFor(payMethods(UA.safariIphone).methods, "Wechat")).toEqual({ wallet: "Wechat", flow: "handoff" });
    expect(methodFor(gatewayMethods(payMethods(UA.safariIphone)), "Wechat")).toBeUndefined();
    expect(methodFor(payMethods(UA.wechatIos).methods, "Alipay")).toBeUndefined();
    expect(methodFor(desktop.methods, "PayPal")).toBeUndefined();
  });
});
