-- Schema 15 (server only): the key slots live on the server too.
--
-- Each account's slot (the store key wrapped under a key derived from its password, KeyWrap) used to live only in
-- each workstation's keyslots.json, so an account added on one workstation had to have the file copied to the
-- others. The server now keeps every slot; a workstation that has none for a user connects with the user's password
-- (the server checks it against the role's SCRAM verifier), reads the slot and keeps a copy. The slot is useless
-- without the password, and row-level security lets a login role read its own row only. Slots are written through
-- alpr_set_key_slot(): by the account itself (a password change) or a user administrator (new accounts, a reset).
CREATE TABLE key_slots (
    name TEXT PRIMARY KEY,                 -- the account
    slot TEXT NOT NULL                     -- KeyWrap::toText: kdf, salt, iterations, nonce, wrapped key, tag
);
ALTER TABLE key_slots ENABLE ROW LEVEL SECURITY;
CREATE POLICY key_slots_own ON key_slots FOR SELECT
    USING (session_user::text = left(current_database(), 30) || '.' || name);

CREATE FUNCTION alpr_set_key_slot(account TEXT, wrapped TEXT) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
    prefix TEXT := left(current_database(), 30) || '.';
BEGIN
    IF starts_with(session_user::text, prefix) AND substr(session_user::text, length(prefix) + 1) <> account
       AND NOT (SELECT rolcreaterole FROM pg_roles WHERE rolname = session_user) THEN
        RAISE EXCEPTION 'only the account itself or a user administrator sets its key slot'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF wrapped IS NULL THEN
        DELETE FROM key_slots WHERE name = account;
    ELSE
        INSERT INTO key_slots(name, slot) VALUES (account, wrapped)
            ON CONFLICT (name) DO UPDATE SET slot = excluded.slot;
    END IF;
END
$$;
REVOKE ALL ON FUNCTION alpr_set_key_slot(TEXT, TEXT) FROM PUBLIC;

DO $$
BEGIN
    EXECUTE format('GRANT SELECT ON key_slots TO %I', alpr_group('staff'));
    EXECUTE format('GRANT EXECUTE ON FUNCTION alpr_set_key_slot(TEXT, TEXT) TO %I', alpr_group('staff'));
END
$$;
