#!/usr/bin/env python3
"""Open to first complete frame, and resident memory, side by side: hexmap against hexedit
on one 100 GiB sparse file in a 100x30 pseudo-terminal, process start-up included.

For each editor, each round: fork in a pty, time until the first frame is complete (its
status line has been drawn and the output has been quiet for 30 ms; the quiet time is not
counted), read VmRSS, then kill it. Every run is printed; the order rotates each round.

Usage: compare-startup.py [ROUNDS] [NAME=BINARY ...]
  default: hexmap=.build/release/hexmap, hexmap-static=.build-static/release/hexmap
  (build it with: swift build -c release --static-swift-stdlib --scratch-path .build-static),
  hexedit=/usr/bin/hexedit (apt-get install hexedit)
"""
import fcntl, os, pty, select, signal, statistics, struct, sys, tempfile, termios, time

ROWS, COLS = 30, 100
QUIET = 0.030


def first_frame(binary, path, marker):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLS, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary, path])
    data, last = b"", None
    deadline = start + 10
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], QUIET)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            data += chunk
            last = time.monotonic()
        elif last is not None and marker in data:
            break
    with open(f"/proc/{pid}/status") as f:
        rss = next(int(line.split()[1]) for line in f if line.startswith("VmRSS:"))
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    if marker not in data:
        raise RuntimeError(f"{binary}: no frame with {marker!r}: {data[-300:]!r}")
    return (last - start) * 1000, rss / 1024


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    editors = dict(arg.split("=", 1) for arg in sys.argv[2:]) or {
        "hexmap": ".build/release/hexmap",
        "hexmap-static": ".build-static/release/hexmap",
        "hexedit": "/usr/bin/hexedit",
    }
    editors = {name: path for name, path in editors.items() if os.path.exists(path)}
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "sparse-100g.bin")
        with open(path, "wb") as f:
            f.truncate(100 << 30)
        marker = b"sparse-100g.bin"
        results = {name: [] for name in editors}
        names = list(editors)
        for round_ in range(rounds):
            order = names[round_ % len(names):] + names[:round_ % len(names)]
            for name in order:
                milliseconds, mib = first_frame(editors[name], path, marker)
                results[name].append((milliseconds, mib))
                print(f"round {round_ + 1:2}  {name:14} first frame {milliseconds:6.1f} ms  resident {mib:5.1f} MiB")
        print()
        for name, runs in results.items():
            times = [t for t, _ in runs]
            memory = [m for _, m in runs]
            print(f"{name:14} first frame median {statistics.median(times):6.1f} ms (min {min(times):.1f}, max {max(times):.1f}), "
                  f"resident median {statistics.median(memory):.1f} MiB")


if __name__ == "__main__":
    main()
