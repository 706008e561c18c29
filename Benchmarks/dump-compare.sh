#!/usr/bin/env bash
# Throughput of `hexmap dump` against xxd, hexdump -C and od -A x -t x1z, measured side by side in
# one run on two 256 MiB files (random, mostly zero), output to /dev/null.
#
# Usage: Benchmarks/dump-compare.sh [SIZE_MIB]     (from the package root; builds the release binary)
# Each figure is the best of up to three runs after a warm-up read, so every tool sees a page-cached
# file and a momentary load spike on this shared machine does not decide a figure.
set -euo pipefail

cd "$(dirname "$0")/.."
size_mib=${1:-256}
random_file=/tmp/hexmap-bench-random-${size_mib}m
zero_file=/tmp/hexmap-bench-zeros-${size_mib}m

swift build -c release --product hexmap 2>&1 | tail -1
hexmap=$(swift build -c release --show-bin-path)/hexmap

if [[ ! -f $random_file ]] || [[ $(stat -c %s "$random_file") -ne $((size_mib << 20)) ]]; then
    head -c $((size_mib << 20)) /dev/urandom >"$random_file"
fi
if [[ ! -f $zero_file ]] || [[ $(stat -c %s "$zero_file") -ne $((size_mib << 20)) ]]; then
    # Mostly zero: a 4 KiB block of random bytes at the start of every MiB, zeros elsewhere.
    python3 - "$zero_file" "$size_mib" <<'EOF'
import os, sys
path, mib = sys.argv[1], int(sys.argv[2])
with open(path, "wb") as f:
    for _ in range(mib):
        f.write(os.urandom(4096) + bytes((1 << 20) - 4096))
EOF
fi

# seconds TOOL ARGS... : best wall-clock seconds of up to 3 runs, output to /dev/null
# (a run over 5 s is not repeated: such a tool is far from the fast ones either way)
seconds() {
    local start end t best=""
    for _ in 1 2 3; do
        start=$(date +%s.%N)
        "$@" >/dev/null
        end=$(date +%s.%N)
        t=$(echo "$end - $start" | bc -l)
        if [[ -z $best ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
        if (($(echo "$t > 5" | bc -l))); then break; fi
    done
    echo "$best"
}

printf '%-26s %-8s %10s %10s %10s\n' tool file seconds "MiB/s" "vs xxd"
for file in "$random_file" "$zero_file"; do
    label=$([[ $file == "$random_file" ]] && echo random || echo zeros)
    cat "$file" >/dev/null  # warm the page cache
    xxd_seconds=$(seconds xxd "$file")
    for tool in "xxd" "hexdump -C" "od -A x -t x1z" "$hexmap dump" "$hexmap dump -a"; do
        if [[ $tool == "xxd" ]]; then
            t=$xxd_seconds
        else
            # shellcheck disable=SC2086
            t=$(seconds $tool "$file")
        fi
        name=${tool/#$hexmap/hexmap}
        printf '%-26s %-8s %10.3f %10.1f %9.1fx\n' "$name" "$label" "$t" \
            "$(echo "$size_mib / $t" | bc -l)" "$(echo "$xxd_seconds / $t" | bc -l)"
    done
done
