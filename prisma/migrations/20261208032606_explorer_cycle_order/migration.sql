-- CreateIndex
CREATE INDEX "Generation_cycleId_id_idx" ON "Generation"("cycleId", "id");
