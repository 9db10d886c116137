-- Schema 16 (server only): reads partitioned by month.
--
-- A county's store takes tens of millions of reads a month and the policy keeps them 365 days: the purge then
-- deletes a month of reads every month. Row by row that is a month of entries to remove from every index of reads,
-- then the owner's VACUUM FULL to give the space back (docs/scale.md). With a partition a month, a month no hold,
-- case or hit touches goes by dropping a table (alpr_drop_read_month below), and a query with a time window (a
-- canvass) reads only its months.
--
-- search_reads, the search index's rows, stays one table: a search finds its rows by canonical form, never by time,
-- and partitioned by month every form's look-up would descend every month's key (measured at 10M reads: infix
-- searches 3.5 times slower, docs/scale.md). The purge deletes a dropped month's index rows set-based first.
--
-- PostgreSQL 15 wants the partition key in every unique constraint: the key is (id, time_utc), so reads(id) can no
-- longer be the target of a foreign key. The five foreign keys to it become entries of read_references, kept by
-- triggers: rows about a read go with it (ON DELETE CASCADE, one set-based delete a statement), and the tables
-- whose rows name a read a user chose (hold_reads, watch_hits, alerts) refuse a read that does not exist. The two
-- the import writes in the same transaction as the reads (read_alternatives, transfer_reads) are not checked on
-- insert: a check would probe every month's index for every row. Another capability that refers to reads calls
-- alpr_reference_reads() in its migration instead of declaring a foreign key; core/evidence ReadReferences reads
-- the registry, so the purge treats its rows as it treated foreign keys.
--
-- Partitions are made when the first read of a month arrives (alpr_add_read_months, called by the import before
-- its rows go in), as plain tables attached afterwards: ATTACH takes a lock that lets searches and other imports
-- go on, where CREATE TABLE ... PARTITION OF would stop them until the import commits. No default partition: a
-- read of a month without a partition is an error, never a row somewhere the purge does not look.

-- The registry of columns that refer to reads(id).
CREATE TABLE read_references (
    table_name  TEXT NOT NULL,
    column_name TEXT NOT NULL,
    on_delete   TEXT NOT NULL CHECK (on_delete IN ('CASCADE', 'NO ACTION')),
    checked     BOOLEAN NOT NULL,   -- an insert or update naming a read that does not exist is refused
    PRIMARY KEY (table_name, column_name)
);

-- A BEFORE INSERT OR UPDATE row trigger of a checked reference; TG_ARGV[0] is the column.
CREATE FUNCTION alpr_read_exists() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    read_id BIGINT;
BEGIN
    EXECUTE format('SELECT ($1).%I', TG_ARGV[0]) INTO read_id USING NEW;
    IF read_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM reads WHERE id = read_id) THEN
        RAISE EXCEPTION 'insert or update on table "%" violates a reference to reads: there is no read %',
            TG_TABLE_NAME, read_id USING ERRCODE = 'foreign_key_violation';
    END IF;
    RETURN NEW;
END
$$;

-- Run by a migration, as the store's owner: what a foreign key to reads(id) was.
CREATE FUNCTION alpr_reference_reads(referencing TEXT, referencing_column TEXT, on_delete TEXT, checked BOOLEAN)
    RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO read_references VALUES (referencing, referencing_column, on_delete, checked);
    IF checked THEN
        EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE OF %I ON %I FOR EACH ROW '
                       'EXECUTE FUNCTION alpr_read_exists(%L)',
                       left(referencing || '_' || referencing_column || '_read', 63), referencing_column,
                       referencing, referencing_column);
    END IF;
END
$$;
REVOKE ALL ON FUNCTION alpr_reference_reads(TEXT, TEXT, TEXT, BOOLEAN) FROM PUBLIC;

-- After a delete from reads: the registry's CASCADE references lose their rows, a NO ACTION reference that still
-- names a deleted read fails the statement (as its foreign key did). One statement per reference, not per row.
CREATE FUNCTION alpr_reads_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    r RECORD;
    dangling BOOLEAN;
BEGIN
    FOR r IN SELECT * FROM read_references ORDER BY table_name, column_name LOOP
        IF r.on_delete = 'CASCADE' THEN
            EXECUTE format('DELETE FROM %I WHERE %I IN (SELECT id FROM gone_reads)', r.table_name, r.column_name);
        ELSE
            EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I IN (SELECT id FROM gone_reads))',
                           r.table_name, r.column_name) INTO dangling;
            IF dangling THEN
                RAISE EXCEPTION 'delete on table "reads" violates a reference from table "%"', r.table_name
                    USING ERRCODE = 'foreign_key_violation';
            END IF;
        END IF;
    END LOOP;
    RETURN NULL;
END
$$;

