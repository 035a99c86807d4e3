-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "quietQueries" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" VARCHAR(250) NOT NULL,
    "count" INTEGER NOT NULL,
    "resetAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AdminCredential" (
    "email" VARCHAR(254) NOT NULL,
    "fromHash" VARCHAR(64) NOT NULL,
    "hash" VARCHAR(300) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AdminCredential_pkey" PRIMARY KEY ("email")
);

-- CreateIndex
CREATE INDEX "RateLimit_resetAt_idx" ON "RateLimit"("resetAt");
