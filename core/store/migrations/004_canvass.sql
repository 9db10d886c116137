-- Canvass: a spatial-temporal index over reads and the scenes saved under a case.

-- Grid cell (0.01 degree, about 1.1 km north-south) and time in one B-tree, on an expression of the row itself, so
-- no trigger and no second table: an insert pays for one more index entry. An R*Tree kept by a trigger answered
-- canvasses no faster and cut import throughput by over 90 % under SQLCipher (every trigger-fired statement
-- journals and encrypts each page it touches); see docs/canvass.md and bench/canvass. CAST truncates towards zero,
-- exactly as CanvassRepository computes the cells it asks for; it must stay byte-for-byte that expression.
CREATE INDEX reads_cell_time ON reads(((CAST(lat * 100 AS INTEGER) + 9000) * 40000 + CAST(lon * 100 AS INTEGER) + 18000),
                                      time_utc);

-- Canvass areas saved under a case: plates read at several scenes of one case are flagged.
CREATE TABLE canvass_scenes (
    id          INTEGER PRIMARY KEY,
    case_number TEXT NOT NULL,
    label       TEXT NOT NULL,
    area        TEXT NOT NULL,    -- {"type":"circle","lat","lon","radius_m"} or {"type":"polygon","points":[[lat,lon]..]}
    from_utc    INTEGER NOT NULL, -- epoch seconds, inclusive
    to_utc      INTEGER NOT NULL, -- epoch seconds, inclusive
    created_by  TEXT NOT NULL,
    created_utc TEXT NOT NULL,
    UNIQUE (case_number, label)
);
