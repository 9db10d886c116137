#!/usr/bin/env bash
# Runs the service tests (CTest label `engines`) a second time with every store on PostgreSQL 15: a throwaway
# cluster (postgres-test-cluster.sh) in a temporary folder, one new database per store, stopped and removed at the
# end however the tests end. Called by setup.sh test after the SQLCipher run; needs postgresql-15.
#   test-on-postgres.sh BUILD_DIR [ctest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:?usage: $0 BUILD_DIR [ctest arguments...]}"
shift
cluster="$(mktemp -d /tmp/alpr-pg.XXXXXX)"
rmdir "$cluster"
trap 'bash installer/postgres-test-cluster.sh stop "$cluster"' EXIT
connection="$(bash installer/postgres-test-cluster.sh start "$cluster")"
echo "PostgreSQL test cluster: $connection"
ALPR_TEST_POSTGRES="$connection" ctest --test-dir "$build" -L engines --output-on-failure -j "$(nproc)" "$@"
