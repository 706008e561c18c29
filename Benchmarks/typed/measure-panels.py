#!/usr/bin/env python3
"""Measures what the inspector and struct panels cost a frame of the real editor.

Runs `hexmap FILE` in a pseudo-terminal (no tmux in the way) on a 64 MiB file with an ELF
header at 0, the cursor at 32 MiB, and compares four set-ups:
  * no panels;
  * `:struct elf64 at 0`, which is off screen, so every frame needs the one read more that a
    struct elsewhere in the file costs (its values do not change as the cursor moves, so
    the terminal is sent about what it is sent without panels: this isolates the panel's
    read, evaluation and rendering);
  * the inspector (I): its 24 values change with every key, so the terminal is sent more;
  * both.
For each it sends `l` (one byte right) one key at a time, waiting until the frame the key
caused has been painted before sending the next, so every key is one whole frame (decode,
handle, read, render, paint). It reports the editor's CPU time (user + system) per key,
the median of several rounds, and the CPU it uses idle for a few seconds (the live view
looks at the file every 50 ms, panels included).

Usage: measure-panels.py [HEXMAP_BINARY] [--keys N] [--rounds N] [--size COLSxROWS ...]
       (default: .build/release/hexmap, 2000 keys, 5 rounds, 160x50 and 80x24)
"""
import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import tempfile
import termios
import time

SIZE = 64 << 20
CURSOR = 32 << 20


def elf_header():
    header = bytes([0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0]) + bytes(8)
    header += struct.pack("<HHIQQQIHHHHHH", 3, 62, 1, 0x1040, 64, 0x3000, 0, 64, 56, 11, 64, 30, 29)
    return header


def spawn(binary, path, cols, rows):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.environ.pop("NO_COLOR", None)
        os.execv(binary, [binary, path])
    return pid, fd


def read_until(fd, needle, timeout=20.0):
    data = b""
    deadline = time.monotonic() + timeout
    while needle not in data:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"{needle!r} not seen; last output: {data[-300:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
    return data


def await_frame(fd, quiet=0.002, timeout=10.0):
    """Waits for the output of one frame: some output, then none for `quiet` seconds.
    (ncurses sends only what changed, so there is no fixed text to wait for.)"""
    if not select.select([fd], [], [], timeout)[0]:
        raise TimeoutError("no frame after a key")
    os.read(fd, 65536)
    while select.select([fd], [], [], quiet)[0]:
        if not os.read(fd, 65536):
            return


def drain(fd, settle=0.3):
    end = time.monotonic() + settle
    while time.monotonic() < end:
        if select.select([fd], [], [], 0.05)[0]:
            if not os.read(fd, 65536):
                return


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(binary, path, cols, rows, setup, keys, rounds, idle_seconds):
    pid, fd = spawn(binary, path, cols, rows)
    read_until(fd, b"64.0 MiB")
    os.write(fd, f":goto {CURSOR}\r".encode())
    drain(fd)
    for command, proof in setup:
        os.write(fd, command)
        read_until(fd, proof)
    drain(fd)
    per_key = []
    for _ in range(rounds):
        before = cpu_seconds(pid)
        for _ in range(keys):
            # One byte right: every key changes the screen, so each is one frame; the next
            # key goes only once that frame has been painted. (Should two keys ever meet in
            # one frame, the count is one frame short, alike for every set-up.)
            os.write(fd, b"l")
            await_frame(fd)
        per_key.append((cpu_seconds(pid) - before) / keys * 1e6)
    drain(fd)
    before = cpu_seconds(pid)
    time.sleep(idle_seconds)
    idle = (cpu_seconds(pid) - before) / idle_seconds * 100
    os.write(fd, b"\x1b:q!\r")
    os.waitpid(pid, 0)
    os.close(fd)
    return per_key, idle


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary", nargs="?", default=None)
    parser.add_argument("--keys", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--idle", type=float, default=5.0)
    parser.add_argument("--size", action="append", default=None)
    arguments = parser.parse_args()
    binary = arguments.binary
    if binary is None:
        for candidate in (".build/release/hexmap", ".build/debug/hexmap"):
            if os.access(candidate, os.X_OK):
                binary = candidate
                break
    if binary is None:
        sys.exit("build hexmap first (swift build -c release)")
    sizes = [tuple(int(n) for n in s.split("x")) for s in (arguments.size or ["160x50", "80x24"])]
    inspector = (b"I", b"inspector  0x")
    struct_panel = (b":struct elf64 at 0\r", b"elf64 at 0x")
    setups = [
        ("no panels", []),
        ("struct elf64, off screen", [struct_panel]),
        ("inspector", [inspector]),
        ("inspector + struct elf64 off screen", [inspector, struct_panel]),
    ]
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "panels.bin")
        with open(path, "wb") as f:
            f.write(elf_header())
            f.write(bytes((i * 7) & 0xFF for i in range(1 << 16)) * ((SIZE - 64) >> 16))
            f.truncate(SIZE)
        print(f"binary: {binary}; {arguments.keys} keys a round, {arguments.rounds} rounds, median")
        for cols, rows in sizes:
            baseline = None
            for name, setup in setups:
                per_key, idle = measure(binary, path, cols, rows, setup, arguments.keys, arguments.rounds, arguments.idle)
                median = statistics.median(per_key)
                if baseline is None:
                    baseline = median
                change = "" if median == baseline else f"  ({median - baseline:+.1f} us, {100 * (median / baseline - 1):+.1f}%)"
                print(f"{cols}x{rows}  {name:38s} CPU per key+frame {median:6.1f} us "
                      f"(rounds {min(per_key):.1f}-{max(per_key):.1f}){change}; idle {idle:.2f}% CPU")


if __name__ == "__main__":
    main()