-- The foreign keys to reads go (their names are PostgreSQL's defaults; found, not spelled).
DO $$
DECLARE
    c RECORD;
BEGIN
    FOR c IN SELECT conrelid::regclass::text AS tbl, conname FROM pg_constraint
             WHERE contype = 'f' AND confrelid = 'reads'::regclass LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', c.tbl, c.conname);
    END LOOP;
END
$$;

-- reads: the old table steps aside with its index names, the partitioned one takes its place.
ALTER TABLE reads RENAME TO reads_before_16;
ALTER INDEX reads_pkey RENAME TO reads_before_16_pkey;
ALTER INDEX reads_time RENAME TO reads_before_16_time;
ALTER INDEX reads_unit_time RENAME TO reads_before_16_unit_time;
ALTER INDEX reads_cell_time RENAME TO reads_before_16_cell_time;
ALTER INDEX reads_crop_image RENAME TO reads_before_16_crop_image;
ALTER INDEX reads_context_image RENAME TO reads_before_16_context_image;

-- Partitioned tables have no identity columns in PostgreSQL 15: a sequence owned by the column, which
-- pg_get_serial_sequence('reads', 'id') finds as it found the identity's.
CREATE SEQUENCE reads_id_sequence;
CREATE TABLE reads (
    id               BIGINT NOT NULL DEFAULT nextval('reads_id_sequence'),
    plate            TEXT NOT NULL,
    confidence       DOUBLE PRECISION NOT NULL,
    time_utc         BIGINT NOT NULL,
    lat              DOUBLE PRECISION,
    lon              DOUBLE PRECISION,
    unit_id          TEXT NOT NULL REFERENCES units(id),
    source_file      TEXT,
    source_offset_ms BIGINT,
    frame            BIGINT,
    crop_image_id    BIGINT REFERENCES images(id),
    context_image_id BIGINT REFERENCES images(id),
    imported_utc     BIGINT NOT NULL,
    PRIMARY KEY (id, time_utc)
) PARTITION BY RANGE (time_utc);
ALTER SEQUENCE reads_id_sequence OWNED BY reads.id;
SELECT setval('reads_id_sequence', coalesce((SELECT max(id) FROM reads_before_16), 0) + 1, false);
CREATE INDEX reads_time ON reads(time_utc);
CREATE INDEX reads_unit_time ON reads(unit_id, time_utc);
CREATE INDEX reads_cell_time ON reads(((trunc(lat * 100)::bigint + 9000) * 40000 + trunc(lon * 100)::bigint + 18000),
                                      time_utc);
CREATE INDEX reads_crop_image ON reads(crop_image_id) WHERE crop_image_id IS NOT NULL;
CREATE INDEX reads_context_image ON reads(context_image_id) WHERE context_image_id IS NOT NULL;

CREATE TRIGGER reads_deleted AFTER DELETE ON reads REFERENCING OLD TABLE AS gone_reads
    FOR EACH STATEMENT EXECUTE FUNCTION alpr_reads_deleted();

-- The first second of the month of t, and of the month after it (UTC).
CREATE FUNCTION alpr_month_start(t BIGINT, months_on INT DEFAULT 0) RETURNS BIGINT LANGUAGE sql IMMUTABLE AS $$
    SELECT extract(epoch FROM (date_trunc('month', to_timestamp(t) AT TIME ZONE 'UTC')
                               + make_interval(months => months_on)) AT TIME ZONE 'UTC')::bigint
$$;

CREATE FUNCTION alpr_month_name(t BIGINT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(to_timestamp(t) AT TIME ZONE 'UTC', 'YYYY_MM')
$$;

-- Partitions for the months of the given read times that have none yet; returns how many months it made. Runs as
-- the store's owner (it owns the partitions); every ALPR user's import calls it. Bounded so that a file of absurd
-- times cannot make thousands of tables: times from 1970 to 2100, at most 240 new months a call.
CREATE FUNCTION alpr_add_read_months(times BIGINT[]) RETURNS INT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    m BIGINT;
    part TEXT;
    missing BIGINT[];
    made INT := 0;
BEGIN
    IF EXISTS (SELECT 1 FROM unnest(times) t WHERE t < 0 OR t >= 4102444800) THEN
        RAISE EXCEPTION 'a read time outside 1970 to 2099 cannot be stored' USING ERRCODE = 'data_exception';
    END IF;
    SELECT array_agg(DISTINCT alpr_month_start(t)) INTO missing FROM unnest(times) t
        WHERE to_regclass('reads_' || alpr_month_name(t)) IS NULL;
    IF missing IS NULL THEN
        RETURN 0;
    END IF;
    IF cardinality(missing) > 240 THEN
        RAISE EXCEPTION 'reads of % months that the store does not hold yet arrived at once; at most 240 are taken',
            cardinality(missing) USING ERRCODE = 'data_exception';
    END IF;
    -- Two imports of a new month: the second waits here until the first commits, then finds the month made.
    PERFORM pg_advisory_xact_lock(hashtext(current_database() || '.read_months'));
    FOREACH m IN ARRAY missing LOOP
        CONTINUE WHEN to_regclass('reads_' || alpr_month_name(m)) IS NOT NULL;
        part := 'reads_' || alpr_month_name(m);
        EXECUTE format('CREATE TABLE %I (LIKE reads INCLUDING DEFAULTS, CHECK (time_utc >= %s AND time_utc < %s))',
                       part, m, alpr_month_start(m, 1));
        -- reads' indexes, named after the month (ATTACH takes them as the month's part of reads' own; an index a
        -- later migration adds to reads, ATTACH makes itself).
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I PRIMARY KEY (id, time_utc)', part, part || '_pkey');
        EXECUTE format('CREATE INDEX %I ON %I(time_utc)', part || '_time', part);
        EXECUTE format('CREATE INDEX %I ON %I(unit_id, time_utc)', part || '_unit_time', part);
        EXECUTE format('CREATE INDEX %I ON %I(((trunc(lat * 100)::bigint + 9000) * 40000 + trunc(lon * 100)::bigint '
                       '+ 18000), time_utc)', part || '_cell_time', part);
        EXECUTE format('CREATE INDEX %I ON %I(crop_image_id) WHERE crop_image_id IS NOT NULL', part || '_crop_image',
                       part);
        EXECUTE format('CREATE INDEX %I ON %I(context_image_id) WHERE context_image_id IS NOT NULL',
                       part || '_context_image', part);
        EXECUTE format('ALTER TABLE reads ATTACH PARTITION %I FOR VALUES FROM (%s) TO (%s)', part, m,
                       alpr_month_start(m, 1));
        made := made + 1;
    END LOOP;
    RETURN made;
END
$$;
REVOKE ALL ON FUNCTION alpr_add_read_months(BIGINT[]) FROM PUBLIC;

-- The months the store has partitions for (the purge's plan).
CREATE VIEW read_months AS
    SELECT c.relname::text AS partition, m.month_start, alpr_month_start(m.month_start, 1) AS month_end
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid,
         LATERAL (SELECT extract(epoch FROM to_date(substr(c.relname, 7), 'YYYY_MM')::timestamp AT TIME ZONE 'UTC')
                  ::bigint AS month_start) m
    WHERE i.inhparent = 'reads'::regclass;

-- A whole month of reads goes: the rows of its CASCADE references, then its partition (the caller has removed its
-- search index rows and collected its images in the same transaction; a refusal rolls that back). Only
-- for a month that retention would purge read by read anyway, checked here against the server's clock and the
-- store's policy, so that the owner's right to drop tables lent to the purge cannot take anything else:
--  * the caller may purge (a Commander or an Agency Manager; the owner's own maintenance too);
--  * the month ended before the "reads" cut-off (its policy days before now);
--  * no read of the month is held, on a case, behind a hit or an alert, or named by a NO ACTION reference (such a
--    month is purged read by read, which keeps those).
-- The images of its reads are the caller's to delete after (another table may still show them). Returns the number
-- of reads dropped, or -1 when the month does not qualify (nothing changed).
CREATE FUNCTION alpr_drop_read_month(month_start BIGINT) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    prefix TEXT := left(current_database(), 30) || '.';
    part TEXT := 'reads_' || alpr_month_name(month_start);
    keep_days BIGINT;
    blocked BOOLEAN;
    r RECORD;
    dropped BIGINT;
BEGIN
    IF starts_with(session_user::text, prefix) AND NOT EXISTS (
           SELECT 1 FROM accounts WHERE name = substr(session_user::text, length(prefix) + 1)
           AND role IN ('commander', 'agency-manager') AND disabled = 0) THEN
        RAISE EXCEPTION 'only a Commander or an Agency Manager purges reads' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF month_start <> alpr_month_start(month_start) OR to_regclass(part) IS NULL THEN
        RETURN -1;
    END IF;
    SELECT days INTO keep_days FROM retention_policy WHERE data_class = 'reads';
    IF keep_days IS NULL OR alpr_month_start(month_start, 1) > extract(epoch FROM now())::bigint - keep_days * 86400 THEN
        RETURN -1;
    END IF;
    -- No hold, case item, hit or alert can be added to a read of the month from here on: their checks read the
    -- partition, which this lock closes until the transaction ends.
    EXECUTE format('LOCK TABLE %I IN ACCESS EXCLUSIVE MODE', part);
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM hold_reads WHERE read_id IN (SELECT id FROM %1$I)) '
                   'OR EXISTS (SELECT 1 FROM case_item_reads WHERE read_id IN (SELECT id FROM %1$I)) '
                   'OR EXISTS (SELECT 1 FROM hit_reads WHERE read_id IN (SELECT id FROM %1$I))', part) INTO blocked;
    IF blocked THEN
        RETURN -1;
    END IF;
    FOR r IN SELECT * FROM read_references WHERE on_delete <> 'CASCADE' LOOP
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I WHERE %I IN (SELECT id FROM %I))',
                       r.table_name, r.column_name, part) INTO blocked;
        IF blocked THEN
            RETURN -1;
        END IF;
    END LOOP;
    FOR r IN SELECT * FROM read_references WHERE on_delete = 'CASCADE' LOOP
        EXECUTE format('DELETE FROM %I WHERE %I IN (SELECT id FROM %I)', r.table_name, r.column_name, part);
    END LOOP;
    EXECUTE format('SELECT count(*) FROM %I', part) INTO dropped;
    EXECUTE format('ALTER TABLE reads DETACH PARTITION %I', part);
    EXECUTE format('DROP TABLE %I', part);
    RETURN dropped;
