#!/usr/bin/env bash
# The two README commands:
#   bash installer/setup.sh demo   install, build, start the workstation on the demo store
#   bash installer/setup.sh test   install, build, run every test: the release suite (fuzz targets replay their
#                                  corpora there), the service tests again on a throwaway PostgreSQL
#                                  cluster (test-on-postgres.sh), then the whole suite again under AddressSanitizer +
#                                  UndefinedBehaviorSanitizer (clang 14), then every fuzz target for
#                                  ALPR_FUZZ_SECONDS (20) each (docs/security.md). What .ci/run runs.
# And for developers:
#   bash installer/setup.sh sanitizers   only the sanitizer part of `test` (a release build is not needed)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-}"
jobs="$(nproc)"

case "$mode" in
    demo)
        bash installer/install-deps.sh
        cmake --preset release
        cmake --build --preset release -j "$jobs"
        echo "Starting the workstation on the demo store (accounts and passwords: README.md)."
        exec build/release/app/workstation/alpr-workstation --demo "${@:2}"
        ;;
    test)
        bash installer/install-deps.sh --with-sanitizers
        cmake --preset release
        cmake --build --preset release -j "$jobs"
        ctest --preset release
        bash installer/test-on-postgres.sh build/release
        exec bash installer/setup.sh sanitizers --deps-installed
        ;;
    sanitizers)
        [ "${2:-}" = --deps-installed ] || bash installer/install-deps.sh --with-sanitizers
        # One clang build serves both: the suite under the sanitizers, and the libFuzzer targets (docs/security.md).
        cmake --preset asan
        cmake --build --preset asan -j "$jobs"
        ctest --preset asan
        bash tests/fuzz/run-fuzzers.sh build/asan "${ALPR_FUZZ_SECONDS:-20}"
        ;;
    *)
        echo "usage: $0 demo|test|sanitizers" >&2
        exit 1
        ;;
esac
