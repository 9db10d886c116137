-- Accounts, audit trail, units and reads: the ground every capability stands on.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE accounts (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    full_name      TEXT NOT NULL DEFAULT '',
    role           TEXT NOT NULL CHECK (role IN ('commander','agency-manager','investigator','records-supervisor','auditor')),
    training_until TEXT,              -- YYYY-MM-DD, last valid day; NULL = no recorded training
    clets          INTEGER NOT NULL DEFAULT 0,
    disabled       INTEGER NOT NULL DEFAULT 0,
    created_utc    TEXT NOT NULL
);

-- Append-only. hash = SHA-256(previous hash || canonical form of this record); see core/audit/AuditRecord.
CREATE TABLE audit (
    seq          INTEGER PRIMARY KEY,
    time_utc     TEXT NOT NULL,
    user         TEXT NOT NULL,
    workstation  TEXT NOT NULL,
    action       TEXT NOT NULL,
    object       TEXT NOT NULL,
    parameters   TEXT NOT NULL,
    purpose      TEXT NOT NULL,
    case_number  TEXT NOT NULL,
    outcome      TEXT NOT NULL,
    hash         TEXT NOT NULL
);
CREATE INDEX audit_user ON audit(user);
CREATE INDEX audit_action ON audit(action);
CREATE INDEX audit_time ON audit(time_utc);
CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Vehicle units and fixed cameras.
CREATE TABLE units (
    id                TEXT PRIMARY KEY,
    name              TEXT NOT NULL DEFAULT '',
    kind              TEXT NOT NULL DEFAULT 'vehicle' CHECK (kind IN ('vehicle','fixed')),
    lat               REAL,
    lon               REAL,
    last_transfer_utc TEXT,
    created_utc       TEXT NOT NULL
);

-- Encoded images (JPEG/PNG), kept inside the encrypted store.
CREATE TABLE images (
    id    INTEGER PRIMARY KEY,
    mime  TEXT NOT NULL,
    data  BLOB NOT NULL
);

CREATE TABLE reads (
    id               INTEGER PRIMARY KEY,
    plate            TEXT NOT NULL,            -- best reading, normalized (A-Z0-9)
    confidence       REAL NOT NULL,
    time_utc         INTEGER NOT NULL,         -- seconds since the epoch, UTC
    lat              REAL,
    lon              REAL,
    unit_id          TEXT NOT NULL REFERENCES units(id),
    source_file      TEXT,
    source_offset_ms INTEGER,                  -- frame time inside the source video
    frame            INTEGER,
    crop_image_id    INTEGER REFERENCES images(id),
    context_image_id INTEGER REFERENCES images(id),
    imported_utc     INTEGER NOT NULL
);
CREATE INDEX reads_time ON reads(time_utc);
-- No index on plate text: plate search has its own index over distinct plates (003), and every index here is
-- paid for by every insert, encrypted.
CREATE INDEX reads_unit_time ON reads(unit_id, time_utc);

-- Ranked alternative readings (rank 1 = the runner-up).
CREATE TABLE read_alternatives (
    read_id    INTEGER NOT NULL REFERENCES reads(id) ON DELETE CASCADE,
    rank       INTEGER NOT NULL,
    plate      TEXT NOT NULL,
    confidence REAL NOT NULL,
    PRIMARY KEY (read_id, rank)
) WITHOUT ROWID;