END
$$;
REVOKE ALL ON FUNCTION alpr_drop_read_month(BIGINT) FROM PUBLIC;

-- The rows move into their months.
SELECT alpr_add_read_months(coalesce((SELECT array_agg(DISTINCT alpr_month_start(time_utc)) FROM reads_before_16),
                                     '{}'::BIGINT[]));
INSERT INTO reads SELECT * FROM reads_before_16;
DROP TABLE reads_before_16;
ALTER TABLE reads RENAME CONSTRAINT reads_unit_id_fkey1 TO reads_unit_id_fkey;
ALTER TABLE reads RENAME CONSTRAINT reads_crop_image_id_fkey1 TO reads_crop_image_id_fkey;
ALTER TABLE reads RENAME CONSTRAINT reads_context_image_id_fkey1 TO reads_context_image_id_fkey;

SELECT alpr_reference_reads('read_alternatives', 'read_id', 'CASCADE', false);
SELECT alpr_reference_reads('transfer_reads', 'read_id', 'CASCADE', false);
SELECT alpr_reference_reads('watch_hits', 'read_id', 'CASCADE', true);
SELECT alpr_reference_reads('hold_reads', 'read_id', 'CASCADE', true);
SELECT alpr_reference_reads('alerts', 'read_id', 'CASCADE', true);

