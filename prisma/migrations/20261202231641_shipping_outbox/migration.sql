-- CreateEnum
CREATE TYPE "DeliveryKind" AS ENUM ('ship', 'pickup');

-- CreateEnum
CREATE TYPE "FulfilmentStatus" AS ENUM ('unfulfilled', 'shipped', 'delivered', 'collected');

-- CreateEnum
CREATE TYPE "ShippingZone" AS ENUM ('hk', 'macau', 'mainland', 'world');

-- CreateEnum
CREATE TYPE "OutboxChannel" AS ENUM ('email', 'webhook');

-- CreateEnum
CREATE TYPE "OutboxAudience" AS ENUM ('customer', 'merchant', 'webhook');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sent', 'failed');

-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "carrier" VARCHAR(80),
ADD COLUMN     "deliveredAt" TIMESTAMPTZ(3),
ADD COLUMN     "delivery" "DeliveryKind" NOT NULL DEFAULT 'pickup',
ADD COLUMN     "fulfilment" "FulfilmentStatus" NOT NULL DEFAULT 'unfulfilled',
ADD COLUMN     "shippedAt" TIMESTAMPTZ(3),
ADD COLUMN     "shippingAddress" JSONB,
ADD COLUMN     "shippingMethod" JSONB,
ADD COLUMN     "shippingMinor" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "trackingNumber" VARCHAR(80),
ADD COLUMN     "trackingUrl" VARCHAR(500);

-- CreateTable
CREATE TABLE "ShippingMethod" (
    "id" TEXT NOT NULL,
    "code" VARCHAR(40) NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "translations" JSONB,
    "kind" "DeliveryKind" NOT NULL DEFAULT 'ship',
    "currency" VARCHAR(3) NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "position" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ShippingMethod_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShippingRate" (
    "id" TEXT NOT NULL,
    "methodId" TEXT NOT NULL,
    "zone" "ShippingZone" NOT NULL,
    "flatMinor" INTEGER NOT NULL,
    "perItemMinor" INTEGER NOT NULL DEFAULT 0,
    "freeOverMinor" INTEGER,

    CONSTRAINT "ShippingRate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL,
    "channel" "OutboxChannel" NOT NULL,
    "audience" "OutboxAudience" NOT NULL,
    "topic" VARCHAR(40) NOT NULL,
    "dedupeKey" VARCHAR(200) NOT NULL,
    "orderId" TEXT,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "recipient" VARCHAR(500),
    "subject" VARCHAR(300),
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OutboxMessage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxMail" (
    "id" TEXT NOT NULL,
    "messageId" VARCHAR(300) NOT NULL,
    "from" VARCHAR(500) NOT NULL,
    "to" VARCHAR(500) NOT NULL,
    "subject" VARCHAR(300) NOT NULL,
    "html" TEXT,
    "text" TEXT,
    "raw" TEXT NOT NULL,
    "outboxId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxWebhook" (
    "id" TEXT NOT NULL,
    "eventId" VARCHAR(100) NOT NULL,
    "eventType" VARCHAR(40) NOT NULL,
    "headers" JSONB NOT NULL,
    "body" TEXT NOT NULL,
    "signatureValid" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxWebhook_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ShippingMethod_code_key" ON "ShippingMethod"("code");

-- CreateIndex
CREATE INDEX "ShippingMethod_active_position_idx" ON "ShippingMethod"("active", "position");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingRate_methodId_zone_key" ON "ShippingRate"("methodId", "zone");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_nextAttemptAt_idx" ON "OutboxMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_orderId_createdAt_idx" ON "OutboxMessage"("orderId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_createdAt_idx" ON "OutboxMessage"("createdAt");

-- CreateIndex
CREATE INDEX "SandboxMail_createdAt_idx" ON "SandboxMail"("createdAt");

-- CreateIndex
CREATE INDEX "SandboxWebhook_createdAt_idx" ON "SandboxWebhook"("createdAt");

-- CreateIndex
CREATE INDEX "Order_fulfilment_status_paidAt_idx" ON "Order"("fulfilment", "status", "paidAt");

-- AddForeignKey
ALTER TABLE "ShippingRate" ADD CONSTRAINT "ShippingRate_methodId_fkey" FOREIGN KEY ("methodId") REFERENCES "ShippingMethod"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OutboxMessage" ADD CONSTRAINT "OutboxMessage_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "Order"("id") ON DELETE SET NULL ON UPDATE CASCADE;
