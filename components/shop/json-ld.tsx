import { jsonLdText, type JsonLd } from "@/lib/seo/json-ld";

/** Structured data for search engines: a data block, never run as script (CSP allows it as such). */
export function JsonLdScript({ data }: { data: JsonLd | JsonLd[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
