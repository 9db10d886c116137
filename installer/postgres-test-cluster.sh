#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests: initdb into a temporary directory as the unprivileged `postgres`
# user (Debian's postgresql-15 package creates it), no TCP (listen_addresses = ''), a Unix socket in the cluster's
# own folder, trust for local connections only (nothing but this machine's processes can reach a socket in a
# private folder), superuser `alpr`.
#   postgres-test-cluster.sh start DIR   creates and starts the cluster in DIR (must not exist); prints the
#                                        libpq connection string of its `postgres` database
#   postgres-test-cluster.sh stop DIR    stops it and removes DIR
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
action="${1:-}"
dir="${2:-}"
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 1; }

run_as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        # initdb and postgres refuse to run as root.
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$action" in
    start)
        [ -x "$bin/initdb" ] || { echo "postgres-test-cluster: $bin/initdb missing (install postgresql-15)" >&2; exit 1; }
        [ ! -e "$dir" ] || { echo "postgres-test-cluster: $dir exists" >&2; exit 1; }
        mkdir -p "$dir"
        [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
        chmod 0700 "$dir"
        run_as_postgres "$bin/initdb" -D "$dir/data" -U alpr --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
        cat >>"$dir/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$dir'
unix_socket_permissions = 0700
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 200
shared_buffers = 256MB
EOF
        run_as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
        echo "host=$dir port=5432 user=alpr dbname=postgres"
        ;;
    stop)
        if [ -d "$dir/data" ]; then
            run_as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
        fi
        rm -rf "$dir"
        ;;
    *)
        echo "usage: $0 start|stop DIR" >&2
        exit 1
        ;;
esac
