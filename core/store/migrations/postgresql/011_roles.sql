-- Who may read what, enforced by the server: every workstation user logs in with a role of their own (made by
-- PostgresAccounts when the account is made), a member of the groups below. Hand-written SQL over a user's own
-- connection gets no more than the workstation shows them (docs/security.md, "The department server").
--   <db>_staff  every user: the store's bookkeeping (accounts, cases, requests, units ...), the audit to read,
--               not ALPR data;
--               of reads only when and by which unit (id, time_utc, unit_id): what the audit program and the fleet
--               monitor count, never a plate, a place or an image
--   <db>_data   users who may reach ALPR data (every role but Auditor): reads, images, the search index, hot-list
--               entries and alerts without their CLETS-derived fields
--   <db>_clets  CLETS-authorized users: those fields too
-- Group names carry the database's name: roles are cluster-wide, and one server may hold several stores.
-- The tables stay owned by the role that ran the migrations (the store's owner, never a workstation user).

CREATE FUNCTION alpr_group(kind TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT left(current_database(), 50) || '_' || kind
$$;

DO $$
DECLARE
    kind TEXT;
BEGIN
    FOREACH kind IN ARRAY ARRAY['staff', 'data', 'clets'] LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = alpr_group(kind)) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN', alpr_group(kind));
        END IF;
    END LOOP;
    -- Only the store's users connect; no one else on the server sees it.
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), alpr_group('staff'));
    EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', alpr_group('staff'));
END
$$;

CREATE TABLE alpr_data_tables (name TEXT PRIMARY KEY);
INSERT INTO alpr_data_tables VALUES
    ('reads'), ('read_alternatives'), ('images'), ('search_canon'), ('search_grams'), ('search_reads'),
    ('search_state'), ('watch_hits'), ('alerts'), ('hotlist_entries'), ('transfer_reads'), ('search_reads_covering'),
    ('search_grams_plates');

-- Grants for every table and view there is now; a later migration that adds one calls this again.
CREATE FUNCTION alpr_grant_access() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    t RECORD;
    open_columns TEXT;
BEGIN
    FOR t IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p') AND c.relname <> 'alpr_data_tables' LOOP
        IF t.relname IN (SELECT name FROM alpr_data_tables) THEN
            EXECUTE format('REVOKE ALL ON %I FROM %I', t.relname, alpr_group('staff'));
            IF t.relname IN ('alerts', 'hotlist_entries') THEN
                -- Everything but the CLETS-derived columns for ALPR users; all of it for CLETS-authorized ones.
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
        ELSIF t.relname = 'audit' THEN
            -- Read, never changed (the triggers of 001 refuse it too, for the owner as well); appended only through
            -- alpr_audit_append() (012), which the server runs.
            EXECUTE format('GRANT SELECT ON audit TO %I', alpr_group('staff'));
        ELSE
            EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO %I', t.relname, alpr_group('staff'));
        END IF;
    END LOOP;
    EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO %I', alpr_group('staff'));
END
$$;

-- Matching a read against the hot lists copies the hit entry into the alert, CLETS-derived fields included, whoever
-- imported the read: the copy runs as the store's owner and returns nothing, so the fields stay unreadable to a
-- caller without CLETS authorization. The hits of one matching pass share created_utc.
CREATE FUNCTION alpr_fill_alert_clets(batch_utc BIGINT) RETURNS void LANGUAGE sql SECURITY DEFINER
    SET search_path = public, pg_temp AS $$
    UPDATE alerts a SET nic = e.nic, ori = e.ori, incident_date = e.incident_date, vehicle = e.vehicle,
                        record_text = e.record_text
    FROM hotlist_entries e
    WHERE a.source = 'hotlist' AND a.created_utc = batch_utc AND e.hotlist_id = a.source_id
      AND e.plate = a.entry_plate AND e.state = a.entry_state
      AND a.nic = '' AND a.ori = '' AND a.incident_date = '' AND a.vehicle = '' AND a.record_text = ''
$$;
REVOKE ALL ON FUNCTION alpr_fill_alert_clets(BIGINT) FROM PUBLIC;

SELECT alpr_grant_access();

DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION alpr_fill_alert_clets(BIGINT) TO %I', alpr_group('data'));
END
$$;
