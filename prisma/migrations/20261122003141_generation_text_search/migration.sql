-- Full-text search over generated answers (the generations explorer): an expression GIN index.
CREATE INDEX "Generation_text_fts_idx" ON "Generation" USING GIN (to_tsvector('english', "text"));
