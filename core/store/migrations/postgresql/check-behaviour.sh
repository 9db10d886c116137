#!/usr/bin/env bash
# Runs the same statements on a SQLite store and a PostgreSQL database migrated to the latest version and checks
# that both engines give the expected outcome: every trigger (the audit trail refuses UPDATE and DELETE with its
# message), every CHECK constraint once, the UNIQUE and foreign-key constraints and their ON DELETE actions, the
# views, the seed settings, the canvass cell expression (SQLite's CAST against PostgreSQL's trunc()::bigint, and
# that the query uses reads_cell_time), and then the data that 006 carries forward (search index rebuild).
# Lines marked "SQLite only" / "PostgreSQL only" show where the engines differ on purpose (see README.md).
#
#   check-behaviour.sh CONNINFO    (as for check-schema.sh; a scratch database is created and dropped)
set -euo pipefail

conn="${1:-}"
[ -n "$conn" ] || { echo "usage: $0 CONNINFO" >&2; exit 2; }
pg_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sqlite_dir="$(dirname "$pg_dir")"
SQLITE="${SQLITE:-sqlcipher}"
command -v "$SQLITE" >/dev/null || { echo "check-behaviour: $SQLITE not found" >&2; exit 2; }
export LC_ALL=C

tmp="$(mktemp -d)"
scratch="alpr_behaviour_check_$$_$RANDOM"
created=0
cleanup() {
    if [ "$created" = 1 ]; then
        psql -X -q "$conn" -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null ||
            echo "check-behaviour: could not drop $scratch" >&2
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

pg() { { printf '\\connect %s\n' "$scratch"; cat; } | psql -X -q -At -F '|' -v ON_ERROR_STOP=1 "$conn" -f - ; }
new_pg() {
    psql -X -q -v ON_ERROR_STOP=1 "$conn" -c "SET client_min_messages = warning" \
        -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" \
        -c "CREATE DATABASE $scratch TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >/dev/null
    created=1
}
migrate() {   # migrate SQLITE_DB FIRST LAST: applies versions FIRST..LAST to both engines
    local name version
    for name in $(cd "$sqlite_dir" && ls [0-9][0-9][0-9]_*.sql); do
        version=$((10#${name%%_*}))
        [ "$version" -ge "$2" ] && [ "$version" -le "$3" ] || continue
        { echo 'BEGIN;'; cat "$sqlite_dir/$name"; echo 'COMMIT;'; } | "$SQLITE" -bail "$1" >/dev/null
        { echo 'BEGIN;'; cat "$pg_dir/$name"; echo 'COMMIT;'; } | pg >/dev/null
    done
}

passed=0
failed=0
# One engine, one statement: prints "ok OUTPUT" or "error MESSAGE" on one line.
run_sqlite() {
    local out
    if out=$("$SQLITE" -bail -nullvalue NULL -separator '|' "$db" "PRAGMA foreign_keys = ON; $1;" 2>"$tmp/err"); then
        echo "ok ${out//$'\n'/ }"
    else
        echo "error $(tr '\n' ' ' <"$tmp/err")"
    fi
}
run_pg() {
    local out
    if out=$(printf '\\pset null NULL\n%s;\n' "$1" | pg 2>"$tmp/err"); then
        echo "ok ${out//$'\n'/ }"
    else
        echo "error $(grep -m1 'ERROR:' "$tmp/err" | sed 's/.*ERROR: *//')"
    fi
}
# expect: ok | fail | fail: TEXT | = VALUE | ~ TEXT
judge() {
    local engine="$1" expect="$2" sql="$3" result="$4" good=0
    case "$expect" in
        ok) [[ "$result" == ok* ]] && good=1 ;;
        fail) [[ "$result" == error* ]] && good=1 ;;
        fail:*) [[ "$result" == error* && "$result" == *"$(echo "${expect#fail:}" | sed 's/^ *//')"* ]] && good=1 ;;
        =*) [[ "$result" == "ok $(echo "${expect#=}" | sed 's/^ *//')" ]] && good=1 ;;
        "~"*) [[ "$result" == ok* && "$result" == *"$(echo "${expect#\~}" | sed 's/^ *//')"* ]] && good=1 ;;
    esac
    if [ "$good" = 1 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED on $engine: expected [$expect] for: $sql"
        echo "    got: $result"
    fi
}
# Each case: EXPECT | SQL [| PostgreSQL's SQL when it differs]; "-" skips that engine.
run_cases() {
    local line expect sql pgsql r
    while IFS= read -r line; do
        [ -n "$line" ] && [[ "$line" != \#* ]] || continue
        expect="${line%% | *}"; line="${line#* | }"
        if [[ "$line" == *" | "* ]]; then sql="${line%% | *}"; pgsql="${line#* | }"; else sql="$line"; pgsql="$line"; fi
        if [ "$sql" != "-" ]; then r=$(run_sqlite "$sql"); judge SQLite "$expect" "$sql" "$r"; fi
        if [ "$pgsql" != "-" ]; then r=$(run_pg "$pgsql"); judge PostgreSQL "$expect" "$pgsql" "$r"; fi
    done
}

# ---------------------------------------------------------------- latest schema: constraints, triggers, views
db="$tmp/latest.db"
new_pg
migrate "$db" 1 999
run_cases <<'CASES'
# fixtures
ok | INSERT INTO units(id, created_utc) VALUES ('U1', 't')
ok | INSERT INTO images(id, mime, data) VALUES (1, 'image/jpeg', X'FFD8') | INSERT INTO images(id, mime, data) VALUES (1, 'image/jpeg', '\xffd8'::bytea)
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, crop_image_id, imported_utc) VALUES (1, 'ABC123', 0.9, 1000, 38.5816, -121.4944, 'U1', 1, 1000)
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, imported_utc) VALUES (2, 'XYZ789', 0.8, 2000, -33.8688, 151.2093, 'U1', 2000)
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, imported_utc) VALUES (3, 'ZZZ1', 0.7, 3000, -0.005, -0.999, 'U1', 3000)
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, imported_utc) VALUES (4, 'NOGPS', 0.7, 4000, NULL, NULL, 'U1', 4000)
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, imported_utc) VALUES (5, 'EDGE', 0.7, 5000, 89.999, 179.999, 'U1', 5000)
# identity columns: explicit ids do not move PostgreSQL's sequence (SQLite takes max(rowid) + 1)
ok | INSERT INTO reads(plate, confidence, time_utc, unit_id, imported_utc) VALUES ('AUTO', 0.5, 1, 'U1', 1) | -
fail: duplicate key | - | INSERT INTO reads(plate, confidence, time_utc, unit_id, imported_utc) VALUES ('AUTO', 0.5, 1, 'U1', 1)
ok | - | SELECT setval(pg_get_serial_sequence('reads', 'id'), (SELECT max(id) FROM reads))
= t | - | INSERT INTO reads(plate, confidence, time_utc, unit_id, imported_utc) VALUES ('AUTO', 0.5, 1, 'U1', 1); SELECT id = lastval() FROM reads WHERE plate = 'AUTO'
ok | DELETE FROM reads WHERE plate = 'AUTO'
# foreign keys
fail | INSERT INTO reads(id, plate, confidence, time_utc, unit_id, imported_utc) VALUES (9, 'A', 0.5, 1, 'NOPE', 1)
fail | INSERT INTO reads(id, plate, confidence, time_utc, unit_id, crop_image_id, imported_utc) VALUES (9, 'A', 0.5, 1, 'U1', 42, 1)
fail | INSERT INTO reads(id, plate, confidence, time_utc, unit_id, context_image_id, imported_utc) VALUES (9, 'A', 0.5, 1, 'U1', 42, 1)
fail | DELETE FROM images WHERE id = 1
fail | DELETE FROM units WHERE id = 'U1'
fail | INSERT INTO imports(content_hash, file_name, unit_id, reads, imported_by, imported_utc) VALUES ('h', 'f', 'NOPE', 0, 'u', 't')
ok | INSERT INTO imports(content_hash, file_name, unit_id, reads, imported_by, imported_utc) VALUES ('h', 'f', 'U1', 0, 'u', 't')
fail | INSERT INTO imports(content_hash, file_name, unit_id, reads, imported_by, imported_utc) VALUES ('h', 'g', 'U1', 0, 'u', 't')
# the audit trail (001 triggers)
ok | INSERT INTO audit(seq, time_utc, "user", workstation, action, object, parameters, purpose, case_number, outcome, hash) VALUES (1, 't', 'alice', 'ws', 'login', '', '', '', '', 'ok', 'h1')
= alice | SELECT "user" FROM audit WHERE "user" = 'alice'
fail: the audit trail is append-only | UPDATE audit SET outcome = 'x' WHERE seq = 1
fail: the audit trail is append-only | UPDATE audit SET "user" = 'mallory'
fail: the audit trail is append-only | DELETE FROM audit WHERE seq = 1
fail: the audit trail is append-only | DELETE FROM audit
fail: the audit trail is append-only | - | TRUNCATE audit
= 1|alice|ok | SELECT seq, "user", outcome FROM audit
fail | INSERT INTO audit(seq, time_utc, "user", workstation, action, object, parameters, purpose, case_number, outcome, hash) VALUES (1, 't', 'bob', 'ws', 'login', '', '', '', '', 'ok', 'h2')
# 001 checks and keys
fail | INSERT INTO accounts(name, role, created_utc) VALUES ('bob', 'janitor', 't')
ok | INSERT INTO accounts(name, role, created_utc) VALUES ('bob', 'investigator', 't')
= |0|0 | SELECT full_name, clets, disabled FROM accounts WHERE name = 'bob'
fail | INSERT INTO accounts(name, role, created_utc) VALUES ('bob', 'auditor', 't')
fail | INSERT INTO units(id, kind, created_utc) VALUES ('U2', 'drone', 't')
ok | INSERT INTO units(id, kind, created_utc) VALUES ('U2', 'fixed', 't')
= vehicle|in-service|| | SELECT kind, status, assignment, camera_serials FROM units WHERE id = 'U1'
ok | INSERT INTO read_alternatives(read_id, rank, plate, confidence) VALUES (1, 1, 'ABC128', 0.5)
fail | INSERT INTO read_alternatives(read_id, rank, plate, confidence) VALUES (1, 1, 'ABC12B', 0.4)
fail | INSERT INTO read_alternatives(read_id, rank, plate, confidence) VALUES (77, 1, 'ABC12B', 0.4)
# 003
= indexed_read_id|0 | SELECT key, value FROM search_state
fail | INSERT INTO search_canon(id, canon) VALUES (1, NULL)
ok | INSERT INTO search_canon(id, canon) VALUES (1, 'A8C123')
fail | INSERT INTO search_canon(id, canon) VALUES (2, 'A8C123')
fail | INSERT INTO watch_entries(id, pattern, tolerance, case_number, crime_type, created_utc, created_by, expires_utc) VALUES (1, 'AB*', 3, 'C1', 'x', 1, 'u', 2)
fail | INSERT INTO watch_entries(id, pattern, tolerance, case_number, crime_type, created_utc, created_by, expires_utc) VALUES (1, 'AB*', -1, 'C1', 'x', 1, 'u', 2)
ok | INSERT INTO watch_entries(id, pattern, tolerance, case_number, crime_type, created_utc, created_by, expires_utc) VALUES (1, 'AB*', 2, 'C1', 'x', 1, 'u', 2)
fail | INSERT INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, explanation, found_utc) VALUES (1, 1, 'old', 'ABC123', 0, 10, 'e', 5)
ok | INSERT INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, explanation, found_utc) VALUES (1, 1, 'retro', 'ABC123', 0, 10, 'e', 5)
fail | INSERT INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, explanation, found_utc) VALUES (1, 1, 'new', 'ABC123', 0, 10, 'e', 5)
fail | INSERT INTO watch_hits(watch_id, read_id, kind, matched_plate, alt_rank, score, explanation, found_utc) VALUES (99, 2, 'new', 'ABC123', 0, 10, 'e', 5)
# 004: the cell expression truncates towards zero in both engines, NULL without a position, and the index serves it
= -3386|-3387 | - | SELECT trunc(-33.8688::float8 * 100)::bigint, (-33.8688::float8 * 100)::bigint
= -3386 | SELECT CAST(-33.8688 * 100 AS INTEGER) | -
= 514325851,224593120,360017901,719995999 | SELECT group_concat(((CAST(lat * 100 AS INTEGER) + 9000) * 40000 + CAST(lon * 100 AS INTEGER) + 18000)) FROM (SELECT lat, lon FROM reads ORDER BY id) | SELECT string_agg((((trunc(lat * 100)::bigint + 9000) * 40000 + trunc(lon * 100)::bigint + 18000))::text, ',' ORDER BY id) FROM reads
~ reads_cell_time | EXPLAIN QUERY PLAN SELECT id FROM reads WHERE ((CAST(lat * 100 AS INTEGER) + 9000) * 40000 + CAST(lon * 100 AS INTEGER) + 18000) = 514325851 AND time_utc BETWEEN 0 AND 5000 | SET enable_seqscan = off; EXPLAIN SELECT id FROM reads WHERE ((trunc(lat * 100)::bigint + 9000) * 40000 + trunc(lon * 100)::bigint + 18000) = 514325851 AND time_utc BETWEEN 0 AND 5000
= 1 | SELECT id FROM reads WHERE ((CAST(lat * 100 AS INTEGER) + 9000) * 40000 + CAST(lon * 100 AS INTEGER) + 18000) = 514325851 AND time_utc BETWEEN 0 AND 5000 | SELECT id FROM reads WHERE ((trunc(lat * 100)::bigint + 9000) * 40000 + trunc(lon * 100)::bigint + 18000) = 514325851 AND time_utc BETWEEN 0 AND 5000
ok | INSERT INTO canvass_scenes(case_number, label, area, from_utc, to_utc, created_by, created_utc) VALUES ('C1', 'scene 1', '{}', 0, 10, 'u', 't')
fail | INSERT INTO canvass_scenes(case_number, label, area, from_utc, to_utc, created_by, created_utc) VALUES ('C1', 'scene 1', '{}', 0, 10, 'u', 't')
# 005
fail | INSERT INTO cases(id, number, title, status, created_utc, created_by) VALUES (1, 'C1', 'T', 'pending', 't', 'u')
ok | INSERT INTO cases(id, number, title, created_utc, created_by) VALUES (1, 'C1', 'T', 't', 'u')
= open | SELECT status FROM cases WHERE id = 1
fail | INSERT INTO cases(id, number, title, created_utc, created_by) VALUES (2, 'C1', 'T', 't', 'u')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'Read', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'a_b', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'r1', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'é', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, '', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'abcdefghijklmnopqrstuvwxyzabcdefg', 1, 'u', 't')
ok | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'abcdefghijklmnopqrstuvwxyzabcdef', 1, 'u', 't')
ok | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'look-alike', 1, 'u', 't')
ok | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'read', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (1, 'read', 1, 'u', 't')
fail | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (7, 'read', 1, 'u', 't')
= 1|1 | SELECT case_id, read_id FROM case_item_reads
fail | INSERT INTO holds(kind, case_id, placed_by, placed_utc) VALUES ('other', 1, 'u', 't')
fail | INSERT INTO holds(kind, placed_by, placed_utc) VALUES ('evidence', 'u', 't')
fail | INSERT INTO holds(kind, requester, reference, placed_by, placed_utc) VALUES ('legal', '', 'R1', 'u', 't')
fail | INSERT INTO holds(kind, requester, reference, placed_by, placed_utc) VALUES ('legal', 'DA', '', 'u', 't')
fail | INSERT INTO holds(kind, case_id, placed_by, placed_utc) VALUES ('evidence', 9, 'u', 't')
ok | INSERT INTO holds(id, kind, case_id, placed_by, placed_utc) VALUES (1, 'evidence', 1, 'u', 't')
ok | INSERT INTO holds(id, kind, requester, reference, placed_by, placed_utc) VALUES (2, 'legal', 'DA', 'R1', 'u', 't')
ok | INSERT INTO hold_reads(hold_id, read_id) VALUES (2, 1)
fail | INSERT INTO hold_reads(hold_id, read_id) VALUES (2, 1)
fail | INSERT INTO hold_reads(hold_id, read_id) VALUES (99, 1)
fail | DELETE FROM holds WHERE id = 2
= case-reads|365,images|365,reads|365 | SELECT group_concat(data_class || '|' || days) FROM (SELECT data_class, days FROM retention_policy ORDER BY data_class) | SELECT string_agg(data_class || '|' || days, ',' ORDER BY data_class) FROM retention_policy
fail | INSERT INTO retention_policy(data_class, days, updated_by, updated_utc) VALUES ('video', 400, 'u', 't')
fail | UPDATE retention_policy SET days = 364 WHERE data_class = 'reads'
fail | UPDATE retention_policy SET days = 500, max_days = 400 WHERE data_class = 'reads'
ok | UPDATE retention_policy SET days = 400, max_days = 800 WHERE data_class = 'reads'
fail | INSERT INTO purge_runs(started_by, started_utc, reads_cutoff, case_reads_cutoff, images_cutoff, status) VALUES ('u', 't', 1, 1, 1, 'paused')
ok | INSERT INTO purge_runs(started_by, started_utc, reads_cutoff, case_reads_cutoff, images_cutoff, status) VALUES ('u', 't', 1, 1, 1, 'running')
fail | INSERT INTO evidence_exports(case_id, package_name, target, purpose, read_count, file_count, manifest_sha256, exported_by, exported_utc) VALUES (9, 'p', 't', 'p', 1, 1, 'h', 'u', 't')
ok | INSERT INTO evidence_exports(case_id, package_name, target, purpose, read_count, file_count, manifest_sha256, exported_by, exported_utc) VALUES (1, 'p', 't', 'p', 1, 1, 'h', 'u', 't')
# 007
fail | INSERT INTO hotlists(id, name, source, category, priority, created_utc, refreshed_utc) VALUES (1, 'L', 'fbi', 'stolen', 1, 1, 1)
fail | INSERT INTO hotlists(id, name, source, category, priority, created_utc, refreshed_utc) VALUES (1, 'L', 'ncic', 'stolen', 0, 1, 1)
fail | INSERT INTO hotlists(id, name, source, category, priority, created_utc, refreshed_utc) VALUES (1, 'L', 'ncic', 'stolen', 4, 1, 1)
ok | INSERT INTO hotlists(id, name, source, category, priority, created_utc, refreshed_utc) VALUES (1, 'L', 'ncic', 'stolen', 3, 1, 1)
fail | INSERT INTO hotlists(id, name, source, category, priority, created_utc, refreshed_utc) VALUES (2, 'L', 'csv', 'stolen', 3, 1, 1)
ok | INSERT INTO hotlist_versions(hotlist_id, version, imported_utc, imported_by, file_name, sha256, lines, entries, rejected, dropped, retro_alerts) VALUES (1, 1, 1, 'u', 'f', 'h', 1, 1, 0, 0, 0)
fail | INSERT INTO hotlist_versions(hotlist_id, version, imported_utc, imported_by, file_name, sha256, lines, entries, rejected, dropped, retro_alerts) VALUES (1, 1, 1, 'u', 'f', 'h', 1, 1, 0, 0, 0)
fail | INSERT INTO hotlist_versions(hotlist_id, version, imported_utc, imported_by, file_name, sha256, lines, entries, rejected, dropped, retro_alerts) VALUES (5, 1, 1, 'u', 'f', 'h', 1, 1, 0, 0, 0)
fail | INSERT INTO hotlist_entries(hotlist_id, plate, canon, category, priority, created_utc, created_by) VALUES (1, 'ABC123', 'A8C123', 'stolen', 5, 1, 'u')
ok | INSERT INTO hotlist_entries(hotlist_id, plate, canon, category, priority, created_utc, created_by) VALUES (1, 'ABC123', 'A8C123', 'stolen', 1, 1, 'u')
fail | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority) VALUES (1, 1, 'ABC123', 0, 'fuzzy', 'e', 0, 'hotlist', 1, 'L', 'ABC123', 'stolen', 1)
fail | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority) VALUES (1, 1, 'ABC123', 0, 'exact', 'e', 0, 'other', 1, 'L', 'ABC123', 'stolen', 1)
fail | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority, state) VALUES (1, 1, 'ABC123', 0, 'exact', 'e', 0, 'hotlist', 1, 'L', 'ABC123', 'stolen', 1, 'open')
ok | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority) VALUES (1, 1, 'ABC123', 0, 'exact', 'e', 0, 'hotlist', 1, 'L', 'ABC123', 'stolen', 1)
ok | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority) VALUES (1, 2, 'XYZ789', 0, 'partial', 'e', 1, 'watch', 1, 'W', 'XYZ*', 'x', 2)
fail | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority) VALUES (2, 1, 'ABC123', 0, 'exact', 'e', 0, 'hotlist', 1, 'L', 'ABC123', 'stolen', 1)
fail | INSERT INTO alerts(created_utc, read_id, matched_plate, alt_rank, match_kind, explanation, retro, source, source_id, list_name, entry_plate, category, priority) VALUES (2, 99, 'ABC123', 0, 'exact', 'e', 0, 'hotlist', 1, 'L', 'ABC123', 'stolen', 1)
= new | SELECT state FROM alerts WHERE read_id = 1
= 1,2 | SELECT group_concat(read_id) FROM (SELECT read_id FROM hit_reads ORDER BY read_id) | SELECT string_agg(read_id::text, ',' ORDER BY read_id) FROM hit_reads
= 0|24|30 | SELECT (SELECT value FROM settings WHERE key = 'hotlist.generation'), (SELECT value FROM settings WHERE key = 'hotlist.stale_hours'), (SELECT value FROM settings WHERE key = 'hotlist.retro_days')
= 5 | SELECT length(value) - length(replace(value, char(10), '')) + 1 FROM settings WHERE key = 'alert.reject_reasons' | SELECT length(value) - length(replace(value, chr(10), '')) + 1 FROM settings WHERE key = 'alert.reject_reasons'
# 008
fail | UPDATE units SET status = 'broken' WHERE id = 'U2'
ok | UPDATE units SET status = 'retired' WHERE id = 'U2'
fail | INSERT INTO transfers(id, manifest_sha256, unit_id, source, format, status, imported_by, started_utc) VALUES (1, 'm', 'U1', 's', 'f', 'queued', 'u', 1)
ok | INSERT INTO transfers(id, manifest_sha256, unit_id, source, format, status, imported_by, started_utc) VALUES (1, 'm', 'FOREIGN', 's', 'f', 'importing', 'u', 1)
fail | INSERT INTO transfer_files(transfer_id, path, sha256, bytes) VALUES (9, 'a', 'h', 1)
ok | INSERT INTO transfer_files(transfer_id, path, sha256, bytes) VALUES (1, 'a', 'h', 1)
fail | INSERT INTO transfer_files(transfer_id, path, sha256, bytes) VALUES (1, 'a', 'h2', 2)
ok | INSERT INTO transfer_reads(unit_id, camera, time_ms, plate, read_id, transfer_id) VALUES ('U1', 'c', 1, 'XYZ789', 2, 1)
fail | INSERT INTO transfer_reads(unit_id, camera, time_ms, plate, read_id, transfer_id) VALUES ('U1', 'c', 1, 'XYZ789', 3, 1)
fail | INSERT INTO transfer_reads(unit_id, camera, time_ms, plate, read_id, transfer_id) VALUES ('U1', 'c', 2, 'XYZ789', 99, 1)
fail | INSERT INTO undock_requests(unit_id, requested_by, reason, from_utc, to_utc, requested_utc, status) VALUES ('U1', 'u', 'r', 1, 2, 1, 'maybe')
fail | INSERT INTO undock_requests(unit_id, requested_by, reason, from_utc, to_utc, requested_utc, status) VALUES ('NOPE', 'u', 'r', 1, 2, 1, 'pending')
ok | INSERT INTO undock_requests(unit_id, requested_by, reason, from_utc, to_utc, requested_utc, status) VALUES ('U1', 'u', 'r', 1, 2, 1, 'pending')
# 009
fail | INSERT INTO records_requests(requester, kind, received_date, description, due_date, created_by, created_utc, updated_by, updated_utc) VALUES ('', 'press', 'd', 'x', 'd', 'u', 't', 'u', 't')
fail | INSERT INTO records_requests(requester, kind, received_date, description, due_date, created_by, created_utc, updated_by, updated_utc) VALUES ('P', 'foia', 'd', 'x', 'd', 'u', 't', 'u', 't')
fail | INSERT INTO records_requests(requester, kind, received_date, description, due_date, created_by, created_utc, updated_by, updated_utc) VALUES ('P', 'press', 'd', '', 'd', 'u', 't', 'u', 't')
fail | INSERT INTO records_requests(requester, kind, received_date, description, due_date, status, created_by, created_utc, updated_by, updated_utc) VALUES ('P', 'press', 'd', 'x', 'd', 'lost', 'u', 't', 'u', 't')
fail | INSERT INTO records_requests(requester, kind, received_date, description, due_date, status, created_by, created_utc, updated_by, updated_utc) VALUES ('P', 'press', 'd', 'x', 'd', 'denied', 'u', 't', 'u', 't')
fail | INSERT INTO records_requests(requester, kind, received_date, description, due_date, hold_id, created_by, created_utc, updated_by, updated_utc) VALUES ('P', 'press', 'd', 'x', 'd', 99, 'u', 't', 'u', 't')
ok | INSERT INTO records_requests(requester, kind, received_date, description, due_date, status, denial_reason, hold_id, created_by, created_utc, updated_by, updated_utc) VALUES ('P', 'press', 'd', 'x', 'd', 'denied', 'exempt', 2, 'u', 't', 'u', 't')
= received | INSERT INTO records_requests(requester, kind, received_date, description, due_date, created_by, created_utc, updated_by, updated_utc) VALUES ('Q', 'other', 'd', 'x', 'd', 'u', 't', 'u', 't'); SELECT status FROM records_requests WHERE requester = 'Q'
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('', 'o', 'c', 'i', 'l', 'C1', 'w', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', '', 'c', 'i', 'l', 'C1', 'w', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', '', 'i', 'l', 'C1', 'w', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', 'c', '', 'l', 'C1', 'w', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', 'c', 'i', '', 'C1', 'w', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', 'c', 'i', 'l', '', 'w', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', 'c', 'i', 'l', 'C1', '', 'a', 't', 'u')
fail | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', 'c', 'i', 'l', 'C1', 'w', '', 't', 'u')
ok | INSERT INTO agency_releases(agency, officer, officer_contact, identity_verified, legal_basis, case_number, released_what, approved_by, released_utc, recorded_by) VALUES ('A', 'o', 'c', 'i', 'l', 'C1', 'w', 'a', 't', 'u')
ok | INSERT INTO audit_samples(id, from_utc, to_utc, seed, requested, created_by, created_utc) VALUES (1, 'f', 't', 42, 10, 'u', 't')
fail | INSERT INTO audit_sample_items(sample_id, audit_seq, verdict) VALUES (1, 1, 'maybe')
fail | INSERT INTO audit_sample_items(sample_id, audit_seq) VALUES (9, 1)
ok | INSERT INTO audit_sample_items(sample_id, audit_seq) VALUES (1, 1)
ok | UPDATE audit_sample_items SET verdict = 'not-justified' WHERE sample_id = 1
fail | INSERT INTO audit_sample_items(sample_id, audit_seq, verdict) VALUES (1, 1, 'justified')
ok | INSERT INTO audit_signoffs(from_utc, to_utc, anchor_count, anchor_hash, signed_by, signed_utc) VALUES ('f', 't', 1, 'h', 'u', 't')
# 010
fail | INSERT INTO import_queues(id, unit_id, min_still_confidence, created_by, created_utc) VALUES (1, '', 0.5, 'u', 1)
fail | INSERT INTO import_queues(id, unit_id, min_still_confidence, status, created_by, created_utc) VALUES (1, 'U1', 0.5, 'paused', 'u', 1)
ok | INSERT INTO import_queues(id, unit_id, min_still_confidence, created_by, created_utc) VALUES (1, 'U1', 0.5, 'u', 1)
= open | SELECT status FROM import_queues WHERE id = 1
fail | INSERT INTO import_queue_items(queue_id, position, path, size_bytes, status) VALUES (1, 0, 'a', 1, 'waiting')
fail | INSERT INTO import_queue_items(queue_id, position, path, size_bytes) VALUES (9, 0, 'a', 1)
ok | INSERT INTO import_queue_items(queue_id, position, path, size_bytes) VALUES (1, 0, 'a', 1)
fail | INSERT INTO import_queue_items(queue_id, position, path, size_bytes) VALUES (1, 0, 'b', 1)
= 0|a|pending | SELECT position, path, status FROM import_queue_items ORDER BY position
# ON DELETE CASCADE from reads: read_alternatives, watch_hits, hold_reads, alerts, transfer_reads; case_items has no FK
ok | DELETE FROM reads WHERE id IN (1, 2)
= 0|0|0|0|0|3 | SELECT (SELECT count(*) FROM read_alternatives), (SELECT count(*) FROM watch_hits), (SELECT count(*) FROM hold_reads), (SELECT count(*) FROM alerts), (SELECT count(*) FROM transfer_reads), (SELECT count(*) FROM case_items)
fail | DELETE FROM cases WHERE id = 1
ok | INSERT INTO cases(id, number, title, created_utc, created_by) VALUES (2, 'C2', 'T', 't', 'u')
ok | INSERT INTO case_items(case_id, kind, item_id, added_by, added_utc) VALUES (2, 'read', 3, 'u', 't')
ok | DELETE FROM cases WHERE id = 2
= 0 | SELECT count(*) FROM case_items WHERE case_id = 2
# where SQLite is laxer: a NULL in a TEXT PRIMARY KEY of a rowid table
ok | INSERT INTO settings(key, value) VALUES (NULL, 'x') | -
fail: null value | - | INSERT INTO settings(key, value) VALUES (NULL, 'x')
CASES

