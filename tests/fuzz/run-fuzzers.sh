#!/usr/bin/env bash
# Fuzzes every libFuzzer target in a build made with ALPR_FUZZ (the asan or fuzz preset) for a bounded time each,
# starting from its seed corpus in tests/fuzz/corpus/<Name>/, and prints the executions per target.
#   tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS [NAME...]     e.g. tests/fuzz/run-fuzzers.sh build/asan 20
# Fails on a crash, a sanitizer report, a leak, an input slower than 10 s or one needing over 2 GB. A failing input
# is kept as BUILD_DIR/fuzz-findings/<Name>/crash-* (libFuzzer prints how to replay it); after the fix, copy it into
# the corpus so the replay test keeps it fixed. New inputs found along the way go to BUILD_DIR/fuzz-findings/<Name>/
# corpus, never into the source tree.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
build="${1:?usage: $0 BUILD_DIR SECONDS [NAME...]}"
seconds="${2:?usage: $0 BUILD_DIR SECONDS [NAME...]}"
shift 2
build="$(cd "$build" && pwd)"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
    for source in "$here"/*Fuzzer.cpp; do
        base="$(basename "$source" .cpp)"
        names+=("${base%Fuzzer}")
    done
fi

# LeakSanitizer reports at exit and per input; suppressions cover third-party libraries only.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:allocator_may_return_null=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/../sanitizers/lsan.supp:print_suppressions=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:suppressions=$here/../sanitizers/ubsan.supp}"

# One target per core at a time (ALPR_FUZZ_JOBS, default nproc): each libFuzzer process is single-threaded.
jobs="${ALPR_FUZZ_JOBS:-$(nproc)}"

fuzz_one() {
    local name="$1" binary out log rc runs speed units result
    binary="$(find "$build" -type f -name "${name}Fuzzer" -perm -u+x | head -n 1)"
    out="$build/fuzz-findings/$name"
    rm -rf "$out"
    mkdir -p "$out/corpus"
    log="$out/fuzz.log"
    if [ -z "$binary" ]; then
        echo "no ${name}Fuzzer binary under $build (configure with --preset asan or fuzz)" >"$log"
        printf '%-22s %12s %10s %8s  %s\n' "$name" 0 0 0 "FAILED: no binary" >"$out/result"
        return
    fi
    # New inputs go to the scratch corpus (first folder); the seeds are read only.
    "$binary" "$out/corpus" "$here/corpus/$name" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -max_len=4096 -print_final_stats=1 -artifact_prefix="$out/" >>"$log" 2>&1
    rc=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)"
    units="$(find "$out/corpus" -type f | wc -l)"
    if [ $rc -eq 0 ]; then
        result=ok
    else
        result="FAILED (exit $rc): $(ls "$out" | grep -E '^(crash|leak|timeout|oom|slow-unit)-' | head -n 1)"
    fi
    printf '%-22s %12s %10s %8s  %s\n' "$name" "${runs:-0}" "${speed:-0}" "$units" "$result" >"$out/result"
}

running=0
for name in "${names[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n
        running=$((running - 1))
    fi
    fuzz_one "$name" &
    running=$((running + 1))
done
wait

failed=()
printf '%-22s %12s %10s %8s  %s\n' target executions exec/s new result
for name in "${names[@]}"; do
    out="$build/fuzz-findings/$name"
    cat "$out/result"
    if ! grep -q ' ok$' "$out/result"; then
        failed+=("$name")
        grep -E 'ERROR|SUMMARY|runtime error|==[0-9]+==|no .*binary' "$out/fuzz.log" | head -n 20 >&2
        echo "full log: $out/fuzz.log" >&2
    fi
done
if [ ${#failed[@]} -ne 0 ]; then
    echo "fuzzing failed: ${failed[*]}" >&2
    exit 1
fi
