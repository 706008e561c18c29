#!/usr/bin/env python3
"""Open to first complete frame, and resident memory, side by side: hexmap against hexedit
on one 100 GiB sparse file in a 100x30 pseudo-terminal, process start-up included.

For each editor, each round: fork in a pty, time until the first frame is complete (its
status line has been drawn and the output has been quiet for 30 ms; the quiet time is not
counted), read the CPU time the process has used (exec and kernel included) and VmRSS, then
kill it. Every run is printed; the order rotates each round. hexmap runs with empty state and
configuration directories (XDG_STATE_HOME, XDG_CONFIG_HOME), as on a first start: what earlier
sessions left is not measured.

Each binary runs from a fresh copy in the scratch directory, as install(1) leaves it: the page
cache holds a file the linker just wrote in small pieces and a copied one in large ones, which
the kernel maps with fewer page faults (measured here: the same fast binary's first frame 0.2 ms
sooner from a copy).

Usage: compare-startup.py [ROUNDS] [NAME=BINARY ...]
  default: hexmap=.build/release/hexmap (swift build -c release),
  hexmap-fast=.build-fast/release/hexmap (Scripts/build-fast.sh),
  hexedit=/usr/bin/hexedit (installed with apt-get when missing and this runs as root)
"""
import fcntl, os, pty, select, shutil, signal, statistics, struct, subprocess, sys, tempfile, termios, time

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
    with open(f"/proc/{pid}/schedstat") as f:
        cpu = int(f.read().split()[0]) / 1e6  # nanoseconds on a CPU, exec and kernel included
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    os.close(fd)
    if marker not in data:
        raise RuntimeError(f"{binary}: no frame with {marker!r}: {data[-300:]!r}")
    return (last - start) * 1000, rss / 1024, cpu


def install_hexedit():
    """hexedit from the distribution, when it is missing and we may install it."""
    if shutil.which("hexedit") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    print("installing hexedit (apt-get install -y hexedit)")
    environment = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=environment, check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "hexedit"], env=environment, check=False)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    editors = dict(arg.split("=", 1) for arg in sys.argv[2:])
    if not editors:
        install_hexedit()
        editors = {
            "hexmap": ".build/release/hexmap",
            "hexmap-fast": ".build-fast/release/hexmap",
            "hexedit": shutil.which("hexedit") or "/usr/bin/hexedit",
        }
    for name, path in editors.items():
        if not os.path.exists(path):
            print(f"{name}: {path} does not exist: left out")
    editors = {name: path for name, path in editors.items() if os.path.exists(path)}
    with tempfile.TemporaryDirectory() as directory:
        for variable, folder in [("XDG_STATE_HOME", "state"), ("XDG_CONFIG_HOME", "config")]:
            os.mkdir(os.path.join(directory, folder))
            os.environ[variable] = os.path.join(directory, folder)
        os.mkdir(os.path.join(directory, "bin"))
        for name in editors:
            copy = os.path.join(directory, "bin", name)
            shutil.copy(editors[name], copy)
            editors[name] = copy
        path = os.path.join(directory, "sparse-100g.bin")
        with open(path, "wb") as f:
            f.truncate(100 << 30)
        marker = b"sparse-100g.bin"
        results = {name: [] for name in editors}
        names = list(editors)
        for round_ in range(rounds):
            order = names[round_ % len(names):] + names[:round_ % len(names)]
            for name in order:
                milliseconds, mib, cpu = first_frame(editors[name], path, marker)
                results[name].append((milliseconds, mib, cpu))
                print(f"round {round_ + 1:2}  {name:14} first frame {milliseconds:6.1f} ms  CPU {cpu:5.1f} ms  resident {mib:5.1f} MiB")
        print()
        for name, runs in results.items():
            times = [t for t, _, _ in runs]
            memory = [m for _, m, _ in runs]
            cpu = [c for _, _, c in runs]
            print(f"{name:14} first frame median {statistics.median(times):6.1f} ms (min {min(times):.1f}, max {max(times):.1f}), "
                  f"CPU median {statistics.median(cpu):.1f} ms, resident median {statistics.median(memory):.1f} MiB")


if __name__ == "__main__":
    main()
