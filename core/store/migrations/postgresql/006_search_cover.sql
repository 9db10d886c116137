-- Schema 6: the search index (003) becomes a covering index, and its postings carry plates.
--
-- search_reads becomes a covering index: each reading carries what a result row shows and what the filters test
-- (the read's best reading, time, confidence, place, unit, crop image), so a search never visits the reads table.
-- The index must therefore never keep a row of a deleted read: retention's purge prunes it in the same transaction
-- (core/evidence SearchIndexPruner), and nothing else deletes reads.
-- Rebuilt as in SQLite (new table, copy, drop, rename); PostgreSQL keeps a constraint's name through a table rename,
-- so the primary keys are renamed after their tables.
CREATE TABLE search_reads_covering (
    canon_id      BIGINT NOT NULL,
    read_id       BIGINT NOT NULL,
    rank          BIGINT NOT NULL,         -- 0 = the best reading, else the alternative's rank
    plate         TEXT NOT NULL,           -- the reading as stored
    best_plate    TEXT,                    -- the read's best reading when this is an alternative (rank > 0)
    time_utc      BIGINT NOT NULL,         -- copied from reads
    confidence    DOUBLE PRECISION NOT NULL,
    lat           DOUBLE PRECISION,
    lon           DOUBLE PRECISION,
    unit_id       TEXT NOT NULL,
    crop_image_id BIGINT,
    PRIMARY KEY (canon_id, plate, read_id, rank) -- a form's readings of one plate together: a query reads only the
                                                 -- plates that match it, not every look-alike of them
);

-- The join also drops rows of reads deleted before this version (they used to be skipped at search time).
INSERT INTO search_reads_covering
SELECT s.canon_id, s.read_id, s.rank, s.plate, CASE WHEN s.rank > 0 THEN r.plate END, r.time_utc, r.confidence,
       r.lat, r.lon, r.unit_id, r.crop_image_id
FROM search_reads s JOIN reads r ON r.id = s.read_id
ORDER BY s.canon_id, s.plate, s.read_id, s.rank;

DROP TABLE search_reads;
ALTER TABLE search_reads_covering RENAME TO search_reads;
ALTER TABLE search_reads RENAME CONSTRAINT search_reads_covering_pkey TO search_reads_pkey;

-- The plates (exact readings) filed under each canonical form, comma-separated, in search_canon and in every posting
-- of search_grams (which so far carried the canonical text). A candidate form is then checked against its plates
-- with the query's own matcher before its readings are read. Plates whose reads retention purged may stay listed;
-- they cost a visit, never a wrong hit (each reading is verified).
-- SQLite's group_concat over the DISTINCT plates comes out in plate order (the primary key's); string_agg is told to.
ALTER TABLE search_canon ADD COLUMN plates TEXT NOT NULL DEFAULT '';
UPDATE search_canon
SET plates = coalesce((SELECT string_agg(DISTINCT plate, ',' ORDER BY plate) FROM search_reads r
                       WHERE r.canon_id = search_canon.id), '');

CREATE TABLE search_grams_plates (
    code     BIGINT NOT NULL,
    canon_id BIGINT NOT NULL,
    plates   TEXT NOT NULL,
    PRIMARY KEY (code, canon_id)
);
INSERT INTO search_grams_plates
SELECT g.code, g.canon_id, c.plates FROM search_grams g JOIN search_canon c ON c.id = g.canon_id
ORDER BY g.code, g.canon_id;
DROP TABLE search_grams;
ALTER TABLE search_grams_plates RENAME TO search_grams;
ALTER TABLE search_grams RENAME CONSTRAINT search_grams_plates_pkey TO search_grams_pkey;
