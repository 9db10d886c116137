-- Hot lists, manual entries and alerts (core/hotlists). Schema version 7.

-- A hot list: an imported extract (NCIC, CA DOJ CLEW, CSV) or the built-in list of manual entries. Re-importing a
-- list replaces its entries in one transaction; hotlist_versions keeps who loaded what, when.
CREATE TABLE hotlists (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    source        TEXT NOT NULL CHECK (source IN ('ncic','cadoj','csv','manual')),
    category      TEXT NOT NULL,
    priority      INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 3),   -- 1 = high
    lookalike     INTEGER NOT NULL DEFAULT 0,       -- 1 = also match OCR look-alikes (search/LookAlikeTable)
    expires_utc   INTEGER,                          -- seconds since the epoch; NULL = no list-wide expiry
    created_utc   INTEGER NOT NULL,
    refreshed_utc INTEGER NOT NULL
);

CREATE TABLE hotlist_versions (
    id           INTEGER PRIMARY KEY,
    hotlist_id   INTEGER NOT NULL REFERENCES hotlists(id),
    version      INTEGER NOT NULL,
    imported_utc INTEGER NOT NULL,
    imported_by  TEXT NOT NULL,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    lines        INTEGER NOT NULL,
    entries      INTEGER NOT NULL,
    rejected     INTEGER NOT NULL,
    dropped      INTEGER NOT NULL,                  -- entries of the previous version not in this one
    retro_alerts INTEGER NOT NULL,
    UNIQUE (hotlist_id, version)
);

-- The entries in force. canon is the look-alike canonical form of plate, so that one index lookup per new distinct
-- plate finds both exact and look-alike candidates. nic, ori, incident_date, vehicle and record_text come from
-- CLETS/NCIC/DOJ and are returned only to CLETS-authorized users (HotlistService, AlertService).
CREATE TABLE hotlist_entries (
    id            INTEGER PRIMARY KEY,
    hotlist_id    INTEGER NOT NULL REFERENCES hotlists(id),
    plate         TEXT NOT NULL,
    canon         TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL,
    priority      INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 3),
    lookalike     INTEGER NOT NULL DEFAULT 0,
    reason        TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    expires_utc   INTEGER,
    nic           TEXT NOT NULL DEFAULT '',
    ori           TEXT NOT NULL DEFAULT '',
    incident_date TEXT NOT NULL DEFAULT '',
    vehicle       TEXT NOT NULL DEFAULT '',
    record_text   TEXT NOT NULL DEFAULT '',
    created_utc   INTEGER NOT NULL,
    created_by    TEXT NOT NULL
);
CREATE INDEX hotlist_entries_canon ON hotlist_entries(canon);
CREATE INDEX hotlist_entries_list ON hotlist_entries(hotlist_id, plate);

-- One hit of a read on a hot-list entry or a partial-plate watch entry. The entry is copied, not referenced: a
-- re-import may drop it, and the alert (and what the officer acted on) must stay as it was.
CREATE TABLE alerts (
    id            INTEGER PRIMARY KEY,
    created_utc   INTEGER NOT NULL,
    read_id       INTEGER NOT NULL REFERENCES reads(id) ON DELETE CASCADE,
    matched_plate TEXT NOT NULL,
    alt_rank      INTEGER NOT NULL,
    match_kind    TEXT NOT NULL CHECK (match_kind IN ('exact','look-alike','partial')),
    explanation   TEXT NOT NULL,
    retro         INTEGER NOT NULL,
    source        TEXT NOT NULL CHECK (source IN ('hotlist','watch')),
    source_id     INTEGER NOT NULL,                 -- hotlists.id or watch_entries.id
    list_name     TEXT NOT NULL,
    entry_plate   TEXT NOT NULL,                    -- the entry's plate, or the watch pattern
    entry_state   TEXT NOT NULL DEFAULT '',
    category      TEXT NOT NULL,
    priority      INTEGER NOT NULL,
    reason        TEXT NOT NULL DEFAULT '',
    nic           TEXT NOT NULL DEFAULT '',
    ori           TEXT NOT NULL DEFAULT '',
    incident_date TEXT NOT NULL DEFAULT '',
    vehicle       TEXT NOT NULL DEFAULT '',
    record_text   TEXT NOT NULL DEFAULT '',
    state         TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new','visual','confirmed','closed','rejected')),
    visual_by     TEXT NOT NULL DEFAULT '',
    visual_utc    INTEGER,
    clets_by      TEXT NOT NULL DEFAULT '',
    clets_utc     INTEGER,
    clets_ref     TEXT NOT NULL DEFAULT '',
    clets_outcome TEXT NOT NULL DEFAULT '',         -- active, not-active, misread
    closed_by     TEXT NOT NULL DEFAULT '',
    closed_utc    INTEGER,
    reject_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (source, source_id, entry_plate, read_id)
);
CREATE INDEX alerts_queue ON alerts(state, priority, created_utc);
CREATE INDEX alerts_read ON alerts(read_id);

-- Reads behind an alert fall in the "case-reads" retention class, like watch hits (005).
DROP VIEW hit_reads;
CREATE VIEW hit_reads AS
    SELECT read_id FROM watch_hits
    UNION SELECT read_id FROM alerts;

-- Set to a new random value by every change to hotlist_entries, so a process's in-memory key filter (HotlistMatching) knows to reload.
INSERT INTO settings(key, value) VALUES ('hotlist.generation', '0');
INSERT INTO settings(key, value) VALUES ('hotlist.stale_hours', '24');
INSERT INTO settings(key, value) VALUES ('hotlist.retro_days', '30');
INSERT INTO settings(key, value) VALUES ('alert.reject_reasons',
    'Misread plate (image does not match)
State does not match
Vehicle does not match the record
Duplicate of another alert
Entry no longer active');
