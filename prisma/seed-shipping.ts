// The demo shop's shipping methods (HKD): standard delivery to every zone, SF next-day in
// Hong Kong, and pick-up in store. Added when missing (matched by code); a method that
// already exists is left as the merchant set it, so running the seed twice changes nothing.
import type { PrismaClient } from "../lib/generated/prisma/client";
import type { DeliveryKind, ShippingZone } from "../lib/generated/prisma/enums";
import type { MethodTranslations } from "../lib/shipping/snapshot";

export type SeedMethod = {
  code: string;
  name: string;
  kind: DeliveryKind;
  translations: MethodTranslations;
  rates: { zone: ShippingZone; flatMinor: number; perItemMinor?: number; freeOverMinor?: number | null }[];
};

/** The demo shop's counter, as the pick-up method names it. */
const SHOP_ADDRESS = {
  en: "Harbour Goods, Shop 12, G/F, 88 Des Voeux Road Central, Central, Hong Kong. Open daily 11:00–19:00.",
  "zh-HK": "Harbour Goods，香港中環德輔道中 88 號地下 12 號舖。每日 11:00–19:00 營業。",
  "zh-CN": "Harbour Goods，香港中环德辅道中 88 号地下 12 号铺。每日 11:00–19:00 营业。",
};

export const seedMethods: SeedMethod[] = [
  {
    code: "standard",
    name: "Standard delivery",
    kind: "ship",
    translations: {
      en: { description: "Hong Kong Post and partners: 1–3 working days in Hong Kong, 5–12 abroad." },
      "zh-HK": { name: "標準送貨", description: "香港郵政及合作速遞：香港 1–3 個工作天，海外 5–12 個工作天。" },
      "zh-CN": { name: "标准配送", description: "香港邮政及合作快递：香港 1–3 个工作日，海外 5–12 个工作日。" },
    },
    rates: [
      { zone: "hk", flatMinor: 3000, freeOverMinor: 50000 },
      { zone: "macau", flatMinor: 6000 },
      { zone: "mainland", flatMinor: 8000 },
      { zone: "world", flatMinor: 15000, perItemMinor: 2000 },
    ],
  },
  {
    code: "sf-next-day",
    name: "SF Express next day",
    kind: "ship",
    translations: {
      en: { description: "Delivered the next working day anywhere in Hong Kong." },
      "zh-HK": { name: "順豐翌日送達", description: "全港翌日（工作天）送達。" },
      "zh-CN": { name: "顺丰次日达", description: "全港次日（工作日）送达。" },
    },
    rates: [{ zone: "hk", flatMinor: 5000 }],
  },
  {
    code: "pickup",
    name: "Pick up in store",
    kind: "pickup",
    translations: {
      en: { description: SHOP_ADDRESS.en },
      "zh-HK": { name: "到店自取", description: SHOP_ADDRESS["zh-HK"] },
      "zh-CN": { name: "到店自提", description: SHOP_ADDRESS["zh-CN"] },
    },
    rates: [],
  },
];

/**
 * Adds the demo methods that are missing. With `ifEmpty` (`npm run dev`), only when the shop
 * has no method at all (a merchant who removed them does not get them back).
 */
export async function seedShipping(db: PrismaClient, { ifEmpty = false } = {}): Promise<number> {
  if (ifEmpty && (await db.shippingMethod.count()) > 0) return 0;
  const existing = new Set(
    (await db.shippingMethod.findMany({ where: { code: { in: seedMethods.map((m) => m.code) } } })).map((m) => m.code),
  );
  let created = 0;
  for (const [position, method] of seedMethods.entries()) {
    if (existing.has(method.code)) continue;
    try {
      await db.shippingMethod.create({
        data: {
          code: method.code,
          name: method.name,
          kind: method.kind,
          currency: "HKD",
          position,
          translations: method.translations,
          rates: {
            create: method.rates.map((r) => ({
              zone: r.zone,
              flatMinor: r.flatMinor,
              perItemMinor: r.perItemMinor ?? 0,
              freeOverMinor: r.freeOverMinor ?? null,
            })),
          },
        },
      });
      created++;
    } catch (error) {
      // Another seed run added it meanwhile: it is there, which is what was wanted.
      if ((error as { code?: string }).code !== "P2002") throw error;
    }
  }
  return created;
}
