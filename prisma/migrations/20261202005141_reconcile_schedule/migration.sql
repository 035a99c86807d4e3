-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "checks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextCheckAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" VARCHAR(40) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "report" JSONB,
    "runs" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Payment_status_nextCheckAt_idx" ON "Payment"("status", "nextCheckAt");

-- CreateIndex
CREATE INDEX "Refund_status_nextAttemptAt_idx" ON "Refund"("status", "nextAttemptAt");

-- What was pending before this migration is due at once (reconciliation used to take them oldest first).
UPDATE "Payment" SET "nextCheckAt" = "createdAt" + interval '1 minute' WHERE "status" = 'pending';
UPDATE "Refund" SET "nextAttemptAt" = "updatedAt" WHERE "status" = 'pending';
