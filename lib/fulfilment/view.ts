// Reading an order's delivery snapshot back for display (pure): the method's name in a language.
import { z } from "zod";

const methodSnapshot = z.object({
  name: z.string(),
  names: z.record(z.string(), z.string()).optional(),
});

/** The shipping method's name as it was when ordered (in `locale` if it has one), or null. */
export function methodName(snapshot: unknown, locale = "en"): string | null {
  const parsed = methodSnapshot.safeParse(snapshot);
  if (!parsed.success) return null;
  return parsed.data.names?.[locale] ?? parsed.data.name;
}
