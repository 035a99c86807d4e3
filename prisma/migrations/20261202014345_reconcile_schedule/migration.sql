-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "checks" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "nextCheckAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "SandboxFault" ADD COLUMN     "scope" VARCHAR(10);

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

-- Existing rows got now() above: what is pending is due at once, as reconciliation used to
-- take the oldest first. The defaults stay: a row written by the previous release while
-- this one is deployed (no value for these columns) is due at once too, never forgotten.
UPDATE "Payment" SET "nextCheckAt" = "createdAt" + interval '1 minute' WHERE "status" = 'pending' AND "createdAt" + interval '1 minute' < "nextCheckAt";
