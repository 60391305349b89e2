-- AlterTable
ALTER TABLE "Audit" ADD COLUMN     "qualityScore" INTEGER;

-- AlterTable
ALTER TABLE "ExplanationSignOff" ADD COLUMN     "qualityScore" INTEGER;

-- Scores are on a 1–5 scale.
ALTER TABLE "Audit" ADD CONSTRAINT "Audit_qualityScore_range" CHECK ("qualityScore" BETWEEN 1 AND 5);
ALTER TABLE "ExplanationSignOff" ADD CONSTRAINT "ExplanationSignOff_qualityScore_range" CHECK ("qualityScore" BETWEEN 1 AND 5);
