#!/usr/bin/env bash
# Proves that the PostgreSQL migrations (this folder) give the same schema as the SQLite ones (the folder above), at
# every version: it applies NNN_*.sql one by one to a scratch SQLite store (sqlcipher without a key, i.e. plain
# SQLite 3.15) and to a scratch PostgreSQL database, each file in its own transaction as Migrations does, and after
# each version compares
#   tables; columns (name, order, type INTEGER=bigint REAL=double precision TEXT=text BLOB=bytea, NOT NULL, default,
#   INTEGER PRIMARY KEY = identity); primary keys; foreign keys with their ON DELETE/ON UPDATE actions; UNIQUE
#   constraints; the number of CHECK constraints of each table; named indexes (columns, an expression as "expr",
#   uniqueness, partial predicate); views and their columns; triggers (table, timing, event, the RAISE message);
#   every row in every table (seed rows).
# CHECK expressions and index expressions are not compared as text (the dialects print them differently); their
# behaviour is what the tests of the README exercise. PostgreSQL-only TRUNCATE triggers are listed, not compared.
#
#   check-schema.sh CONNINFO      e.g. "host=/tmp/pgt port=5432 user=alpr dbname=postgres" or a postgresql:// URI
#
# CONNINFO must reach a database whose user may CREATE DATABASE. The scratch database is dropped at the end. Prints the
# differences; exits 0 when there are none, 1 when there are, 2 on a usage or tool error.
set -euo pipefail

conn="${1:-}"
[ -n "$conn" ] || { echo "usage: $0 CONNINFO" >&2; exit 2; }
pg_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sqlite_dir="$(dirname "$pg_dir")"
SQLITE="${SQLITE:-sqlcipher}"
command -v "$SQLITE" >/dev/null || { echo "check-schema: $SQLITE not found (apt-get install sqlcipher)" >&2; exit 2; }
command -v psql >/dev/null || { echo "check-schema: psql not found (apt-get install postgresql-client-15)" >&2; exit 2; }
export LC_ALL=C