# ---------------------------------------------------------------- 006 carries the search index forward
db="$tmp/v5.db"
new_pg
migrate "$db" 1 5
run_cases <<'CASES'
ok | INSERT INTO units(id, created_utc) VALUES ('U1', 't')
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, imported_utc) VALUES (1, 'ABC123', 0.5, 100, 38.25, -121.5, 'U1', 1)
ok | INSERT INTO reads(id, plate, confidence, time_utc, lat, lon, unit_id, imported_utc) VALUES (2, 'XYZ789', 0.75, 200, NULL, NULL, 'U1', 1)
ok | INSERT INTO search_canon(id, canon) VALUES (1, 'A8C123'), (2, 'XYZ789'), (3, 'EMPTY')
ok | INSERT INTO search_grams(code, canon_id, canon) VALUES (100, 1, 'A8C123'), (101, 1, 'A8C123'), (200, 2, 'XYZ789'), (300, 3, 'EMPTY')
ok | INSERT INTO search_reads(canon_id, read_id, rank, plate) VALUES (1, 1, 0, 'ABC123'), (1, 1, 1, 'A8C123'), (1, 2, 1, 'ABC12B'), (2, 2, 0, 'XYZ789'), (2, 99, 0, 'XYZ789'), (1, 98, 0, 'ZZZ999')
CASES
migrate "$db" 6 999
run_cases <<'CASES'
= 1|1|0|ABC123|NULL|100|0.5|38.25|-121.5|U1|NULL 1|1|1|A8C123|ABC123|100|0.5|38.25|-121.5|U1|NULL 1|2|1|ABC12B|XYZ789|200|0.75|NULL|NULL|U1|NULL 2|2|0|XYZ789|NULL|200|0.75|NULL|NULL|U1|NULL | SELECT * FROM search_reads ORDER BY canon_id, read_id, rank
= 1|A8C123|A8C123,ABC123,ABC12B 2|XYZ789|XYZ789 3|EMPTY| | SELECT id, canon, plates FROM search_canon ORDER BY id
= 100|1|A8C123,ABC123,ABC12B 101|1|A8C123,ABC123,ABC12B 200|2|XYZ789 300|3| | SELECT * FROM search_grams ORDER BY code
CASES

echo "check-behaviour: $passed passed, $failed failed"
[ "$failed" = 0 ]
