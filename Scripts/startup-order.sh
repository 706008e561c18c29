#!/usr/bin/env bash
# Writes Scripts/startup-order.txt: the functions the fast binary runs from exec to its first
# frame and its quit, as callgrind lists them. Scripts/build-fast.sh hands the list to lld,
# which lays those functions out together at the start of the code, so that starting touches
# fewer pages of the binary (README, Performance). Run it again after large changes to the
# start-up path; a stale list only loses part of the gain (lld skips names it does not find).
#
# Usage: Scripts/startup-order.sh [BINARY]   (default .build-fast/release/hexmap)
# Needs valgrind, tmux and binutils (objcopy, readelf, nm).
set -euo pipefail
cd "$(dirname "$0")/.."

binary=${1:-.build-fast/release/hexmap}
for tool in valgrind tmux objcopy readelf nm; do
    command -v "$tool" >/dev/null || { echo "error: $tool is needed" >&2; exit 1; }
done
[ -x "$binary" ] || { echo "error: no binary at $binary (run Scripts/build-fast.sh)" >&2; exit 1; }

scratch=$(mktemp -d)
socket="hexmap-order-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT

# valgrind does not read the debug information swiftc writes; the code is the same without it.
objcopy --strip-debug "$binary" "$scratch/hexmap"
truncate -s 64M "$scratch/sparse.bin"
tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 \
    "XDG_STATE_HOME=$scratch/state XDG_CONFIG_HOME=$scratch/config valgrind --tool=callgrind \
     --demangle=no --callgrind-out-file=$scratch/callgrind.out $scratch/hexmap $scratch/sparse.bin \
     2>$scratch/valgrind.log; echo order-done; sleep 60"
wait_for() {
    for _ in $(seq 600); do
        tmux -L "$socket" capture-pane -p | grep -q "$1" && return 0
        sleep 0.1
    done
    echo "error: no '$1' on the screen; valgrind said:" >&2
    cat "$scratch/valgrind.log" >&2
    exit 1
}
wait_for "sparse.bin"
tmux -L "$socket" send-keys ':q' Enter
wait_for "order-done"

# valgrind resolves the C library's ifuncs and replaces its string functions with its own, so
# callgrind never sees what a plain start runs first: _start, the resolver of every IRELATIVE
# relocation (all run before main), and the string functions they choose, one per processor
# feature set (all of them are listed: a few kilobytes each).
glibc_start() {
    printf '%s\n' _start __libc_start_main __libc_start_main_impl __libc_start_call_main
    readelf -rW "$binary" | awk '/IRELATIV/ { print $NF }' | sort -u >"$scratch/resolvers"
    nm "$binary" | awk -v list="$scratch/resolvers" '
        BEGIN { while ((getline address < list) > 0) wanted[address] = 1 }
        { address = $1; sub(/^0+/, "", address) }
        $2 ~ /^[tTiI]$/ && address in wanted { print $3 }'
    nm "$binary" | awk '$2 ~ /^[tT]$/ && $3 ~ /^__(mem|str|stp|raw)[a-z]*_(sse|avx|evex|erms)/ { print $3 }'
}

# Each function's name follows its first "fn=(id)" or "cfn=(id)"; later mentions give the id
# alone. A recursive call's name carries 'N, the depth. Sorted, so that a new list differs from
# the old by what start-up runs, not by the order callgrind wrote it in.
{
    glibc_start
    sed -nE "s/^c?fn=\([0-9]+\) (.+)$/\1/p" "$scratch/callgrind.out" | sed -E "s/'[0-9]+$//" | LC_ALL=C sort -u
} | grep -vE '^(0x[0-9a-f]+|\(below main\))' | awk '!seen[$0]++' >Scripts/startup-order.txt
echo "Scripts/startup-order.txt: $(wc -l <Scripts/startup-order.txt) functions"
# SwiftPM does not know the list is an input of the link.
echo "to link with it: rm -f .build-fast/release/hexmap && Scripts/build-fast.sh"
