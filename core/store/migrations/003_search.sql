-- Partial-plate search and watch entries (core/search).

-- The search index works on distinct plate strings, not on reads: plates repeat, so the dictionary is much
-- smaller than the read table. search_canon holds the look-alike canonical form of every reading, best and
-- alternative (0/O/D/Q -> 0, 8/B/3 -> 8 ...), shared by all readings that differ only by look-alikes;
-- search_grams the position-aware trigrams of the canonical forms, with ^ and $ anchors, carrying the canonical
-- text so that candidates are verified while the posting list is read, without a lookup each. A gram's code is
-- ((s1*37 + s2)*37 + s3)*16 + position, so all positions of one trigram, or all trigrams that begin with one
-- bigram, are one key range. search_reads lists the readings of each canonical form, so a matching form leads to
-- its reads in one range scan. Maintained by ReadIndexer (explicit, batched), not by triggers. Rows of reads
-- that retention deletes stay until the next rebuild and are skipped.
CREATE TABLE search_canon (
    id    INTEGER PRIMARY KEY,
    canon TEXT NOT NULL UNIQUE
);
CREATE TABLE search_grams (
    code     INTEGER NOT NULL,
    canon_id INTEGER NOT NULL,
    canon    TEXT NOT NULL,
    PRIMARY KEY (code, canon_id)
) WITHOUT ROWID;
CREATE TABLE search_reads (
    canon_id INTEGER NOT NULL,
    read_id  INTEGER NOT NULL,
    rank     INTEGER NOT NULL,             -- 0 = the best reading, else the alternative's rank
    plate    TEXT NOT NULL,                -- the reading as stored
    PRIMARY KEY (canon_id, read_id, rank)
) WITHOUT ROWID;
-- indexed_read_id: every read with id <= this is in the index and has been matched against the watch entries.
CREATE TABLE search_state (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
INSERT INTO search_state(key, value) VALUES ('indexed_read_id', 0);

-- Partial plates entered for major crimes. Matched against all past reads on entry (retro hits), then against
-- every read as it is imported, until expiry.
CREATE TABLE watch_entries (
    id          INTEGER PRIMARY KEY,
    pattern     TEXT NOT NULL,             -- normalized pattern (PlatePattern::text)
    tolerance   INTEGER NOT NULL CHECK (tolerance BETWEEN 0 AND 2),
    case_number TEXT NOT NULL,
    crime_type  TEXT NOT NULL,
    notes       TEXT NOT NULL DEFAULT '',
    created_utc INTEGER NOT NULL,          -- seconds since the epoch
    created_by  TEXT NOT NULL,
    expires_utc INTEGER NOT NULL
);
CREATE INDEX watch_entries_expiry ON watch_entries(expires_utc);

CREATE TABLE watch_hits (
    watch_id      INTEGER NOT NULL REFERENCES watch_entries(id),
    read_id       INTEGER NOT NULL REFERENCES reads(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('retro','new')),
    matched_plate TEXT NOT NULL,
    alt_rank      INTEGER NOT NULL,        -- 0 = the best reading matched, else the alternative's rank
    score         INTEGER NOT NULL,
    explanation   TEXT NOT NULL,
    found_utc     INTEGER NOT NULL,
    PRIMARY KEY (watch_id, read_id)
) WITHOUT ROWID;
CREATE INDEX watch_hits_read ON watch_hits(read_id);
