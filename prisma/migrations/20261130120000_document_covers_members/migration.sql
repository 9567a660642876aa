-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "coversMemberIds" TEXT[] DEFAULT ARRAY[]::TEXT[];
