// Gateway-wide fault switches: "the next N calls answer with …". Stored in the database so
// that they reach every server instance (and survive the route being a new process).
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import type { Endpoint } from "../scanforpay/client";

export const faultKinds = ["code9", "code22", "timeout", "malformed", "bad-signature"] as const;
export const faultKindSchema = z.enum(faultKinds);
export type FaultKind = z.infer<typeof faultKindSchema>;

/** Which calls a fault waits for: any (unset), or only creates, only Pay Queries, only refunds. */
export const faultScopes = ["create", "query", "refund"] as const;
export const faultScopeSchema = z.enum(faultScopes);
export type FaultScope = z.infer<typeof faultScopeSchema>;

const scopeOf = (endpoint: Endpoint): FaultScope =>
  endpoint === "payQuery" ? "query" : endpoint === "refund" ? "refund" : "create";

export async function setFault(
  db: PrismaClient,
  kind: FaultKind,
  count: number,
  scope: FaultScope | null = null,
  orderAmount: number | null = null,
): Promise<void> {
  await db.sandboxFault.upsert({
    where: { kind },
    create: { kind, remaining: count, scope, orderAmount },
    update: { remaining: count, scope, orderAmount },
  });
}

export async function listFaults(db: PrismaClient): Promise<Record<FaultKind, number>> {
  const rows = await db.sandboxFault.findMany();
  const all = Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>;
  for (const row of rows) if (faultKindSchema.safeParse(row.kind).success) all[row.kind as FaultKind] = row.remaining;
  return all;
}

/**
 * Uses up one armed fault that waits for this endpoint's calls (and this call's amount), if
 * any (a conditional decrement: concurrent calls take one each). `amountOf` reads the call's
 * amount, only when a fault armed for one amount waits.
 */
export async function takeFault(
  db: PrismaClient,
  endpoint: Endpoint,
  amountOf: () => number | null = () => null,
): Promise<FaultKind | null> {
  const scope = scopeOf(endpoint);
  const forThisCall = { remaining: { gt: 0 }, OR: [{ scope: null }, { scope }] };
  const armed = await db.sandboxFault.findMany({ where: forThisCall });
  if (armed.length === 0) return null;
  const orderAmount = armed.some((f) => f.orderAmount !== null) ? amountOf() : null;
  for (const kind of faultKinds) {
    const fault = armed.find((f) => f.kind === kind);
    if (!fault || (fault.orderAmount !== null && fault.orderAmount !== orderAmount)) continue;
    const taken = await db.sandboxFault.updateMany({
      where: { ...forThisCall, kind, orderAmount: fault.orderAmount },
      data: { remaining: { decrement: 1 } },
    });
    if (taken.count === 1) return kind;
  }
  return null;
}
