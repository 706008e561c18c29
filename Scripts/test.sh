#!/usr/bin/env bash
# Runs every test: the whole suite, then IOMMap's tests again under
# ThreadSanitizer and AddressSanitizer (each in its own build folder), then builds
# IOMMap's documentation and the fast binary, and checks that binary. Fails if the build or
# the documentation prints a warning.
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT

swift build --build-tests 2>&1 | tee "$log"
if grep -E "^/.*(Sources|Tests)/.*warning:" "$log"; then
    echo "error: the build printed warnings (above); hexmap builds with none" >&2
    exit 1
fi

Scripts/check-portable.sh
# The house style (.swift-format): `swift format format -i -r Sources Tests` fixes most of it.
swift format lint --strict -r Sources Tests
swift test --disable-xctest
swift test --disable-xctest --sanitize=thread --scratch-path .build-tsan --filter IOMMapTests
LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan-suppressions.txt" \
    swift test --disable-xctest --sanitize=address --scratch-path .build-asan --filter IOMMapTests

# IOMMap's DocC catalog: every link resolves, every snippet's symbol exists.
swift package generate-documentation --target IOMMap --warnings-as-errors

# The fast binary (Scripts/build-fast.sh) the README tells people to install: built and checked.
Scripts/check-fast-binary.sh
