#!/usr/bin/env bash
# What the recovery journal costs, journal on (the default) against `set journal off`, in
# one run: a script of one-byte patches (per-edit cost), and a 1 GiB fill over real data
# (the saved bytes go to a side file of the journal instead of an unlinked temporary file:
# the same one sequential write). Every run is printed; the order alternates.
#
#   Benchmarks/recovery/measure-journal.sh [HEXMAP] [DIR] [EDITS]
set -euo pipefail
cd "$(dirname "$0")/../.."
hexmap=${1:-.build/release/hexmap}
dir=${2:-/tmp/hexmap-journal-bench}
edits=${3:-200000}
mkdir -p "$dir"
export XDG_STATE_HOME="$dir/state"

head -c 1048576 /dev/urandom > "$dir/small"
[ -f "$dir/big" ] || head -c 1073741824 /dev/urandom > "$dir/big"
awk -v n="$edits" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "patch %d %02x\n", int(rand() * 1048575), i % 256 }' \
    > "$dir/patches.hexmap"
{ echo "set journal off"; cat "$dir/patches.hexmap"; } > "$dir/patches-off.hexmap"

seconds() { local start end; start=$(date +%s.%N); "$@" > /dev/null; end=$(date +%s.%N); awk -v s="$start" -v e="$end" 'BEGIN { print e - s }'; }

for round in 1 2 3; do
    for mode in on off; do
        [ $((round % 2)) -eq 0 ] && mode=$([ "$mode" = on ] && echo off || echo on)
        script=$dir/patches.hexmap
        [ "$mode" = off ] && script=$dir/patches-off.hexmap
        t=$(seconds "$hexmap" "$dir/small" -s "$script")
        awk -v m="$mode" -v t="$t" -v n="$edits" 'BEGIN { printf "round %d  %d one-byte patches, journal %-3s  %6.3f s  %5.2f us/edit\n", '"$round"', n, m, t, t * 1e6 / n }'
    done
done
cat "$dir/big" > /dev/null
for round in 1 2; do
    for mode in on off; do
        [ $((round % 2)) -eq 0 ] && mode=$([ "$mode" = on ] && echo off || echo on)
        setting=""
        [ "$mode" = off ] && setting="set journal off"
        t=$(seconds "$hexmap" "$dir/big" -c "${setting:-info}" -c "fill 0 1g 41" -c "undo" --no-sync)
        echo "round $round  fill 0 1g + undo, journal $mode  $t s"
    done
done
