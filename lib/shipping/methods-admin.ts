// The back office's writes to shipping methods and their rates. Each write is one transaction
// with its audit-log row (entity "shipping_method"): the method's fields and its rates per zone
// as they were and as they are.
import { Prisma, type ShippingMethod, type ShippingRate } from "../generated/prisma/client";
import type { Db } from "../db";
import { ZONES, type FieldErrors, type MethodInput } from "./method-input";

type Tx = Prisma.TransactionClient;
export type MethodWrite = { ok: true; method: ShippingMethod } | { ok: false; errors: FieldErrors; status: 404 | 409 };

class Refused extends Error {
  constructor(
    readonly errors: FieldErrors,
    readonly status: 404 | 409,
  ) {
    super(Object.values(errors).join(" "));
  }
}

const CODE_TAKEN = { code: "Another shipping method already uses this code." };

async function write(db: Db, run: (tx: Tx) => Promise<ShippingMethod>): Promise<MethodWrite> {
  try {
    return { ok: true, method: await db.$transaction(run) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, errors: error.errors, status: error.status };
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      return { ok: false, errors: CODE_TAKEN, status: 409 };
    throw error;
  }
}

/** The method as the audit log compares it: rates keyed by zone, in minor units. */
function snapshot(method: ShippingMethod & { rates: ShippingRate[] }) {
  const rates: Record<string, { flatMinor: number; perItemMinor: number; freeOverMinor: number | null } | null> = {};
  for (const zone of ZONES) {
    const rate = method.rates.find((r) => r.zone === zone);
    rates[zone] = rate
      ? { flatMinor: rate.flatMinor, perItemMinor: rate.perItemMinor, freeOverMinor: rate.freeOverMinor }
      : null;
  }
  return {
    code: method.code,
    name: method.name,
    translations: method.translations ?? null,
    kind: method.kind,
    currency: method.currency,
    active: method.active,
    position: method.position,
    ...Object.fromEntries(Object.entries(rates).map(([zone, rate]) => [`rate.${zone}`, rate])),
  };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[key] = { from, to };
  }
  return changes;
}

const fields = (input: MethodInput) => ({
  code: input.code,
  name: input.name,
  translations: input.translations ?? Prisma.DbNull,
  kind: input.kind,
  currency: input.currency,
  active: input.active,
  position: input.position,
});

async function audit(tx: Tx, actor: string, action: string, entityId: string, changes: object) {
  await tx.auditLog.create({
    data: { actor, action, entity: "shipping_method", entityId, changes: changes as Prisma.InputJsonValue },
  });
}

export async function createShippingMethod(db: Db, actor: string, input: MethodInput): Promise<MethodWrite> {
  return write(db, async (tx) => {
    if (await tx.shippingMethod.findUnique({ where: { code: input.code }, select: { id: true } }))
      throw new Refused(CODE_TAKEN, 409);
    const method = await tx.shippingMethod.create({
      data: { ...fields(input), rates: { create: input.rates } },
      include: { rates: true },
    });
    await audit(tx, actor, "create", method.id, snapshot(method));
    return method;
  });
}

export async function updateShippingMethod(
  db: Db,
  actor: string,
  id: string,
  input: MethodInput,
): Promise<MethodWrite> {
  return write(db, async (tx) => {
    // One save at a time per method: each is diffed against what the previous one left.
    await tx.$executeRaw`SELECT 1 FROM "ShippingMethod" WHERE "id" = ${id} FOR UPDATE`;
    const before = await tx.shippingMethod.findUnique({ where: { id }, include: { rates: true } });
    if (!before) throw new Refused({ form: "This shipping method no longer exists." }, 404);
    if (input.code !== before.code && (await tx.shippingMethod.findUnique({ where: { code: input.code } })))
      throw new Refused(CODE_TAKEN, 409);
    await tx.shippingMethod.update({ where: { id }, data: fields(input) });
    await tx.shippingRate.deleteMany({ where: { methodId: id, zone: { notIn: input.rates.map((r) => r.zone) } } });
    for (const rate of input.rates)
      await tx.shippingRate.upsert({
        where: { methodId_zone: { methodId: id, zone: rate.zone } },
        create: { ...rate, methodId: id },
        update: rate,
      });
    const after = await tx.shippingMethod.findUniqueOrThrow({ where: { id }, include: { rates: true } });
    const changes = diff(snapshot(before), snapshot(after));
    if (Object.keys(changes).length > 0) await audit(tx, actor, "update", id, changes);
    return after;
  });
}

/** Every method (inactive too) with its rates, for the back office. */
export function listShippingMethods(db: Db) {
  return db.shippingMethod.findMany({
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    include: { rates: true },
  });
}
