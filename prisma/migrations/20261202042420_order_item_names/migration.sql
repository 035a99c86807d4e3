-- AlterTable
ALTER TABLE "OrderItem" ADD COLUMN     "nameTranslations" JSONB;
