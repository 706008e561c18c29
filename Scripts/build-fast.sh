#!/usr/bin/env bash
# Builds the fast binary, .build-fast/release/hexmap: on Linux linked fully static (the Swift
# runtime, ncurses, libedit and the C library inside), so it starts without the dynamic loader
# and runs on a machine without a Swift toolchain. See the README's Install section.
#
# Without lld, the link prints glibc's warning that dlopen needs the shared C library at run
# time: the Swift runtime calls it only to look for a library of prespecialized generics, which
# this binary does without.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = Linux ]; then
    # Static libedit needs libbsd (and it libmd); static ncurses needs libtinfo, named after it.
    static=(--static-swift-stdlib -Xswiftc -static-executable -Xlinker -ltinfo -Xlinker -lbsd -Xlinker -lmd)
    # With lld (in the Swift toolchain), the functions that start-up runs (Scripts/startup-order.txt,
    # from Scripts/startup-order.sh) go together at the start of the code: each function of ours
    # in its own section so it can move, and names the list has but the binary lacks are no error.
    layout=()
    if [ -x "$(dirname "$(readlink -f "$(command -v swift)")")/ld.lld" ]; then
        layout=(-Xswiftc -use-ld=lld -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections
            -Xlinker --symbol-ordering-file="$PWD/Scripts/startup-order.txt" -Xlinker --no-warn-symbol-ordering)
    fi
    exec swift build -c release --product hexmap --scratch-path .build-fast "${static[@]}" "${layout[@]}" "$@"
else
    # macOS links the Swift runtime from the system: a plain release build is the fast one.
    exec swift build -c release --product hexmap --scratch-path .build-fast "$@"
fi
