-- The audit chain written by the server: workstation users cannot INSERT into audit (011); they append through
-- alpr_audit_append(), which runs as the store's owner, takes the store's writer lock (the same advisory lock as
-- store::Transaction), reads the chain's head and computes the record's sequence number and hash itself, in the
-- caller's transaction. A client can neither skip a number nor write a hash that does not chain.
-- The canonical form is AuditRecord::canonicalForm()'s: "alpr-audit-v1;" then, for seq, time and the eight text
-- fields, "<UTF-8 byte length>:<text>;"; the hash is hex SHA-256 of the previous hash followed by it.

CREATE FUNCTION alpr_audit_field(value TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT octet_length(value) || ':' || value || ';'
$$;

CREATE FUNCTION alpr_audit_append(time_utc TEXT, who TEXT, workstation TEXT, action TEXT, object TEXT,
                                  parameters TEXT, purpose TEXT, case_number TEXT, outcome TEXT,
                                  OUT seq BIGINT, OUT hash TEXT)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    previous TEXT := '';
BEGIN
    PERFORM pg_advisory_xact_lock(1095520338);
    SELECT a.seq + 1, a.hash INTO seq, previous FROM audit a ORDER BY a.seq DESC LIMIT 1;
    IF NOT FOUND THEN
        seq := 1;
        previous := '';
    END IF;
    hash := encode(sha256(convert_to(previous || 'alpr-audit-v1;' || alpr_audit_field(seq::text) ||
                                     alpr_audit_field(time_utc) || alpr_audit_field(who) ||
                                     alpr_audit_field(workstation) || alpr_audit_field(action) ||
                                     alpr_audit_field(object) || alpr_audit_field(parameters) ||
                                     alpr_audit_field(purpose) || alpr_audit_field(case_number) ||
                                     alpr_audit_field(outcome), 'UTF8')), 'hex');
    INSERT INTO audit(seq, time_utc, "user", workstation, action, object, parameters, purpose, case_number, outcome,
                      hash)
        VALUES (seq, time_utc, who, workstation, action, object, parameters, purpose, case_number, outcome, hash);
END
$$;
REVOKE ALL ON FUNCTION alpr_audit_append(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT) FROM PUBLIC;

DO $$
BEGIN
    EXECUTE format('GRANT EXECUTE ON FUNCTION alpr_audit_append(TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT, TEXT) '
                   'TO %I', alpr_group('staff'));
END
$$;
