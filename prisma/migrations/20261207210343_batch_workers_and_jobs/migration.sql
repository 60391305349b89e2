-- AlterTable
ALTER TABLE "StageBatch" ADD COLUMN     "jobId" UUID,
ADD COLUMN     "workerId" TEXT;

-- AlterTable
ALTER TABLE "WorkerHeartbeat" ADD COLUMN     "jobIds" UUID[] DEFAULT ARRAY[]::UUID[];
