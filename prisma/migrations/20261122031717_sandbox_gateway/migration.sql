-- CreateEnum
CREATE TYPE "SandboxFlow" AS ENUM ('website', 'jsapi', 'qrcode');

-- CreateEnum
CREATE TYPE "SandboxNotifyStatus" AS ENUM ('pending', 'delivered', 'failed');

-- CreateTable
CREATE TABLE "SandboxOrder" (
    "id" TEXT NOT NULL,
    "orderNo" VARCHAR(32) NOT NULL,
    "partnerNo" VARCHAR(15) NOT NULL,
    "storeNo" VARCHAR(15) NOT NULL,
    "partnerOrderNo" VARCHAR(32) NOT NULL,
    "flow" "SandboxFlow" NOT NULL,
    "wallet" VARCHAR(10) NOT NULL,
    "currency" VARCHAR(10) NOT NULL,
    "orderAmount" INTEGER NOT NULL,
    "refundedAmount" INTEGER NOT NULL DEFAULT 0,
    "title" VARCHAR(100),
    "notifyUrl" VARCHAR(200),
    "returnUrl" VARCHAR(200),
    "status" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" TIMESTAMPTZ(3),
    "payTime" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "token" VARCHAR(64) NOT NULL,
    "requestText" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SandboxOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxRefund" (
    "id" TEXT NOT NULL,
    "refundNo" VARCHAR(32) NOT NULL,
    "orderId" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "answerBody" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxRefund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxNotify" (
    "id" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" "SandboxNotifyStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "dueAt" TIMESTAMPTZ(3) NOT NULL,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastStatus" INTEGER,
    "lastAnswer" TEXT,
    "deliveredAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SandboxNotify_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SandboxFault" (
    "kind" VARCHAR(20) NOT NULL,
    "remaining" INTEGER NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SandboxFault_pkey" PRIMARY KEY ("kind")
);

-- CreateIndex
CREATE UNIQUE INDEX "SandboxOrder_orderNo_key" ON "SandboxOrder"("orderNo");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxOrder_partnerOrderNo_key" ON "SandboxOrder"("partnerOrderNo");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxOrder_token_key" ON "SandboxOrder"("token");

-- CreateIndex
CREATE UNIQUE INDEX "SandboxRefund_refundNo_key" ON "SandboxRefund"("refundNo");

-- CreateIndex
CREATE INDEX "SandboxRefund_orderId_idx" ON "SandboxRefund"("orderId");

-- CreateIndex
CREATE INDEX "SandboxNotify_status_dueAt_idx" ON "SandboxNotify"("status", "dueAt");

-- CreateIndex
CREATE INDEX "SandboxNotify_orderId_idx" ON "SandboxNotify"("orderId");

-- AddForeignKey
ALTER TABLE "SandboxRefund" ADD CONSTRAINT "SandboxRefund_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SandboxOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SandboxNotify" ADD CONSTRAINT "SandboxNotify_orderId_fkey" FOREIGN KEY ("orderId") REFERENCES "SandboxOrder"("id") ON DELETE CASCADE ON UPDATE CASCADE;