-- Grants (011) again, now that partitions exist: a partition is reached through its table only, so it gets no
-- grant of its own (011's function would have opened it to every user as a bookkeeping table); the registry and
-- the month list are read by every user, written by migrations only.
CREATE OR REPLACE FUNCTION alpr_grant_access() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t RECORD;
    open_columns TEXT;
BEGIN
    FOR t IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p') AND NOT c.relispartition
             AND c.relname <> 'alpr_data_tables' LOOP
        IF t.relname IN (SELECT name FROM alpr_data_tables) THEN
            EXECUTE format('REVOKE ALL ON %I FROM %I', t.relname, alpr_group('staff'));
            IF t.relname IN ('alerts', 'hotlist_entries') THEN
                SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO open_columns
                    FROM pg_attribute WHERE attrelid = t.relname::regclass AND attnum > 0 AND NOT attisdropped
                    AND attname NOT IN ('nic', 'ori', 'incident_date', 'vehicle', 'record_text');
                EXECUTE format('REVOKE ALL ON %I FROM %I', t.relname, alpr_group('data'));
                EXECUTE format('GRANT SELECT (%s) ON %I TO %I', open_columns, t.relname, alpr_group('data'));
                EXECUTE format('GRANT INSERT, UPDATE, DELETE ON %I TO %I', t.relname, alpr_group('data'));
                EXECUTE format('GRANT SELECT ON %I TO %I', t.relname, alpr_group('clets'));
            ELSE
                EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t.relname, alpr_group('data'));
            END IF;
            IF t.relname = 'reads' THEN
                EXECUTE format('GRANT SELECT (id, time_utc, unit_id) ON reads TO %I', alpr_group('staff'));
            END IF;
        ELSIF t.relname IN ('audit', 'read_references', 'read_months') THEN
            EXECUTE format('REVOKE ALL ON %I FROM %I', t.relname, alpr_group('staff'));
            EXECUTE format('GRANT SELECT ON %I TO %I', t.relname, alpr_group('staff'));
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t.relname, alpr_group('staff'));
        END IF;
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', alpr_group('staff'));
END
$$;
SELECT alpr_grant_access();

DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION alpr_add_read_months(BIGINT[]) TO %I', alpr_group('data'));
    EXECUTE format('GRANT EXECUTE ON FUNCTION alpr_drop_read_month(BIGINT) TO %I', alpr_group('data'));
END
$$;
