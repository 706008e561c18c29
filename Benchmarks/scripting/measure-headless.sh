#!/bin/sh
# Time and peak memory (max RSS) of headless scripts over a 4 GiB sparse file:
# find, print and fill stream window by window, so RSS stays near the 32 MiB window.
#   swift build -c release --product hexmap && Benchmarks/scripting/measure-headless.sh
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
hexmap=${HEXMAP:-$here/.build/release/hexmap}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
big=$dir/big.bin
truncate -s 4G "$big"
printf 'MAGIC' | dd of="$big" bs=1 seek=$((4 * 1024 * 1024 * 1024 - 100)) conv=notrunc status=none
cp --sparse=always "$big" "$dir/ref.bin"

measure() {
    label=$1
    shift
    /usr/bin/time -f "$label: %e s, max RSS %M KiB" "$@" > /dev/null || true
}

measure 'find over 4 GiB (cold)'    "$hexmap" "$big" -r -c 'find "MAGIC"'
measure 'find over 4 GiB (warm)'    "$hexmap" "$big" -r -c 'find "MAGIC"'
measure 'find all over 4 GiB'       "$hexmap" "$big" -r -c 'find "MAGIC" all'
measure 'print 256 MiB'             "$hexmap" "$big" -r -c 'print 0 256m'
measure 'fill 1 GiB, then fail and roll back' "$hexmap" "$big" -c 'fill 1g 1g ff' -c 'goto 5g'
cmp "$big" "$dir/ref.bin" && echo 'rolled back: byte-identical (cmp)'
measure 'fill 1 GiB, kept and synced' "$hexmap" "$big" -c 'fill 1g 1g ff'
"$hexmap" "$big" -r -c 'print 0x7ffffff0 1m' > "$dir/ours.txt"
xxd -s 0x7ffffff0 -l 1048576 "$big" > "$dir/xxd.txt"
cmp "$dir/ours.txt" "$dir/xxd.txt" && echo 'print 0x7ffffff0 1m: byte-identical to xxd -s 0x7ffffff0 -l 1048576'

# A script of a million one-byte patches, run, then run again with a failing last line
# (everything rolled back through the journal).
python3 - "$dir/many.hexmap" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], 'w') as f:
    for _ in range(1000000):
        f.write('patch %d %02x\n' % (random.randrange(16 << 20), random.randrange(256)))
PY
truncate -s 16M "$dir/m.bin"
measure '1M patches' "$hexmap" "$dir/m.bin" -s "$dir/many.hexmap"
rm "$dir/m.bin" && truncate -s 16M "$dir/m.bin"
(cat "$dir/many.hexmap"; echo 'patch 99999999 00') > "$dir/fail.hexmap"
measure '1M patches, then failure and rollback' "$hexmap" "$dir/m.bin" -s "$dir/fail.hexmap"
head -c 16777216 /dev/zero | cmp - "$dir/m.bin" && echo 'rolled back: byte-identical (cmp)'
