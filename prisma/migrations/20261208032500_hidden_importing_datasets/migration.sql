-- DropIndex
DROP INDEX "Label_kind_idx";

-- AlterTable
ALTER TABLE "Dataset" ADD COLUMN     "pendingImportId" INTEGER;
