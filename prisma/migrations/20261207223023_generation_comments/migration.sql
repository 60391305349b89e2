-- CreateTable
CREATE TABLE "GenerationComment" (
    "id" SERIAL NOT NULL,
    "generationId" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "parentId" INTEGER,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GenerationComment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "GenerationComment_generationId_createdAt_idx" ON "GenerationComment"("generationId", "createdAt");

-- AddForeignKey
ALTER TABLE "GenerationComment" ADD CONSTRAINT "GenerationComment_generationId_fkey" FOREIGN KEY ("generationId") REFERENCES "Generation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GenerationComment" ADD CONSTRAINT "GenerationComment_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GenerationComment" ADD CONSTRAINT "GenerationComment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "GenerationComment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
