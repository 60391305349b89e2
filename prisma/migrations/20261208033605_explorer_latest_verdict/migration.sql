-- CreateIndex
CREATE INDEX "Verdict_generationId_createdAt_id_passed_score_idx" ON "Verdict"("generationId", "createdAt" DESC, "id" DESC, "passed", "score");
