-- The schema store.open_db made before migrations (commit a6594fc), from its
-- sqlite_master: a database of that code has no _migrations table.
CREATE TABLE "articles" (
   "id" TEXT PRIMARY KEY,
   "ref" TEXT,
   "path" TEXT,
   "url" TEXT,
   "title" TEXT,
   "source" TEXT,
   "author" TEXT,
   "published" TEXT,
   "language" TEXT,
   "text" TEXT NOT NULL,
   "duplicate_of" TEXT,
   "content_hash" TEXT,
   "extracted_with" TEXT,
   "anchors" TEXT,
   "detected" INTEGER
);
CREATE TABLE "entities" (
   "id" TEXT PRIMARY KEY,
   "name" TEXT,
   "kind" TEXT
);
CREATE TABLE "entity_aliases" (
   "alias" TEXT PRIMARY KEY,
   "entity_id" TEXT REFERENCES "entities"("id"),
   "origin" TEXT
);
CREATE TABLE "claims" (
   "id" TEXT PRIMARY KEY,
   "article_id" TEXT NOT NULL REFERENCES "articles"("id"),
   "kind" TEXT NOT NULL,
   "subject" TEXT REFERENCES "entities"("id"),
   "predicate" TEXT,
   "value" TEXT NOT NULL,
   "value_num" REAL,
   "value_low" REAL,
   "value_high" REAL,
   "qualifier" TEXT,
   "as_of" TEXT,
   "as_of_source" TEXT,
   "sentence" TEXT,
   "start" INTEGER,
   "end" INTEGER,
   "sentence_start" INTEGER,
   "cue" TEXT,
   "revision" INTEGER,
   "extractor" TEXT,
   "slot" TEXT
);
CREATE TABLE "contradictions" (
   "id" TEXT PRIMARY KEY,
   "claim_a" TEXT NOT NULL REFERENCES "claims"("id"),
   "claim_b" TEXT NOT NULL REFERENCES "claims"("id"),
   "kind" TEXT NOT NULL,
   "relation" TEXT NOT NULL,
   "explanation" TEXT,
   "status" TEXT DEFAULT 'open',
   "score" REAL,
   "slot" TEXT,
   "article_a" TEXT REFERENCES "articles"("id"),
   "article_b" TEXT REFERENCES "articles"("id"),
   "rule" TEXT
);
CREATE TABLE "reviews" (
   "id" INTEGER PRIMARY KEY,
   "contradiction_id" TEXT NOT NULL REFERENCES "contradictions"("id"),
   "actor" TEXT,
   "verdict" TEXT NOT NULL,
   "note" TEXT,
   "created" TEXT
);
CREATE TABLE "load_errors" (
   "path" TEXT,
   "reason" TEXT,
   "line" INTEGER,
   "ref" TEXT,
   "exception" TEXT,
   PRIMARY KEY ("path", "line")
);
CREATE INDEX "idx_claims_article_id"
    ON "claims" ("article_id");
CREATE INDEX "idx_claims_slot"
    ON "claims" ("slot");
CREATE INDEX "idx_claims_subject_as_of"
    ON "claims" ("subject", "as_of");
CREATE INDEX "idx_articles_duplicate_of"
    ON "articles" ("duplicate_of");
CREATE INDEX "idx_articles_detected"
    ON "articles" ("detected");
CREATE INDEX "idx_contradictions_claim_a"
    ON "contradictions" ("claim_a");
CREATE INDEX "idx_contradictions_claim_b"
    ON "contradictions" ("claim_b");
CREATE INDEX "idx_contradictions_kind_relation_status"
    ON "contradictions" ("kind", "relation", "status");
CREATE INDEX "idx_contradictions_article_a"
    ON "contradictions" ("article_a");
CREATE INDEX "idx_contradictions_article_b"
    ON "contradictions" ("article_b");
CREATE INDEX "idx_contradictions_score"
    ON "contradictions" ("score");
CREATE INDEX "idx_articles_source"
    ON "articles" ("source");
CREATE INDEX "idx_articles_language"
    ON "articles" ("language");
CREATE INDEX "idx_reviews_contradiction_id"
    ON "reviews" ("contradiction_id");
CREATE INDEX "idx_articles_content_hash"
    ON "articles" ("content_hash");
CREATE INDEX "idx_articles_path_ref"
    ON "articles" ("path", "ref");
CREATE INDEX "idx_entity_aliases_entity_id"
    ON "entity_aliases" ("entity_id");
CREATE VIRTUAL TABLE "articles_fts" USING FTS5 (
    "title", "text",
    tokenize='unicode61',
    content="articles"
);
CREATE TRIGGER [articles_ai] after insert on [articles] begin insert into [articles_fts] (rowid, title, text) values (new.rowid, new.[title], new.[text]); end;
CREATE TRIGGER [articles_ad] after delete on [articles] when exists (select 1 from [articles_fts_docsize] where id = old.rowid) begin insert into [articles_fts] ([articles_fts], rowid, title, text) values ('delete', old.rowid, old.[title], old.[text]); end;
CREATE TRIGGER [articles_au] after update of title, text on [articles] when exists (select 1 from [articles_fts_docsize] where id = old.rowid) begin insert into [articles_fts] ([articles_fts], rowid, title, text) values ('delete', old.rowid, old.[title], old.[text]); insert into [articles_fts] (rowid, title, text) select new.rowid, new.[title], new.[text]; end;
CREATE VIRTUAL TABLE "claims_fts" USING FTS5 (
    "sentence",
    tokenize='unicode61',
    content="claims"
);
CREATE TRIGGER [claims_ai] after insert on [claims] begin insert into [claims_fts] (rowid, sentence) values (new.rowid, new.[sentence]); end;
CREATE TRIGGER [claims_ad] after delete on [claims] when exists (select 1 from [claims_fts_docsize] where id = old.rowid) begin insert into [claims_fts] ([claims_fts], rowid, sentence) values ('delete', old.rowid, old.[sentence]); end;
CREATE TRIGGER [claims_au] after update of sentence on [claims] when exists (select 1 from [claims_fts_docsize] where id = old.rowid) begin insert into [claims_fts] ([claims_fts], rowid, sentence) values ('delete', old.rowid, old.[sentence]); insert into [claims_fts] (rowid, sentence) select new.rowid, new.[sentence]; end;
