// When each background job last ran, one row a job, for the back office to show (and warn
// when a scheduler has stopped calling).
import type { Db } from "../db";
import { Prisma } from "../generated/prisma/client";

export async function recordRun(db: Db, name: string, startedAt: Date, report: Record<string, unknown>): Promise<void> {
  const finishedAt = new Date();
  const value = report as Prisma.InputJsonObject;
  await db.jobRun.upsert({
    where: { name },
    create: { name, startedAt, finishedAt, report: value, runs: 1 },
    update: { startedAt, finishedAt, report: value, runs: { increment: 1 } },
  });
}
