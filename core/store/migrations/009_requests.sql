-- Outside records requests, releases to other agencies and the audit program (core/requests). Schema version 9.

-- A non-law-enforcement request for ALPR data (public records act, subpoena, press, civil discovery). Anyone may
-- register one; only the Records Supervisor (and the Commander) works it. due_date is the legal answer date, fixed
-- at registration from the configured number of days (setting requests.due_days).
CREATE TABLE records_requests (
    id             INTEGER PRIMARY KEY,
    requester      TEXT NOT NULL CHECK (requester <> ''),
    kind           TEXT NOT NULL CHECK (kind IN ('public-records','subpoena','press','civil-discovery','other')),
    received_date  TEXT NOT NULL,     -- YYYY-MM-DD
    description    TEXT NOT NULL CHECK (description <> ''),
    due_date       TEXT NOT NULL,     -- YYYY-MM-DD, last day for the answer
    status         TEXT NOT NULL DEFAULT 'received'
                   CHECK (status IN ('received','under-review','released-in-part','denied','withdrawn')),
    denial_reason  TEXT NOT NULL DEFAULT '',
    assigned_to    TEXT NOT NULL DEFAULT '',
    case_number    TEXT NOT NULL DEFAULT '',  -- the case the released material was exported under, if any
    hold_id        INTEGER REFERENCES holds(id),
    notes          TEXT NOT NULL DEFAULT '',
    created_by     TEXT NOT NULL,
    created_utc    TEXT NOT NULL,
    updated_by     TEXT NOT NULL,
    updated_utc    TEXT NOT NULL,
    CHECK (status <> 'denied' OR denial_reason <> '')
);
CREATE INDEX records_requests_status ON records_requests(status);

-- A release of ALPR data to another law-enforcement agency (Civil Code 1798.90.55: a record of every sharing).
CREATE TABLE agency_releases (
    id                INTEGER PRIMARY KEY,
    agency            TEXT NOT NULL CHECK (agency <> ''),
    officer           TEXT NOT NULL CHECK (officer <> ''),
    officer_contact   TEXT NOT NULL CHECK (officer_contact <> ''),
    identity_verified TEXT NOT NULL CHECK (identity_verified <> ''),  -- how the officer's identity was checked
    legal_basis       TEXT NOT NULL CHECK (legal_basis <> ''),
    case_number       TEXT NOT NULL CHECK (case_number <> ''),
    released_what     TEXT NOT NULL CHECK (released_what <> ''),
    approved_by       TEXT NOT NULL CHECK (approved_by <> ''),
    package_name      TEXT NOT NULL DEFAULT '',   -- the evidence package that carried it (evidence_exports)
    manifest_sha256   TEXT NOT NULL DEFAULT '',
    released_utc      TEXT NOT NULL,
    recorded_by       TEXT NOT NULL
);
CREATE INDEX agency_releases_time ON agency_releases(released_utc);

-- A random sample of searches drawn for supervisory review; seed and period make it reproducible.
CREATE TABLE audit_samples (
    id          INTEGER PRIMARY KEY,
    from_utc    TEXT NOT NULL,
    to_utc      TEXT NOT NULL,
    seed        INTEGER NOT NULL,
    requested   INTEGER NOT NULL,
    created_by  TEXT NOT NULL,
    created_utc TEXT NOT NULL
);

CREATE TABLE audit_sample_items (
    sample_id   INTEGER NOT NULL REFERENCES audit_samples(id),
    audit_seq   INTEGER NOT NULL,   -- the sampled search's audit record
    verdict     TEXT NOT NULL DEFAULT '' CHECK (verdict IN ('','justified','not-justified')),
    note        TEXT NOT NULL DEFAULT '',
    reviewed_by TEXT NOT NULL DEFAULT '',
    reviewed_utc TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (sample_id, audit_seq)
) WITHOUT ROWID;

-- An auditor's signature on the report of a period, with the chain head it covered.
CREATE TABLE audit_signoffs (
    id             INTEGER PRIMARY KEY,
    from_utc       TEXT NOT NULL,
    to_utc         TEXT NOT NULL,
    anchor_count   INTEGER NOT NULL,
    anchor_hash    TEXT NOT NULL,
    findings       TEXT NOT NULL DEFAULT '',
    signed_by      TEXT NOT NULL,
    signed_utc     TEXT NOT NULL
);
CREATE INDEX audit_signoffs_period ON audit_signoffs(to_utc);
