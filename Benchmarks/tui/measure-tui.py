#!/usr/bin/env python3
"""Measures the interactive editor's quality bars on a 100 GiB sparse file.

Runs the real `hexmap FILE` in a pseudo-terminal (no tmux in the way) and
reports:
  * open + first frame: wall time from fork to the first complete frame
    (the status line with the file size), process start-up included;
  * resident memory after paging through the whole file (VmRSS / VmHWM);
  * CPU per key: user+system time of the editor divided by the keys it
    handled; each key is decoded, rendered to a Screen and painted, so this
    bounds the cost of one frame from above.

Usage: measure-tui.py [HEXMAP_BINARY]   (default: .build/release/hexmap, else debug)
"""
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

ROWS, COLS = 30, 100
SIZE = 100 << 30
PAGE_DOWN = b"\x1b[6~"


def spawn(binary, path):
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
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
            raise TimeoutError(f"{needle!r} not seen; last output: {data[-400:]!r}")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


def drain(fd):
    while select.select([fd], [], [], 0)[0]:
        try:
            if not os.read(fd, 65536):
                return
        except OSError:
            return


def cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks  # utime + stime


def memory_kib(pid):
    values = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def quit_editor(pid, fd):
    os.write(fd, b"\x1b:q!\r")
    os.waitpid(pid, 0)
    os.close(fd)


def send_and_sync(fd, keys, marker_columns):
    """Sends keys, then a command whose message proves every key before it was handled."""
    os.write(fd, keys)
    os.write(fd, f":set columns={marker_columns}\r".encode())
    read_until(fd, f"columns={marker_columns}".encode())


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else None
    if binary is None:
        for candidate in (".build/release/hexmap", ".build/debug/hexmap"):
            if os.access(candidate, os.X_OK):
                binary = candidate
                break
    if binary is None:
        sys.exit("build hexmap first (swift build -c release)")
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "sparse-100g.bin")
        with open(path, "wb") as f:
            f.truncate(SIZE)
            f.seek(SIZE // 2)
            f.write(b"middle of a 100 GiB sparse file")

        first_frames = []
        for _ in range(5):
            start = time.perf_counter()
            pid, fd = spawn(binary, path)
            read_until(fd, b"100.0 GiB")
            first_frames.append((time.perf_counter() - start) * 1000)
            quit_editor(pid, fd)

        pid, fd = spawn(binary, path)
        read_until(fd, b"100.0 GiB")
        drain(fd)
        baseline = memory_kib(pid)

        # Many pages in a row, then jumps across the whole file with a few pages at each stop.
        page_keys = 2000
        cpu_before = cpu_seconds(pid)
        send_and_sync(fd, PAGE_DOWN * page_keys, 16)
        cpu_pages = cpu_seconds(pid) - cpu_before

        jumps = 200
        cpu_before = cpu_seconds(pid)
        keys = b""
        for i in range(jumps):
            keys += f":goto {i * (SIZE // jumps)}\r".encode() + PAGE_DOWN * 5
        keys += b"G" + b"g"
        send_and_sync(fd, keys, 8)
        cpu_jumps = cpu_seconds(pid) - cpu_before
        after = memory_kib(pid)
        quit_editor(pid, fd)

    print(f"binary: {binary}")
    print(f"open + first frame, 100 GiB sparse file ({COLS}x{ROWS}), 5 runs: "
          f"median {statistics.median(first_frames):.1f} ms, max {max(first_frames):.1f} ms")
    print(f"resident memory: {baseline['VmRSS'] / 1024:.1f} MiB after the first frame, "
          f"{after['VmRSS'] / 1024:.1f} MiB after {page_keys} PgDn + {jumps} jumps across the file "
          f"(peak {after['VmHWM'] / 1024:.1f} MiB)")
    print(f"CPU per PgDn (decode + render + paint): {cpu_pages / page_keys * 1000:.3f} ms "
          f"({cpu_pages:.2f} s for {page_keys} keys)")
    print(f"CPU for {jumps} :goto jumps with 5 pages each: {cpu_jumps:.2f} s")


if __name__ == "__main__":
    main()
