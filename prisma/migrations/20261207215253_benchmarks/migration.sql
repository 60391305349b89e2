-- CreateTable
CREATE TABLE "BenchmarkJob" (
    "id" SERIAL NOT NULL,
    "runId" INTEGER NOT NULL,
    "cycleIndex" INTEGER NOT NULL,
    "cycleId" INTEGER,
    "checkpointId" INTEGER,
    "modelLabel" TEXT NOT NULL,
    "backendId" INTEGER NOT NULL,
    "backendJobId" TEXT,
    "status" "TrainingStatus" NOT NULL DEFAULT 'PENDING',
    "tasks" TEXT[],
    "limit" INTEGER,
    "command" TEXT NOT NULL,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "error" TEXT,
    "logTail" TEXT,
    "resultsFileName" TEXT,
    "resultsFile" JSONB,
    "samplesFiles" JSONB,
    "submittedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchmarkJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BenchmarkResult" (
    "id" SERIAL NOT NULL,
    "jobId" INTEGER NOT NULL,
    "runId" INTEGER NOT NULL,
    "cycleIndex" INTEGER NOT NULL,
    "task" TEXT NOT NULL,
    "groupName" TEXT,
    "metric" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "value" DOUBLE PRECISION NOT NULL,
    "stderr" DOUBLE PRECISION,
    "samplesEffective" INTEGER,
    "samplesOriginal" INTEGER,
    "derived" BOOLEAN NOT NULL DEFAULT false,
    "simulated" BOOLEAN NOT NULL DEFAULT false,
    "metrics" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BenchmarkResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkJob_runId_cycleIndex_key" ON "BenchmarkJob"("runId", "cycleIndex");

-- CreateIndex
CREATE INDEX "BenchmarkResult_jobId_idx" ON "BenchmarkResult"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "BenchmarkResult_runId_cycleIndex_task_key" ON "BenchmarkResult"("runId", "cycleIndex", "task");

-- AddForeignKey
ALTER TABLE "BenchmarkJob" ADD CONSTRAINT "BenchmarkJob_runId_fkey" FOREIGN KEY ("runId") REFERENCES "Run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BenchmarkResult" ADD CONSTRAINT "BenchmarkResult_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "BenchmarkJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;
