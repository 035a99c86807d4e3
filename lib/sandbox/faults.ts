// Gateway-wide fault switches: "the next N calls answer with …". Stored in the database so
// that they reach every server instance (and survive the route being a new process).
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";

export const faultKinds = ["code9", "code22", "timeout", "malformed", "bad-signature"] as const;
export const faultKindSchema = z.enum(faultKinds);
export type FaultKind = z.infer<typeof faultKindSchema>;

export async function setFault(db: PrismaClient, kind: FaultKind, count: number): Promise<void> {
  await db.sandboxFault.upsert({ where: { kind }, create: { kind, remaining: count }, update: { remaining: count } });
}

export async function listFaults(db: PrismaClient): Promise<Record<FaultKind, number>> {
  const rows = await db.sandboxFault.findMany();
  const all = Object.fromEntries(faultKinds.map((k) => [k, 0])) as Record<FaultKind, number>;
  for (const row of rows) if (faultKindSchema.safeParse(row.kind).success) all[row.kind as FaultKind] = row.remaining;
  return all;
}

/** Uses up one armed fault, if any (a conditional decrement: concurrent calls take one each). */
export async function takeFault(db: PrismaClient): Promise<FaultKind | null> {
  const armed = await db.sandboxFault.findMany({ where: { remaining: { gt: 0 } } });
  for (const kind of faultKinds) {
    if (!armed.some((f) => f.kind === kind)) continue;
    const taken = await db.sandboxFault.updateMany({ where: { kind, remaining: { gt: 0 } }, data: { remaining: { decrement: 1 } } });
    if (taken.count === 1) return kind;
  }
  return null;
}
