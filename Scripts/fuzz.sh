#!/usr/bin/env bash
# Fuzzes hexmap's parsers (the Fuzz/ package: libFuzzer + AddressSanitizer): builds the targets,
# then runs each for SECONDS (default 60) on a fresh copy of its seed corpus (Fuzz/Corpus/TARGET),
# one target at a time. A crash, a failed invariant (the targets trap on one), a timeout or an
# out-of-memory stops the script with status 1 and prints the path of the input that caused it;
# replay it with SWIFT_BACKTRACE=enable=no Fuzz/.build/release/TARGET PATH. Work files go to
# Fuzz/.build/fuzz/TARGET/ (the corpus the run grew, its log, the failing input).
#
#   Scripts/fuzz.sh [SECONDS] [TARGET...]   (FuzzCommand FuzzPattern FuzzStruct FuzzXXDReverse)
#   FUZZ_OPTIONS="-use_value_profile=1" Scripts/fuzz.sh 600     (more libFuzzer flags)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || [ "$seconds" -lt 1 ]; then
    echo "usage: Scripts/fuzz.sh [SECONDS] [TARGET...]" >&2
    exit 2
fi
shift $(($# > 0 ? 1 : 0))
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    # Every target has a seed corpus directory.
    for directory in Fuzz/Corpus/*/; do targets+=("$(basename "$directory")"); done
fi

# swiftc keeps only the last -sanitize= option it is given, so SwiftPM's two --sanitize flags
# alone would leave the Swift code with AddressSanitizer and no coverage for libFuzzer: the
# combined -Xswiftc flag comes last and gives it both (SwiftPM's flags still reach the C code).
# -enable-testing: FuzzPattern and FuzzStruct reach internal code with @testable import.
build=(swift build -c release --package-path Fuzz
    --sanitize=fuzzer --sanitize=address
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# The machine's builds take turns (flock where there is one).
if command -v flock >/dev/null; then
    flock /tmp/hexmap-build.lock "${build[@]}" 2>&1 | tee "$log"
else
    "${build[@]}" 2>&1 | tee "$log"
fi
if grep -E "^/.*(Sources|Fuzz)/.*warning:" "$log"; then
    echo "error: the build printed warnings (above)" >&2
    exit 1
fi
bin=Fuzz/.build/release

# The Swift runtime's backtracer and AddressSanitizer trip over each other on a crash: let
# libFuzzer report it. LeakSanitizer takes the test command's suppressions.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

summary=()
for target in "${targets[@]}"; do
    if [ ! -d "Fuzz/Corpus/$target" ] || [ ! -x "$bin/$target" ]; then
        echo "error: no fuzz target $target (known: $(ls Fuzz/Corpus | tr '\n' ' '))" >&2
        exit 2
    fi
    work=Fuzz/.build/fuzz/$target
    rm -rf "$work"
    mkdir -p "$work/artifacts"
    cp -R "Fuzz/Corpus/$target" "$work/corpus"
    echo "== $target: ${seconds}s on $(ls "$work/corpus" | wc -l | tr -d ' ') seeds (log: $work/log.txt)"
    options=(-max_total_time="$seconds" -timeout=10 -print_final_stats=1 -artifact_prefix="$work/artifacts/")
    if [ -f "Fuzz/Dictionaries/$target.dict" ]; then
        options+=(-dict="Fuzz/Dictionaries/$target.dict")
    fi
    status=0
    # FUZZ_OPTIONS: more libFuzzer flags (-use_value_profile=1, -max_len=N, -seed=N, ...).
    # shellcheck disable=SC2086
    "$bin/$target" "$work/corpus" "${options[@]}" ${FUZZ_OPTIONS:-} >"$work/log.txt" 2>&1 || status=$?
    found=$(ls "$work/artifacts" | head -1)
    if [ "$status" -ne 0 ] || [ -n "$found" ]; then
        grep -E "invariant failed|Fatal error|ERROR: |SUMMARY" "$work/log.txt" | head -5 >&2 || true
        if [ -n "$found" ]; then
            echo "error: $target failed (status $status) on the input $work/artifacts/$found" >&2
            echo "       replay: SWIFT_BACKTRACE=enable=no $bin/$target $work/artifacts/$found" >&2
        else
            echo "error: $target failed (status $status); see $work/log.txt" >&2
        fi
        exit 1
    fi
    done_line=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$work/log.txt" | tail -1)
    summary+=("$target: $(sed -E 's/^#([0-9]+)[[:space:]]+DONE[[:space:]]+/\1 runs, /' <<<"$done_line")")
    echo "${summary[-1]}"
done
echo "== no crashes in ${seconds}s per target"
printf '%s\n' "${summary[@]}"
