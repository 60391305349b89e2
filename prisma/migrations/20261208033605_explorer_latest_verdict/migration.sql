-- IF NOT EXISTS: on a large database the index may have been built beforehand with CREATE INDEX CONCURRENTLY (which a migration cannot run: it runs in a transaction).
-- CreateIndex
CREATE INDEX IF NOT EXISTS "Verdict_generationId_createdAt_id_passed_score_idx" ON "Verdict"("generationId", "createdAt" DESC, "id" DESC, "passed", "score");
