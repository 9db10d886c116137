-- Canvass: a spatial-temporal index over reads and the scenes saved under a case.

-- One 3-D box per positioned read (longitude, latitude, time in epoch seconds); id = reads.id. The R*Tree keeps
-- 32-bit floats rounded outwards, so it is a coarse filter: queries re-check the exact values on reads.
CREATE VIRTUAL TABLE reads_geo USING rtree(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t);

INSERT INTO reads_geo(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
    SELECT id, lon, lon, lat, lat, time_utc, time_utc FROM reads WHERE lat IS NOT NULL AND lon IS NOT NULL;

-- Triggers keep the index whoever writes reads (imports, demo data, retention purges); bench/canvass measures
-- what the insert trigger costs.
CREATE TRIGGER reads_geo_insert AFTER INSERT ON reads WHEN new.lat IS NOT NULL AND new.lon IS NOT NULL
BEGIN
    INSERT INTO reads_geo(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
        VALUES (new.id, new.lon, new.lon, new.lat, new.lat, new.time_utc, new.time_utc);
END;
CREATE TRIGGER reads_geo_delete AFTER DELETE ON reads
BEGIN
    DELETE FROM reads_geo WHERE id = old.id;
END;
CREATE TRIGGER reads_geo_update AFTER UPDATE OF lat, lon, time_utc ON reads
BEGIN
    DELETE FROM reads_geo WHERE id = old.id;
    INSERT INTO reads_geo(id, min_lon, max_lon, min_lat, max_lat, min_t, max_t)
        SELECT new.id, new.lon, new.lon, new.lat, new.lat, new.time_utc, new.time_utc
        WHERE new.lat IS NOT NULL AND new.lon IS NOT NULL;
END;

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
