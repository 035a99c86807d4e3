// Width variants of a raster image, made once on upload with sharp (libvips, prebuilt for
// each platform as @img/* packages on npm), so a page's srcset can offer a phone a smaller
// file. Same format as the original; SVG has none (it is vector).
import sharp from "sharp";
import { ImageError, type InspectedImage } from "./inspect";

export const VARIANT_WIDTHS = [320, 640, 1024] as const;

export type Variant = { width: number; height: number; mime: string; byteSize: number; bytes: Uint8Array<ArrayBuffer> };

/** The widths an image of this width gets: only those narrower than the original. */
export function variantWidths(width: number): number[] {
  return VARIANT_WIDTHS.filter((w) => w < width);
}

/**
 * Decodes the whole image (a file whose header reads well but whose data does not is
 * refused here, code unreadable) and makes its variants. Returns the size as displayed
 * (a JPEG's EXIF orientation applied), which the caller keeps instead of the header's.
 */
export async function makeVariants(
  image: InspectedImage,
): Promise<{ width: number; height: number; variants: Variant[] }> {
  if (image.mime === "image/svg+xml") return { width: image.width, height: image.height, variants: [] };
  const input = () =>
    sharp(image.bytes, { failOn: "error", limitInputPixels: image.width * image.height, animated: true });
  try {
    const meta = await input().metadata();
    // Decode it once in full, even when no variant is due.
    await input().rotate().raw().toBuffer();
    const width = meta.autoOrient?.width ?? meta.width ?? image.width;
    const height = meta.autoOrient?.height ?? meta.pageHeight ?? meta.height ?? image.height;
    const variants: Variant[] = [];
    for (const w of variantWidths(width)) {
      const pipeline = input().rotate().resize({ width: w });
      const out =
        image.mime === "image/png"
          ? pipeline.png({ compressionLevel: 9 })
          : image.mime === "image/jpeg"
            ? pipeline.jpeg({ quality: 82, mozjpeg: true })
            : pipeline.webp({ quality: 82 });
      const { data, info } = await out.toBuffer({ resolveWithObject: true });
      variants.push({
        width: info.width,
        height: info.pageHeight ?? info.height,
        mime: image.mime,
        byteSize: data.length,
        bytes: new Uint8Array(data),
      });
    }
    return { width, height, variants };
  } catch (error) {
    if (error instanceof ImageError) throw error;
    throw new ImageError("unreadable", "The image's data cannot be decoded: the file is damaged or incomplete.");
  }
}
