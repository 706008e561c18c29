#!/usr/bin/env bash
# Builds the fast binary, .build-fast/release/hexmap: on Linux linked fully static (the Swift
# runtime, ncurses, libedit and the C library inside), so it starts without the dynamic loader
# and runs on a machine without a Swift toolchain. See the README's Install section.
#
# The link prints glibc's warning that dlopen needs the shared C library at run time: the Swift
# runtime calls it only to look for a library of prespecialized generics, which this binary does
# without.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(uname -s)" = Linux ]; then
    # Static libedit needs libbsd (and it libmd); static ncurses needs libtinfo, named after it.
    exec swift build -c release --product hexmap --scratch-path .build-fast \
        --static-swift-stdlib -Xswiftc -static-executable \
        -Xlinker -ltinfo -Xlinker -lbsd -Xlinker -lmd "$@"
else
    # macOS links the Swift runtime from the system: a plain release build is the fast one.
    exec swift build -c release --product hexmap --scratch-path .build-fast "$@"
fi