tmp="$(mktemp -d)"
scratch="alpr_schema_check_$$_$RANDOM"
created=0
cleanup() {
    if [ "$created" = 1 ]; then
        psql -X -q -v ON_ERROR_STOP=1 "$conn" -c "DROP DATABASE IF EXISTS $scratch WITH (FORCE)" >/dev/null ||
            echo "check-schema: could not drop the scratch database $scratch" >&2
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT

# psql on the scratch database: \connect keeps host, port and user of CONNINFO.
pg() { { printf '\\connect %s\n' "$scratch"; cat; } | psql -X -q -At -F '|' -v ON_ERROR_STOP=1 "$conn" -f - ; }

psql -X -q -v ON_ERROR_STOP=1 "$conn" \
    -c "CREATE DATABASE $scratch TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'" >/dev/null || exit 2
created=1

differences=0
report() { echo "$@"; differences=1; }

# ---- the files, one for one ----
# The server's own steps (roles and grants, the server-written audit append) have no SQLite counterpart: SQLite has
# no roles. They must come after every shared step; the tables they touch are compared as they are.
server_only="011_roles.sql 012_audit_append.sql 013_trigram_search.sql 014_audit_who.sql 015_key_slots.sql 016_read_months.sql"
sqlite_files=$(cd "$sqlite_dir" && ls [0-9][0-9][0-9]_*.sql)
pg_files=$(cd "$pg_dir" && ls [0-9][0-9][0-9]_*.sql | grep -vxF -f <(tr ' ' '\n' <<<"$server_only"))
echo "PostgreSQL only (roles, grants, server-written audit; SQLite has no roles): $server_only"
if [ "$sqlite_files" != "$pg_files" ]; then
    report "migration files differ (< SQLite, > PostgreSQL):"
    diff <(echo "$sqlite_files") <(echo "$pg_files") | grep '^[<>]' || true
fi

# ---- SQLite's schema as lines ----
dump_sqlite() {
    local db="$1" type name
    "$SQLITE" -bail -nullvalue NULL -separator '|' "$db" \
        "SELECT type, name FROM sqlite_master WHERE type IN ('table','view','index') AND name NOT LIKE 'sqlite_stat%'
         ORDER BY type, name" >"$tmp/objects"
    {
        echo "SELECT '@S|' || type || '|' || name || '|' || tbl_name || '|' ||
                     replace(replace(coalesce(sql, ''), char(13), ' '), char(10), '~NL~')
              FROM sqlite_master WHERE name NOT LIKE 'sqlite_%';"
        while IFS='|' read -r type name; do
            case "$type" in
                table)
                    printf '.print @T|%s\nPRAGMA table_info("%s");\n' "$name" "$name"
                    printf '.print @F|%s\nPRAGMA foreign_key_list("%s");\n' "$name" "$name"
                    printf '.print @L|%s\nPRAGMA index_list("%s");\n' "$name" "$name"
                    printf '.print @R|%s\nSELECT * FROM "%s";\n' "$name" "$name" ;;
                view) printf '.print @V|%s\nPRAGMA table_info("%s");\n' "$name" "$name" ;;
                index) printf '.print @I|%s\nPRAGMA index_info("%s");\n' "$name" "$name" ;;
            esac
        done <"$tmp/objects"
    } >"$tmp/sqlite-dump.sql"
    "$SQLITE" -bail -nullvalue NULL -separator '|' "$db" <"$tmp/sqlite-dump.sql" | awk -F'|' -v q="'" '
        function pgtype(t) {
            t = toupper(t)
            if (t == "INTEGER") return "bigint"
            if (t == "REAL") return "double precision"
            if (t == "TEXT") return "text"
            if (t == "BLOB") return "bytea"
            return tolower(t)
        }
        function nocomments(s,   n, parts, i, out, p) {
            n = split(s, parts, "~NL~"); out = ""
            for (i = 1; i <= n; i++) { p = index(parts[i], "--"); if (p) parts[i] = substr(parts[i], 1, p - 1); out = out " " parts[i] }
            return out
        }
        function normpred(s) { s = tolower(s); gsub(/[()";]/, "", s); gsub(/[ \t]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s }
        function count(s, re,   n) { n = 0; while (match(s, re)) { n++; s = substr(s, RSTART + RLENGTH) } return n }
        /^@S\|/ {
            type = $2; name = $3; tbl = $4
            sql = nocomments(substr($0, length($1 $2 $3 $4) + 5))
            up = toupper(sql)
            if (type == "table") {
                tables[name] = 1
                norowid[name] = (up ~ /\)[ \t]*WITHOUT[ \t]+ROWID[ \t;]*$/)
                checks[name] = count(up, "(^|[^A-Z_])CHECK[ \t]*[(]")
            } else if (type == "index") {
                p = index(up, " WHERE ")
                pred[name] = p ? normpred(substr(sql, p + 7)) : "-"
            } else if (type == "trigger") {
                timing = "BEFORE"; event = "?"; msg = "-"
                if (match(up, /(BEFORE|AFTER|INSTEAD OF)[ \t]+(INSERT|UPDATE|DELETE)/)) {
                    m = substr(up, RSTART, RLENGTH); split(m, w, /[ \t]+/); timing = w[1]; event = w[2]
                    if (timing == "INSTEAD") { timing = "INSTEAD OF"; event = w[3] }
                } else if (match(up, /(INSERT|UPDATE|DELETE)[ \t]+(OF|ON)/)) {
                    m = substr(up, RSTART, RLENGTH); split(m, w, /[ \t]+/); event = w[1]
                }
                if (match(sql, "RAISE[ \t]*[(][ \t]*ABORT[ \t]*,[ \t]*" q "[^" q "]*" q)) {
                    m = substr(sql, RSTART, RLENGTH); msg = substr(m, index(m, q))
                }
                print "trigger " tbl " " name " " timing " " event " row raise " msg
            }
            next
        }
        /^@[TFLRVI]\|/ { sect = substr($1, 2); cur = $2; next }
        sect == "T" {
            n = ++ncols[cur]; cname[cur, n] = $2; ctype[cur, n] = $3; cnotnull[cur, n] = ($4 == 1 || $6 > 0)
            cdflt[cur, n] = ($5 == "NULL" ? "-" : $5); cpk[cur, n] = $6; if ($6 > 0) npk[cur]++
            next
        }
        sect == "F" {
            key = cur SUBSEP $1
            if (!(key in fkparent)) { fkparent[key] = $3; fkfrom[key] = $4; fkto[key] = $5; fkupd[key] = $6; fkdel[key] = $7; fks[cur] = fks[cur] " " $1 }
            else { fkfrom[key] = fkfrom[key] "," $4; fkto[key] = fkto[key] "," $5 }
            next
        }
        sect == "L" { idxtable[$2] = cur; idxunique[$2] = $3; idxorigin[$2] = $4; next }
        sect == "I" { c = ($2 == -2 || $3 == "NULL") ? "expr" : $3; icols[cur] = (icols[cur] == "" ? c : icols[cur] "," c); next }
        sect == "R" { print "row " cur " " $0; next }
        sect == "V" { vcols[cur] = (vcols[cur] == "" ? $2 : vcols[cur] "," $2); next }
        END {
            for (t in tables) {
                print "table " t
                print "check " t " count=" checks[t]
                pk = ""
                for (i = 1; i <= ncols[t]; i++) {
                    ident = (cpk[t, i] == 1 && npk[t] == 1 && toupper(ctype[t, i]) == "INTEGER" && !norowid[t])
                    print "column " t " " i " " cname[t, i] " " pgtype(ctype[t, i]) " notnull=" cnotnull[t, i] \
                          " default=" (ident ? "-" : cdflt[t, i]) " identity=" ident
                }
                for (k = 1; k <= npk[t]; k++)
                    for (i = 1; i <= ncols[t]; i++) if (cpk[t, i] == k) pk = pk (k > 1 ? "," : "") cname[t, i]
                if (npk[t]) print "pk " t " (" pk ")"
                nf = split(fks[t], ids, " ")
                for (j = 1; j <= nf; j++) {
                    key = t SUBSEP ids[j]; to = fkto[key]
                    if (to == "NULL" || to == "") {   # REFERENCES parent without columns: the parent primary key
                        to = ""; p = fkparent[key]
                        for (k = 1; k <= npk[p]; k++) for (i = 1; i <= ncols[p]; i++) if (cpk[p, i] == k) to = to (k > 1 ? "," : "") cname[p, i]
                    }
                    print "fk " t " (" fkfrom[key] ") -> " fkparent[key] "(" to ") on delete " fkdel[key] " on update " fkupd[key]
                }
            }
            for (ix in idxtable) {
                if (idxorigin[ix] == "u") print "unique " idxtable[ix] " (" icols[ix] ")"
                else if (idxorigin[ix] == "c")
                    print "index " idxtable[ix] " " ix " unique=" idxunique[ix] " (" icols[ix] ") where " pred[ix]
            }
            for (v in vcols) print "view " v " (" vcols[v] ")"
        }' | sort
}

# ---- PostgreSQL's schema as the same lines ----
dump_pg() {
    pg <<'SQL' >"$tmp/pg-tables"
SELECT c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r' ORDER BY 1;
SQL
    {
        cat <<'SQL'
\pset null NULL
CREATE FUNCTION pg_temp.cols(rel oid, keys int2[]) RETURNS text LANGUAGE sql AS $$
    SELECT string_agg(CASE WHEN k.n = 0 THEN 'expr' ELSE a.attname::text END, ',' ORDER BY k.ord)
    FROM unnest(keys) WITH ORDINALITY k(n, ord) LEFT JOIN pg_attribute a ON a.attrelid = rel AND a.attnum = k.n $$;
CREATE FUNCTION pg_temp.action(a "char") RETURNS text LANGUAGE sql AS $$
    SELECT CASE a WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL'
                  WHEN 'd' THEN 'SET DEFAULT' END $$;
SELECT 'table ' || c.relname FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r';
SELECT format('column %s %s %s %s notnull=%s default=%s identity=%s', table_name,
              row_number() OVER (PARTITION BY table_name ORDER BY ordinal_position), column_name, data_type,
              (is_nullable = 'NO')::int,
              coalesce(regexp_replace(column_default, '::(text|bigint|integer|double precision|bytea)$', ''), '-'),
              (is_identity = 'YES')::int)
FROM information_schema.columns JOIN information_schema.tables USING (table_catalog, table_schema, table_name)
WHERE table_schema = current_schema() AND table_type = 'BASE TABLE';
SELECT format('pk %s (%s)', c.relname, pg_temp.cols(k.conrelid, k.conkey))
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
WHERE k.contype = 'p' AND c.relnamespace = current_schema()::regnamespace;
SELECT format('unique %s (%s)', c.relname, pg_temp.cols(k.conrelid, k.conkey))
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
WHERE k.contype = 'u' AND c.relnamespace = current_schema()::regnamespace;
SELECT format('fk %s (%s) -> %s(%s) on delete %s on update %s', c.relname, pg_temp.cols(k.conrelid, k.conkey),
              p.relname, pg_temp.cols(k.confrelid, k.confkey), pg_temp.action(k.confdeltype),
              pg_temp.action(k.confupdtype))
FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
WHERE k.contype = 'f' AND c.relnamespace = current_schema()::regnamespace;
SELECT format('check %s count=%s', c.relname, count(k.oid))
FROM pg_class c LEFT JOIN pg_constraint k ON k.conrelid = c.oid AND k.contype = 'c'
WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace GROUP BY c.relname;
SELECT format('index %s %s unique=%s (%s) where %s', t.relname, i.relname, x.indisunique::int,
              pg_temp.cols(x.indrelid, x.indkey::int2[]),
              coalesce(trim(lower(regexp_replace(regexp_replace(pg_get_expr(x.indpred, x.indrelid), '[()";]', '', 'g'),
                                                 '\s+', ' ', 'g'))), '-'))
FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
WHERE t.relnamespace = current_schema()::regnamespace
  AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = x.indrelid AND k.conindid = x.indexrelid
                                                  AND k.contype IN ('p', 'u'));
SELECT format('view %s (%s)', table_name, string_agg(column_name::text, ',' ORDER BY ordinal_position))
FROM information_schema.columns JOIN information_schema.tables USING (table_catalog, table_schema, table_name)
WHERE table_schema = current_schema() AND table_type = 'VIEW' GROUP BY table_name;
SELECT format('trigger %s %s %s %s %s raise %s', c.relname, t.tgname,
              CASE WHEN t.tgtype::int & 2 <> 0 THEN 'BEFORE' WHEN t.tgtype::int & 64 <> 0 THEN 'INSTEAD OF' ELSE 'AFTER' END,
              e.name, CASE WHEN t.tgtype::int & 1 <> 0 THEN 'row' ELSE 'statement' END,
              coalesce('''' || substring(p.prosrc FROM 'RAISE EXCEPTION ''([^'']*)''') || '''', '-'))
FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
     CROSS JOIN (VALUES (4, 'INSERT'), (8, 'DELETE'), (16, 'UPDATE'), (32, 'TRUNCATE')) e(bit, name)
WHERE NOT t.tgisinternal AND t.tgtype::int & e.bit <> 0 AND c.relnamespace = current_schema()::regnamespace;
SQL
        while read -r t; do printf '\\echo @R|%s\nSELECT * FROM "%s";\n' "$t" "$t"; done <"$tmp/pg-tables"
    } | pg | awk -F'|' '/^@R\|/ { cur = $2; next } cur != "" { print "row " cur " " $0; next } { print }' | sort
}

apply_sqlite() { { echo 'BEGIN;'; cat "$2"; echo 'COMMIT;'; } | "$SQLITE" -bail "$1" >/dev/null; }
apply_pg() { { echo 'BEGIN;'; cat "$1"; echo 'COMMIT;'; } | pg >/dev/null; }

db="$tmp/store.db"
for name in $sqlite_files; do
    version="${name%%_*}"
    if ! apply_sqlite "$db" "$sqlite_dir/$name"; then
        echo "check-schema: SQLite migration $name failed" >&2; exit 2
    fi
    if [ ! -f "$pg_dir/$name" ]; then
        report "version $version: no postgresql/$name; stopping"; break
    fi
    if ! apply_pg "$pg_dir/$name" 2>"$tmp/pg-error"; then
        report "version $version: postgresql/$name does not apply:"; cat "$tmp/pg-error"; break
    fi
    dump_sqlite "$db" >"$tmp/sqlite.txt"
    dump_pg >"$tmp/pg-all.txt"
    grep -v '^trigger .* TRUNCATE ' "$tmp/pg-all.txt" >"$tmp/pg.txt" || true
    if diff -q "$tmp/sqlite.txt" "$tmp/pg.txt" >/dev/null; then
        echo "version $version ($name): same schema ($(grep -c '^table ' "$tmp/sqlite.txt") tables," \
             "$(grep -c '^column ' "$tmp/sqlite.txt") columns, $(grep -c '^index ' "$tmp/sqlite.txt") indexes," \
             "$(grep -c '^view ' "$tmp/sqlite.txt") views, $(grep -c '^trigger ' "$tmp/sqlite.txt") triggers," \
             "$(grep -c '^row ' "$tmp/sqlite.txt") row lines)"
    else
        report "version $version ($name): differences (< SQLite, > PostgreSQL):"
        diff "$tmp/sqlite.txt" "$tmp/pg.txt" | grep '^[<>]' || true
    fi
done

# ---- PostgreSQL only, listed ----
grep '^trigger .* TRUNCATE ' "$tmp/pg-all.txt" | sed 's/^/PostgreSQL only (SQLite has no TRUNCATE): /' || true

# ---- key words: every column, table, view or index name PostgreSQL reserves must be in README.md ----
pg <<'SQL' >"$tmp/keywords"
SELECT DISTINCT k.word || '|' || k.catdesc
FROM (SELECT attname::text AS n FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      WHERE c.relnamespace = current_schema()::regnamespace AND a.attnum > 0 AND NOT a.attisdropped
      UNION SELECT relname::text FROM pg_class WHERE relnamespace = current_schema()::regnamespace) names
JOIN pg_get_keywords() k ON k.word = names.n ORDER BY 1;
SQL
while IFS='|' read -r word category; do
    case "$category" in
        reserved*|*"can be function or type name"*)
            if grep -q "\`$word\`" "$pg_dir/README.md"; then
                echo "key word in the schema: $word ($category), listed in README.md"
            else
                report "key word in the schema: $word ($category) is not listed in README.md"
            fi ;;
        *) echo "key word in the schema: $word ($category), accepted unquoted" ;;
    esac
done <"$tmp/keywords"

if [ "$differences" = 0 ]; then
    echo "check-schema: PostgreSQL and SQLite schemas agree at every version"
else
    echo "check-schema: DIFFERENCES FOUND"
fi
exit "$differences"
