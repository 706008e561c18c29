#!/usr/bin/env bash
# Search side by side on the same page-cached 1 GiB files, process start included:
# hexmap's find (count of every match; plain, masked, ASCII case ignored) against
# grep -c -F -a and Python's mmap.find in a loop. Every run is printed; the order of
# the contenders rotates from round to round so none always runs on a warmer machine.
#
#   Benchmarks/search/compare-search.sh [HEXMAP] [DIR] [ROUNDS]
#
# HEXMAP defaults to .build/release/hexmap (build it with: swift build -c release).
set -euo pipefail
cd "$(dirname "$0")/../.."
hexmap=${1:-.build/release/hexmap}
dir=${2:-/tmp/hexmap-search-bench}
rounds=${3:-3}
mkdir -p "$dir"

# Random bytes (plain patterns rarely match), and text (anchors such as a space are common).
[ -f "$dir/random" ] || head -c 1073741824 /dev/urandom > "$dir/random"
if [ ! -f "$dir/text" ]; then
    cat README.md Sources/HexEditor/*/*.swift > "$dir/chunk"
    while [ "$(stat -c %s "$dir/text" 2>/dev/null || echo 0)" -lt 1073741824 ]; do cat "$dir/chunk" >> "$dir/text"; done
    truncate -s 1073741824 "$dir/text"
fi
cat "$dir/random" "$dir/text" > /dev/null  # into the page cache

python_count() {
    python3 - "$1" "$2" <<'PY'
import mmap, sys
with open(sys.argv[1], "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
    needle, count, at = sys.argv[2].encode(), 0, m.find(sys.argv[2].encode())
    while at != -1:
        count, at = count + 1, m.find(needle, at + 1)
print(count)
PY
}

run() {  # label, command...
    local label=$1; shift
    local start end out
    start=$(date +%s.%N)
    out=$("$@" 2>&1 | tail -1 || true)  # grep -c exits 1 when it counts 0
    end=$(date +%s.%N)
    awk -v label="$label" -v start="$start" -v end="$end" -v out="$out" \
        'BEGIN { printf "%-34s %6.3f s  %5.2f GB/s  (%s)\n", label, end - start, 1.073741824 / (end - start), out }' 
}

# Each contender is a function, named for what it runs (i.the_file. is i"the file").
random-hexmap-plain() { "$hexmap" "$dir/random" -r -c 'find "hexmap!" count'; }
random-grep-F() { grep -c -F -a 'hexmap!' "$dir/random"; }
random-python-mmap.find() { python_count "$dir/random" 'hexmap!'; }
random-hexmap-??_68_??_78_??_6d() { "$hexmap" "$dir/random" -r -c 'find ?? 68 ?? 78 ?? 6d count'; }
text-hexmap-plain() { "$hexmap" "$dir/text" -r -c 'find "the file" count'; }
text-grep-F() { grep -c -F -a 'the file' "$dir/text"; }
text-python-mmap.find() { python_count "$dir/text" 'the file'; }
text-hexmap-i.the_file.() { "$hexmap" "$dir/text" -r -c 'find i"the file" count'; }
text-hexmap-??_68_??_20_??_69() { "$hexmap" "$dir/text" -r -c 'find ?? 68 ?? 20 ?? 69 count'; }

contenders=(
    random-hexmap-plain random-grep-F random-python-mmap.find random-hexmap-??_68_??_78_??_6d
    text-hexmap-plain text-grep-F text-python-mmap.find text-hexmap-i.the_file. text-hexmap-??_68_??_20_??_69
)
for round in $(seq 1 "$rounds"); do
    echo "round $round (counts: grep counts lines, the others every match)"
    count=${#contenders[@]}
    for index in $(seq 0 $((count - 1))); do
        name=${contenders[$(((index + round) % count))]}
        run "$name" "$name"
    done
done
