-- The import queue (core/import/ImportQueue): many files and folders imported in one go, persisted so that a queue
-- interrupted by a crash, a quit or Cancel is offered for resuming. Schema version 10. Times are epoch seconds UTC.
-- Which files are in the store is still decided by imports.content_hash: a resumed file already imported is skipped.
CREATE TABLE import_queues (
    id                   INTEGER PRIMARY KEY,
    unit_id              TEXT NOT NULL CHECK (unit_id <> ''),
    start_utc            INTEGER,               -- the given start time of each file; NULL: from each file
    gps_track_file       TEXT NOT NULL DEFAULT '',  -- the unit's track for files without one beside them
    latitude             REAL,                  -- fixed camera location, or NULL
    longitude            REAL,
    min_still_confidence REAL NOT NULL,
    status               TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','finished','discarded')),
    created_by           TEXT NOT NULL,
    created_utc          INTEGER NOT NULL,
    finished_utc         INTEGER
);
CREATE INDEX import_queues_open ON import_queues(status, created_by);

CREATE TABLE import_queue_items (
    queue_id     INTEGER NOT NULL REFERENCES import_queues(id),
    position     INTEGER NOT NULL,              -- import order, from 0
    path         TEXT NOT NULL,
    size_bytes   INTEGER NOT NULL,
    status       TEXT NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending','running','done','failed','skipped')),
    reason       TEXT NOT NULL DEFAULT '',      -- why it failed or was skipped
    reads        INTEGER NOT NULL DEFAULT 0,
    gps_source   TEXT NOT NULL DEFAULT '',
    time_source  TEXT NOT NULL DEFAULT '',
    started_utc  INTEGER,
    finished_utc INTEGER,
    PRIMARY KEY (queue_id, position)
);
