// The shipping method as an order keeps it (pure): what was chosen, in which zone, at which
// rate, so later changes to the methods never change a placed order.
import { z } from "zod";
import type { Locale } from "../i18n/locale";
import type { RateTerms } from "./quote";

const copySchema = z.object({ name: z.string().min(1).optional(), description: z.string().min(1).optional() });
/** ShippingMethod.translations: { "zh-HK": { "name": "…", "description": "…" }, "en": { "description": "…" } }. */
export const methodTranslationsSchema = z.record(z.string(), copySchema);
export type MethodTranslations = z.infer<typeof methodTranslationsSchema>;

const zoneSchema = z.enum(["hk", "macau", "mainland", "world"]);

export const methodSnapshotSchema = z.object({
  id: z.string(),
  code: z.string(),
  /** English (base) name. */
  name: z.string(),
  /** The name in the other languages: { "zh-HK": "…", "zh-CN": "…" }. */
  names: z.record(z.string(), z.string()),
  kind: z.enum(["ship", "pickup"]),
  /** The address's zone; null for pick-up. */
  zone: zoneSchema.nullable(),
  /** The rate the price came from; null for pick-up. */
  rate: z
    .object({
      zone: zoneSchema,
      flatMinor: z.number().int(),
      perItemMinor: z.number().int(),
      freeOverMinor: z.number().int().nullable(),
    })
    .nullable(),
  priceMinor: z.number().int(),
  currency: z.string(),
});
export type MethodSnapshot = z.infer<typeof methodSnapshotSchema>;

/** The method's copy: the localized name and description, falling back to English. */
export function methodCopy(
  method: { name: string; translations: unknown },
  locale: Locale,
): { name: string; description: string | null } {
  const parsed = methodTranslationsSchema.safeParse(method.translations ?? {});
  const all = parsed.success ? parsed.data : {};
  return {
    name: all[locale]?.name || method.name,
    description: all[locale]?.description || all.en?.description || null,
  };
}

/** The names per locale (other than the base), as the snapshot keeps them. */
export function methodNames(translations: unknown): Record<string, string> {
  const parsed = methodTranslationsSchema.safeParse(translations ?? {});
  if (!parsed.success) return {};
  return Object.fromEntries(Object.entries(parsed.data).flatMap(([l, c]) => (c.name ? [[l, c.name]] : [])));
}

export function methodSnapshot(
  method: { id: string; code: string; name: string; translations: unknown; kind: "ship" | "pickup"; currency: string },
  zone: MethodSnapshot["zone"],
  rate: RateTerms | null,
  priceMinor: number,
): MethodSnapshot {
  return {
    id: method.id,
    code: method.code,
    name: method.name,
    names: methodNames(method.translations),
    kind: method.kind,
    zone: method.kind === "pickup" ? null : zone,
    rate: rate
      ? {
          zone: rate.zone,
          flatMinor: rate.flatMinor,
          perItemMinor: rate.perItemMinor,
          freeOverMinor: rate.freeOverMinor,
        }
      : null,
    priceMinor,
    currency: method.currency,
  };
}

/** An order's method snapshot read back (null: none chosen, or not a snapshot). */
export function storedMethod(value: unknown): MethodSnapshot | null {
  const parsed = methodSnapshotSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

const namesOnly = z.object({ name: z.string(), names: z.record(z.string(), z.string()).optional().catch(undefined) });

/**
 * The method's name as the order kept it, in `locale` where it has one, else English; null when
 * none was chosen. Reads only the names, so a snapshot of any shape this shop ever wrote works.
 */
export function storedMethodName(value: unknown, locale = "en"): string | null {
  const parsed = namesOnly.safeParse(value);
  if (!parsed.success) return null;
  return parsed.data.names?.[locale] || parsed.data.name;
}

/** The snapshot's name in a locale, else its English name. */
export function snapshotName(snapshot: Pick<MethodSnapshot, "name" | "names">, locale: string): string {
  return snapshot.names[locale] || snapshot.name;
}
