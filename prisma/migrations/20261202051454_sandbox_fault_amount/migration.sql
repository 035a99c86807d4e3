-- AlterTable
ALTER TABLE "SandboxFault" ADD COLUMN     "orderAmount" INTEGER;
