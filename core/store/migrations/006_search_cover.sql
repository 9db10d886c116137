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
    PRIMARY KEY (canon_id, read_id, rank)
) WITHOUT ROWID;

-- The join also drops rows of reads deleted before this version (they used to be skipped at search time).
INSERT INTO search_reads_covering
SELECT s.canon_id, s.read_id, s.rank, s.plate, CASE WHEN s.rank > 0 THEN r.plate END, r.time_utc, r.confidence,
       r.lat, r.lon, r.unit_id, r.crop_image_id
FROM search_reads s JOIN reads r ON r.id = s.read_id
ORDER BY s.canon_id, s.read_id, s.rank;

DROP TABLE search_reads;
ALTER TABLE search_reads_covering RENAME TO search_reads;
