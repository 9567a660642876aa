-- AlterTable
ALTER TABLE "PoliceStation" ADD COLUMN     "guideNote" TEXT,
ADD COLUMN     "officeHours" TEXT;
