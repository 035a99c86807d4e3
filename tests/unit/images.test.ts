// inspectImage reads the real format and size from the bytes, and refuses what it must;
// the URL helpers name one route with the content hash in it.
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import { ImageError, inspectImage, MAX_IMAGE_BYTES, type ImageErrorCode } from "@/lib/images/inspect";
import { imageSrcSet, imageUrl, parseImageName } from "@/lib/images/urls";

const enc = (s: string) => new TextEncoder().encode(s);

/** A real PNG written by hand: signature, IHDR, one IDAT, IEND (CRCs left zero: we never check them). */
function handPng(width: number, height: number): Uint8Array {
  const out = new Uint8Array(8 + 25 + 12);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(out.buffer);
  view.setUint32(8, 13);
  out.set(enc("IHDR"), 12);
  view.setUint32(16, width);
  view.setUint32(20, height);
  out.set([8, 6, 0, 0, 0], 24);
  view.setUint32(33, 0);
  out.set(enc("IEND"), 37);
  return out;
}

function refusal(bytes: Uint8Array): { code: ImageErrorCode; message: string } {
  try {
    inspectImage(bytes);
  } catch (error) {
    if (error instanceof ImageError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error("accepted");
}

const svg = (body: string, attrs = 'width="40" height="30"') =>
  enc(`<svg xmlns="http://www.w3.org/2000/svg" ${attrs}>${body}</svg>`);

const raster: Record<string, Uint8Array> = {};
beforeAll(async () => {
  const base = () => sharp({ create: { width: 37, height: 21, channels: 4, background: "#c33" } });
  raster.png = new Uint8Array(await base().png().toBuffer());
  raster.jpeg = new Uint8Array(await base().jpeg().toBuffer());
  raster.progressive = new Uint8Array(await base().jpeg({ progressive: true }).toBuffer());
  raster.webpLossy = new Uint8Array(await base().flatten().webp({ quality: 50 }).toBuffer());
  raster.webpLossless = new Uint8Array(await base().webp({ lossless: true }).toBuffer());
  const translucent = sharp({
    create: { width: 37, height: 21, channels: 4, background: { r: 200, g: 50, b: 50, alpha: 0.5 } },
  });
  raster.webpAlpha = new Uint8Array(await translucent.webp({ quality: 50 }).toBuffer());
});

describe("inspectImage: formats", () => {
  it("reads a hand-written PNG's IHDR", () => {
    expect(inspectImage(handPng(640, 480))).toMatchObject({ mime: "image/png", width: 640, height: 480 });
  });

  it("reads PNG, baseline and progressive JPEG, and the three kinds of WebP", () => {
    expect(inspectImage(raster.png!)).toMatchObject({ mime: "image/png", width: 37, height: 21 });
    expect(inspectImage(raster.jpeg!)).toMatchObject({ mime: "image/jpeg", width: 37, height: 21 });
    expect(inspectImage(raster.progressive!)).toMatchObject({ mime: "image/jpeg", width: 37, height: 21 });
    for (const kind of ["webpLossy", "webpLossless", "webpAlpha"]) {
      expect(inspectImage(raster[kind]!), kind).toMatchObject({ mime: "image/webp", width: 37, height: 21 });
    }
    // the three WebP chunk kinds are really covered
    expect(new TextDecoder().decode(raster.webpLossy!.subarray(12, 16))).toBe("VP8 ");
    expect(new TextDecoder().decode(raster.webpLossless!.subarray(12, 16))).toBe("VP8L");
    expect(new TextDecoder().decode(raster.webpAlpha!.subarray(12, 16))).toBe("VP8X");
  });

  it("goes by the bytes, never by a name or a declared type: a JPEG is a JPEG whatever it is called", () => {
    const result = inspectImage(raster.jpeg!);
    expect(result.mime).toBe("image/jpeg");
    expect(result.bytes).toBe(raster.jpeg);
  });

  it("reads an SVG's size from width/height, from the viewBox, or from one of them and the viewBox's ratio", () => {
    expect(inspectImage(svg("<rect/>"))).toMatchObject({ mime: "image/svg+xml", width: 40, height: 30 });
    expect(inspectImage(svg("", 'viewBox="0 0 800 600"'))).toMatchObject({ width: 800, height: 600 });
    expect(inspectImage(svg("", 'width="100%" viewBox="0 0 80 60"'))).toMatchObject({ width: 80, height: 60 });
    expect(inspectImage(svg("", 'width="400px" viewBox="0 0 800 600"'))).toMatchObject({ width: 400, height: 300 });
    const prolog = enc(
      `\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n<svg width="5" height="6"/>`,
    );
    expect(inspectImage(prolog)).toMatchObject({ mime: "image/svg+xml", width: 5, height: 6 });
  });

  it("accepts the safe parts of an SVG: gradients by fragment, <use href=#…>, inline raster data, style", () => {
    const body =
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs>' +
      '<rect fill="url(#g)" width="4" height="4" style="stroke:url(\'#g\')"/><use href="#g"/>' +
      '<image xlink:href="data:image/png;base64,iVBORw0KGgo=" width="1" height="1"/><style>rect{opacity:.5}</style>';
    expect(inspectImage(svg(body)).mime).toBe("image/svg+xml");
  });
});

describe("inspectImage: refusals", () => {
  it("refuses what is not an image (text, HTML, GIF, empty) as not_image", () => {
    expect(refusal(enc("hello, world")).code).toBe("not_image");
    expect(refusal(enc("<!doctype html><html><script>alert(1)</script></html>")).code).toBe("not_image");
    expect(refusal(enc("GIF89a\u0001\u0000\u0001\u0000")).code).toBe("not_image");
    expect(refusal(new Uint8Array()).message).toBe("The file is empty.");
    expect(refusal(enc("x")).message).toBe("The file is not a PNG, JPEG, WebP or SVG image.");
  });

  it("refuses a file over 2 MB and an image over 8000 px a side as too_large", () => {
    const big = new Uint8Array(MAX_IMAGE_BYTES + 1);
    big.set(handPng(10, 10));
    expect(refusal(big)).toEqual({ code: "too_large", message: expect.stringContaining("larger than 2 MB") });
    expect(inspectImage(handPng(8000, 10)).width).toBe(8000);
    expect(refusal(handPng(8001, 10))).toEqual({ code: "too_large", message: expect.stringContaining("8001 × 10") });
    expect(refusal(handPng(7000, 7000)).code).toBe("too_large"); // 49 megapixels
    expect(refusal(svg("", 'width="9000" height="10"')).code).toBe("too_large");
  });

  it("refuses cut-short or inconsistent headers as unreadable", () => {
    expect(refusal(handPng(10, 10).subarray(0, 20)).code).toBe("unreadable");
    expect(refusal(handPng(0, 10)).code).toBe("unreadable");
    expect(refusal(raster.jpeg!.subarray(0, 40)).code).toBe("unreadable");
    expect(refusal(new Uint8Array([0xff, 0xd8, 0xff, 0xd9])).code).toBe("unreadable");
    expect(refusal(raster.webpLossy!.subarray(0, 22)).code).toBe("unreadable");
    expect(refusal(svg("", 'width="50%"')).message).toBe("The SVG needs a width and height in pixels, or a viewBox.");
    expect(refusal(new Uint8Array([...enc('<svg width="1" height="1">'), 0xff, 0xfe, ...enc("</svg>")])).code).toBe(
      "unreadable",
    );
  });

  const unsafe: [string, string][] = [
    ["a <script> element", "<script>alert(1)</script>"],
    ["a namespaced script", '<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'],
    ["an event attribute", '<rect onload="alert(1)"/>'],
    ["an event attribute in capitals", "<rect width='1'ONCLICK = 'x()'/>"],
    ["a javascript: link", '<a href="javascript:alert(1)"><rect/></a>'],
    ["a javascript: link hidden in references", '<a href="&#106;ava&#x73;cript&#58;alert(1)"><rect/></a>'],
    ["javascript: through animation", '<a><set attributeName="href" to="javascript:alert(1)"/></a>'],
    ["a data: URL that is not a raster image", '<image href="data:image/svg+xml;base64,PHN2Zz4="/>'],
    ["an HTML data: URL", '<a href="data:text/html,<b>x</b>">x</a>'],
    ["a <foreignObject>", "<foreignObject><div>hi</div></foreignObject>"],
    ["an external href", '<image href="https://tracker.example/p.png"/>'],
    ["an external xlink:href", '<use xlink:href="other.svg#x"/>'],
    ["a protocol-relative href", '<image href="//evil.example/x.png"/>'],
    ["an unquoted href", "<use href=#x />"],
    ["an external url() in style", '<rect style="fill:url(https://evil.example/x)"/>'],
    ["an @import", "<style>@import 'https://evil.example/x.css';</style>"],
    ["an <iframe>", '<iframe src="https://example.com"/>'],
    ["an <embed>", '<embed src="x.swf"/>'],
    ["an <object>", '<object data="x.pdf"/>'],
    ["a <handler>", '<handler type="application/ecmascript">alert(1)</handler>'],
  ];
  for (const [what, body] of unsafe) {
    it(`refuses an SVG with ${what} as unsafe_svg`, () => {
      const result = refusal(svg(body));
      expect(result.code).toBe("unsafe_svg");
      expect(result.message).toMatch(/^The SVG is refused: /);
    });
  }

  it("refuses an SVG with a DOCTYPE or entities (billion laughs, external entities)", () => {
    const laughs = enc(
      '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "lol"><!ENTITY b "&a;&a;">]><svg width="1" height="1">&b;</svg>',
    );
    expect(refusal(laughs)).toEqual({
      code: "unsafe_svg",
      message: "The SVG is refused: it has a DOCTYPE or entity declarations.",
    });
    const external = enc('<!DOCTYPE svg SYSTEM "http://example.com/x.dtd"><svg width="1" height="1"/>');
    expect(refusal(external).code).toBe("unsafe_svg");
  });
});

describe("image URLs", () => {
  const hash = "a".repeat(64);
  it("puts the content hash, the width and the format's extension in one route", () => {
    expect(imageUrl({ hash, mime: "image/png" })).toBe(`/images/${hash}.png`);
    expect(imageUrl({ hash, mime: "image/jpeg" }, 640)).toBe(`/images/${hash}-640.jpg`);
    expect(imageUrl({ hash, mime: "image/svg+xml" })).toBe(`/images/${hash}.svg`);
  });

  it("builds a srcset of the narrower variants and the original; none for SVG", () => {
    expect(imageSrcSet({ hash, mime: "image/webp", width: 800 }, [1024, 320, 640])).toBe(
      `/images/${hash}-320.webp 320w, /images/${hash}-640.webp 640w, /images/${hash}.webp 800w`,
    );
    expect(imageSrcSet({ hash, mime: "image/webp", width: 300 }, [320, 640])).toBeNull();
    expect(imageSrcSet({ hash, mime: "image/svg+xml", width: 800 }, [320])).toBeNull();
  });

  it("parses exactly the names it makes, and nothing else", () => {
    expect(parseImageName(`${hash}.png`)).toEqual({ hash, width: null, ext: "png" });
    expect(parseImageName(`${hash}-320.webp`)).toEqual({ hash, width: 320, ext: "webp" });
    for (const bad of [
      `${hash}.gif`,
      `${hash.toUpperCase()}.png`,
      `${hash.slice(1)}.png`,
      `${hash}-0.png`,
      `${hash}-0320.png`,
      `${hash}-999999.png`,
      `${hash}.png.png`,
      `${hash}`,
      "../etc/passwd",
      `${hash}.PNG`,
      "",
    ]) {
      expect(parseImageName(bad), bad).toBeNull();
    }
  });
});
