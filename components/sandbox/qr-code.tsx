import QRCode from "qrcode";

/** A QR code drawn on the server as inline SVG (no request to any outside service). */
export async function SandboxQrCode({ text, label }: { text: string; label: string }) {
  const svg = await QRCode.toString(text, { type: "svg", margin: 1, width: 220 });
  return (
    <div
      role="img"
      aria-label={label}
      className="size-[220px] bg-white [&>svg]:block [&>svg]:size-full"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
}
