-- IF NOT EXISTS: on a large database the index may have been built beforehand with CREATE INDEX CONCURRENTLY (which a migration cannot run: it runs in a transaction).
-- CreateIndex
CREATE INDEX IF NOT EXISTS "Generation_cycleId_id_idx" ON "Generation"("cycleId", "id");
