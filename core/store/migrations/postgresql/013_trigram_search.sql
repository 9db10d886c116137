-- Schema 13 (server only): partial-plate candidates through pg_trgm instead of search_grams.
--
-- Measured on the same 10M demo reads (bench_engines --compare-trgm, docs/scale.md): a GIN trigram index on the
-- canonical forms is 43 MB where the gram postings are 1.7 GB, and finds the candidate forms of prefix, infix and
-- wildcard patterns faster over a server connection (one statement, where the gram path reads postings gram by
-- gram). PlateIndex asks it with a regular expression on the canonical form (pg_trgm indexes ~ as well as LIKE).
-- search_grams stays (the embedded store's search uses it) but is no longer kept on the server.
-- pg_trgm is a trusted extension: the database's owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX search_canon_trigrams ON search_canon USING gin (canon gin_trgm_ops);
TRUNCATE search_grams;
