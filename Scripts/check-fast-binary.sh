#!/usr/bin/env bash
# Builds the fast binary (Scripts/build-fast.sh) and checks that it is what the README says:
# on Linux a static executable, and the same hexmap: a headless script, the dump, and the
# editor's first frame and quit under tmux (when tmux is installed).
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=$(mktemp -d)
socket="hexmap-fast-check-$$"
cleanup() {
    tmux -L "$socket" kill-server 2>/dev/null || true
    rm -rf "$scratch"
}
trap cleanup EXIT
fail() {
    echo "error: the fast binary: $*" >&2
    exit 1
}

Scripts/build-fast.sh 2>&1 | tee "$scratch/build.log"
if grep -E "^/.*(Sources|Tests)/.*warning:" "$scratch/build.log"; then
    fail "its build printed warnings (above)"
fi
binary=$PWD/.build-fast/release/hexmap
if [ "$(uname -s)" = Linux ] && ldd "$binary" >/dev/null 2>&1; then
    fail "$binary is linked dynamically: $(ldd "$binary" | tr '\n' ' ')"
fi

# Its own state and configuration, so the check neither reads nor leaves a user's.
export XDG_STATE_HOME="$scratch/state" XDG_CONFIG_HOME="$scratch/config"
file="$scratch/sample.bin"
cp Resources/sample.bin "$file"

[ "$("$binary" dump -l 64 "$file")" = "$(xxd -l 64 "$file")" ] || fail "dump differs from xxd"
printed=$("$binary" "$file" -c 'patch 0 41 42' -c 'print 0 2')
[ "$printed" = "$(printf 'AB' | xxd)" ] || fail "a headless script printed '$printed'"
[ "$(head -c 2 "$file")" = AB ] || fail "a headless script did not write the file"

if command -v tmux >/dev/null 2>&1; then
    tmux -L "$socket" -f /dev/null new-session -d -x 100 -y 30 "$binary $file; echo hexmap-exit=\$?; sleep 30"
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p | grep -q "sample.bin" && break
        sleep 0.1
    done
    screen=$(tmux -L "$socket" capture-pane -p)
    grep -q "^00000000  41 42 4d 50" <<<"$screen" || fail "the first frame is not the file: $screen"
    tmux -L "$socket" send-keys ':q' Enter
    for _ in $(seq 100); do
        tmux -L "$socket" capture-pane -p | grep -q "hexmap-exit=0" && break
        sleep 0.1
    done
    tmux -L "$socket" capture-pane -p | grep -q "hexmap-exit=0" || fail "the editor did not quit with :q"
fi
echo "the fast binary ($binary): static, dump, script and editor checked"
