-- Imported source files, by content hash: a re-run of an interrupted import skips what is already in.
CREATE TABLE imports (
    content_hash TEXT PRIMARY KEY,   -- hex SHA-256 of the file
    file_name    TEXT NOT NULL,
    unit_id      TEXT NOT NULL REFERENCES units(id),
    reads        BIGINT NOT NULL,
    imported_by  TEXT NOT NULL,
    imported_utc TEXT NOT NULL
);
