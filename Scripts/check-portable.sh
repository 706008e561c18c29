#!/usr/bin/env bash
# Fails when a Swift file imports a platform's C library (Glibc, Musl, Darwin) outside an
# `#if canImport(...)` branch: CI runs only Linux, and the package must still compile on
# macOS and the BSDs as the manifest promises.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 - <<'PY'
import pathlib, re, sys
platform = re.compile(r"^\s*import\s+(Glibc|Musl|Darwin)\b")
bad = []
for path in sorted(pathlib.Path(".").glob("**/*.swift")):
    if any(part.startswith(".build") for part in path.parts):
        continue
    depth, guarded = 0, []
    for number, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("#if"):
            guarded.append("canImport(" in stripped)
        elif stripped.startswith("#elseif"):
            if guarded: guarded[-1] = "canImport(" in stripped
        elif stripped.startswith("#else"):
            if guarded: guarded[-1] = False
        elif stripped.startswith("#endif"):
            if guarded: guarded.pop()
        elif platform.match(line) and not (guarded and guarded[-1]):
            bad.append(f"{path}:{number}: {stripped} outside #if canImport(...)")
for line in bad:
    print(line)
sys.exit(1 if bad else 0)
PY
