-- Cases, holds, retention and evidence exports (core/evidence). Schema version 5.

-- A case or incident. The number is what detectives type and what the audit trail records.
CREATE TABLE cases (
    id             INTEGER PRIMARY KEY,
    number         TEXT NOT NULL UNIQUE,
    title          TEXT NOT NULL,
    lead_detective TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
    created_utc    TEXT NOT NULL,
    created_by     TEXT NOT NULL
);

-- What is attached to a case. Generic so other capabilities attach their own things without a schema change:
-- kind names the table the item id belongs to ('read' = reads.id, 'canvass', 'watch', 'hit' ...). No foreign key
-- for that reason; the retention purge removes 'read' items together with the read.
CREATE TABLE case_items (
    case_id   INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    kind      TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32 AND kind NOT GLOB '*[^a-z-]*'),
    item_id   INTEGER NOT NULL,
    added_by  TEXT NOT NULL,
    added_utc TEXT NOT NULL,
    PRIMARY KEY (case_id, kind, item_id)
) WITHOUT ROWID;
CREATE INDEX case_items_item ON case_items(kind, item_id);

-- The reads a case stands on. A capability whose case items carry reads of their own (a canvass result, a hot-list
-- hit) may DROP and re-CREATE this view in its migration with a UNION, and evidence holds and the "case-reads"
-- retention class then cover those reads too.
CREATE VIEW case_item_reads AS
    SELECT case_id, item_id AS read_id FROM case_items WHERE kind = 'read';

-- Reads that produced a hit: a watch-entry hit (003, watch entries carry a case number) and, once the hot-list
-- migration (006) re-creates this view with a UNION over its alert table, a hot-list alert. Such reads fall in the
-- "case-reads" retention class.
CREATE VIEW hit_reads AS
    SELECT read_id FROM watch_hits;

-- Evidence holds (tied to a case: every read the case stands on) and legal holds (a lawful request for records:
-- a case's reads and/or listed reads, until a date or indefinitely). A held read survives every purge.
CREATE TABLE holds (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('evidence','legal')),
    case_id        INTEGER REFERENCES cases(id),
    requester      TEXT NOT NULL DEFAULT '',
    reference      TEXT NOT NULL DEFAULT '',
    until_date     TEXT,              -- YYYY-MM-DD, last day held; NULL = indefinite
    note           TEXT NOT NULL DEFAULT '',
    placed_by      TEXT NOT NULL,
    placed_utc     TEXT NOT NULL,
    released_by    TEXT,
    released_utc   TEXT,
    release_reason TEXT,
    CHECK (kind <> 'evidence' OR case_id IS NOT NULL),
    CHECK (kind <> 'legal' OR (requester <> '' AND reference <> ''))
);
CREATE INDEX holds_case ON holds(case_id);

CREATE TABLE hold_reads (
    hold_id INTEGER NOT NULL REFERENCES holds(id),
    read_id INTEGER NOT NULL REFERENCES reads(id) ON DELETE CASCADE,
    PRIMARY KEY (hold_id, read_id)
) WITHOUT ROWID;
CREATE INDEX hold_reads_read ON hold_reads(read_id);

-- Retention per data class. The policy's minimum of one year (Government Code 34090.6) is enforced here as well as
-- in RetentionPolicy, so no code path can store less. max_days: for agencies whose law caps retention.
CREATE TABLE retention_policy (
    data_class  TEXT PRIMARY KEY CHECK (data_class IN ('reads','case-reads','images')),
    days        INTEGER NOT NULL CHECK (days >= 365),
    max_days    INTEGER CHECK (max_days IS NULL OR max_days >= days),
    updated_by  TEXT NOT NULL,
    updated_utc TEXT NOT NULL
);
INSERT INTO retention_policy(data_class, days, updated_by, updated_utc) VALUES
    ('reads', 365, 'schema', '1970-01-01T00:00:00.000Z'),
    ('case-reads', 365, 'schema', '1970-01-01T00:00:00.000Z'),
    ('images', 365, 'schema', '1970-01-01T00:00:00.000Z');

-- One purge job. Cut-offs are fixed when it starts so a cancelled run resumes on exactly the same set.
CREATE TABLE purge_runs (
    id                 INTEGER PRIMARY KEY,
    started_by         TEXT NOT NULL,
    started_utc        TEXT NOT NULL,
    reads_cutoff       INTEGER NOT NULL,   -- seconds since the epoch: unlinked reads before it go
    case_reads_cutoff  INTEGER NOT NULL,
    images_cutoff      INTEGER NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('running','cancelled','completed','failed')),
    reads_deleted      INTEGER NOT NULL DEFAULT 0,
    images_deleted     INTEGER NOT NULL DEFAULT 0,
    batches            INTEGER NOT NULL DEFAULT 0,
    finished_utc       TEXT
);

-- Child-key indexes for reads' image references. With foreign keys on, deleting an image makes SQLite look for reads
-- that still point at it, and the purge asks the same; without these each image deleted scans the whole reads table
-- (measured: 297 reads/s purged on 100k reads). Partial, so reads without images cost nothing at insert.
CREATE INDEX reads_crop_image ON reads(crop_image_id) WHERE crop_image_id IS NOT NULL;
CREATE INDEX reads_context_image ON reads(context_image_id) WHERE context_image_id IS NOT NULL;

-- Every evidence package written, for the evidence page and for checking a package's signature later.
CREATE TABLE evidence_exports (
    id              INTEGER PRIMARY KEY,
    case_id         INTEGER NOT NULL REFERENCES cases(id),
    package_name    TEXT NOT NULL,
    target          TEXT NOT NULL,
    purpose         TEXT NOT NULL,
    read_count      INTEGER NOT NULL,
    file_count      INTEGER NOT NULL,
    manifest_sha256 TEXT NOT NULL,
    exported_by     TEXT NOT NULL,
    exported_utc    TEXT NOT NULL
);
CREATE INDEX evidence_exports_case ON evidence_exports(case_id);
