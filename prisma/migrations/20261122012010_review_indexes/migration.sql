-- DropIndex
DROP INDEX "ReviewAssignment_itemId_status_idx";

-- CreateIndex
CREATE INDEX "ReviewAssignment_itemId_status_leaseExpiresAt_idx" ON "ReviewAssignment"("itemId", "status", "leaseExpiresAt");

-- CreateIndex
CREATE INDEX "ReviewAssignment_userId_id_idx" ON "ReviewAssignment"("userId", "id");

-- CreateIndex
CREATE INDEX "ReviewAssignment_status_leaseExpiresAt_idx" ON "ReviewAssignment"("status", "leaseExpiresAt");
