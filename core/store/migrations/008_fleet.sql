-- Vehicle units, offload transfers, the 30-day monitor and undocking permission (core/fleet, core/transfers).

-- Units gain what the Agency Manager administers: who or where the unit is assigned to, its cameras and its status.
ALTER TABLE units ADD COLUMN assignment TEXT NOT NULL DEFAULT '';
ALTER TABLE units ADD COLUMN camera_serials TEXT NOT NULL DEFAULT '';   -- comma-separated serial numbers
ALTER TABLE units ADD COLUMN status TEXT NOT NULL DEFAULT 'in-service'
    CHECK (status IN ('in-service','undocked','out-of-service','retired'));
ALTER TABLE units ADD COLUMN updated_utc TEXT;

-- One row per offload presented for import, good or bad: the policy wants the manager to see that transfers run.
-- A verified offload is stored in batches; checkpoint counts the reads (in manifest order) already handled, so an
-- interrupted import resumes there. unit_id is the unit the offload declares, which may be foreign (no FK).
CREATE TABLE transfers (
    id              INTEGER PRIMARY KEY,
    manifest_sha256 TEXT NOT NULL,
    unit_id         TEXT NOT NULL,
    source          TEXT NOT NULL,
    format          TEXT NOT NULL,
    period_from     INTEGER,                 -- seconds since the epoch, as the manifest declares
    period_to       INTEGER,
    declared_reads  INTEGER NOT NULL DEFAULT 0,
    stored_reads    INTEGER NOT NULL DEFAULT 0,
    duplicate_reads INTEGER NOT NULL DEFAULT 0,
    checkpoint      INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL CHECK (status IN ('importing','complete','failed','cancelled')),
    reason          TEXT NOT NULL DEFAULT '',
    undocked_unapproved INTEGER NOT NULL DEFAULT 0,
    imported_by     TEXT NOT NULL,
    started_utc     INTEGER NOT NULL,
    finished_utc    INTEGER
);
CREATE INDEX transfers_unit ON transfers(unit_id, started_utc);
CREATE INDEX transfers_manifest ON transfers(manifest_sha256);

CREATE TABLE transfer_files (
    transfer_id INTEGER NOT NULL REFERENCES transfers(id),
    path        TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    bytes       INTEGER NOT NULL,
    PRIMARY KEY (transfer_id, path)
);

-- A transferred read's identity (unit + camera + time + plate): overlapping offloads store each read once. The row
-- goes with its read when retention purges it, as the plate text must.
CREATE TABLE transfer_reads (
    unit_id     TEXT NOT NULL,
    camera      TEXT NOT NULL,
    time_ms     INTEGER NOT NULL,
    plate       TEXT NOT NULL,
    read_id     INTEGER NOT NULL REFERENCES reads(id) ON DELETE CASCADE,
    transfer_id INTEGER NOT NULL,
    box         TEXT NOT NULL DEFAULT '',    -- x,y,w,h of the plate in the context image
    PRIMARY KEY (unit_id, camera, time_ms, plate)
) WITHOUT ROWID;
CREATE INDEX transfer_reads_read ON transfer_reads(read_id);

-- "Personnel are prohibited from undocking the ALPR without permission of the Support Services Division Commander."
CREATE TABLE undock_requests (
    id            INTEGER PRIMARY KEY,
    unit_id       TEXT NOT NULL REFERENCES units(id),
    requested_by  TEXT NOT NULL,
    reason        TEXT NOT NULL,
    from_utc      INTEGER NOT NULL,
    to_utc        INTEGER NOT NULL,
    requested_utc INTEGER NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('pending','approved','denied','returned')),
    decided_by    TEXT,
    decided_utc   INTEGER,
    decision_note TEXT NOT NULL DEFAULT '',
    returned_utc  INTEGER
);
CREATE INDEX undock_requests_unit ON undock_requests(unit_id, status);
