-- Schema 6: the search index (003) becomes a covering index, and its postings carry plates.
--
-- search_reads becomes a covering index: each reading carries what a result row shows and what the filters test
-- (the read's best reading, time, confidence, place, unit, crop image). A search then never visits the reads table:
-- at 10 million reads a broad pattern (*X12*, ~5,000 reads) spent most of its time fetching and decrypting one
-- random page of reads per hit, while the readings of one canonical form already lie together here.
-- The index must therefore never keep a row of a deleted read: retention's purge prunes it in the same transaction
-- (core/evidence SearchIndexPruner), and nothing else deletes reads.
CREATE TABLE search_reads_covering (
    canon_id      INTEGER NOT NULL,
    read_id       INTEGER NOT NULL,
    rank          INTEGER NOT NULL,        -- 0 = the best reading, else the alternative's rank
    plate         TEXT NOT NULL,           -- the reading as stored
    best_plate    TEXT,                    -- the read's best reading when this is an alternative (rank > 0)
    time_utc      INTEGER NOT NULL,        -- copied from reads
    confidence    REAL NOT NULL,
    lat           REAL,
    lon           REAL,
    unit_id       TEXT NOT NULL,
    crop_image_id INTEGER,
    PRIMARY KEY (canon_id, plate, read_id, rank) -- a form's readings of one plate together: a query reads only the
                                                 -- plates that match it, not every look-alike of them
) WITHOUT ROWID;

-- The join also drops rows of reads deleted before this version (they used to be skipped at search time).
INSERT INTO search_reads_covering
SELECT s.canon_id, s.read_id, s.rank, s.plate, CASE WHEN s.rank > 0 THEN r.plate END, r.time_utc, r.confidence,
       r.lat, r.lon, r.unit_id, r.crop_image_id
FROM search_reads s JOIN reads r ON r.id = s.read_id
ORDER BY s.canon_id, s.plate, s.read_id, s.rank;

DROP TABLE search_reads;
ALTER TABLE search_reads_covering RENAME TO search_reads;

-- The plates (exact readings) filed under each canonical form, comma-separated, in search_canon and in every posting
-- of search_grams (which so far carried the canonical text). A candidate form is then checked against its plates
-- with the query's own matcher before its readings are read: at tolerance 0, "*X12*" shares its canonical form with
-- XI2, XL2, X1Z..., and checking the form alone visited about five times the forms that hold a match. Plates whose
-- reads retention purged may stay listed; they cost a visit, never a wrong hit (each reading is verified).
ALTER TABLE search_canon ADD COLUMN plates TEXT NOT NULL DEFAULT '';
UPDATE search_canon
SET plates = coalesce((SELECT group_concat(plate) FROM (SELECT DISTINCT plate FROM search_reads r
                                                        WHERE r.canon_id = search_canon.id)), '');

CREATE TABLE search_grams_plates (
    code     INTEGER NOT NULL,
    canon_id INTEGER NOT NULL,
    plates   TEXT NOT NULL,
    PRIMARY KEY (code, canon_id)
) WITHOUT ROWID;
INSERT INTO search_grams_plates
SELECT g.code, g.canon_id, c.plates FROM search_grams g JOIN search_canon c ON c.id = g.canon_id
ORDER BY g.code, g.canon_id;
DROP TABLE search_grams;
ALTER TABLE search_grams_plates RENAME TO search_grams;
