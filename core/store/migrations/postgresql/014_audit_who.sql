-- Schema 14 (server only): the audit record names the account that is connected.
--
-- Until now the server chained and numbered records but took the user's name from the client, so a user with SQL
-- access over their own login role could append a record in someone else's name. Now a workstation account's
-- role (<database, 30 characters>.<account>, StoreProfile::loginRole) may append only records that name its own
-- account, except the refusals that a login finds waiting in the key slot file and records for the accounts they
-- concern (failed logins, locks, refused logins: Session::login). The store's owner (migrations, upgrades, the
-- copy of an embedded store) is not a workstation account and may name whom it records.
CREATE OR REPLACE FUNCTION alpr_audit_append(time_utc TEXT, who TEXT, workstation TEXT, action TEXT, object TEXT,
                                             parameters TEXT, purpose TEXT, case_number TEXT, outcome TEXT,
                                             OUT seq BIGINT, OUT hash TEXT)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    previous TEXT := '';
    prefix TEXT := left(current_database(), 30) || '.';
BEGIN
    IF starts_with(session_user::text, prefix) AND substr(session_user::text, length(prefix) + 1) <> who
       AND action NOT IN ('login.failed', 'login.locked', 'login.refused', 'account.lock') THEN
        RAISE EXCEPTION 'an account may append audit records in its own name only'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
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
