#!/usr/bin/env python3
"""Live view figures for hexmap, measured from outside as a person would see them.

1. Delay from an external write to the screen: hexmap shows a file in a tmux pane
   (its own server: tmux -L hexmap-live-bench-PID); another process writes a new
   marker into the visible range, and this script polls `tmux capture-pane` until
   the marker is on screen. Median and worst over N writes, for two kinds of writer:
     - write(2) through a file descriptor (the kernel tells hexmap via inotify);
     - stores through a shared mmap (no event at all: hexmap's periodic look);
     - appends (O_APPEND writes) with follow mode on (F): growth, remap, scroll.
   capture-pane itself takes a few milliseconds, so figures carry that much noise.
2. CPU while idle on a file nobody changes: CPU time (from /proc/PID/schedstat,
   nanoseconds) and wakeups (voluntary context switches) over a quiet period.

Usage: measure-live.py [--hexmap PATH] [--writes 100] [--idle-seconds 10]
"""
import argparse, mmap, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def default_hexmap():
    for kind in ("release", "debug"):
        path = os.path.join(ROOT, ".build", kind, "hexmap")
        if os.access(path, os.X_OK):
            return path
    sys.exit("build hexmap first (swift build -c release)")


class Pane:
    def __init__(self, command, width=100, height=30):
        self.socket = f"hexmap-live-bench-{os.getpid()}"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), command)

    def tmux(self, *args):
        env = {k: v for k, v in os.environ.items() if k not in ("TMUX", "NO_COLOR")}
        return subprocess.run(["tmux", "-L", self.socket, *args], check=True, capture_output=True, text=True, env=env).stdout

    def capture(self):
        return self.tmux("capture-pane", "-p", "-t", "bench")

    def wait_for(self, text, timeout=5.0):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if text in self.capture():
                return time.monotonic()
        raise TimeoutError(f"{text!r} not on screen after {timeout}s:\n{self.capture()}")

    def pid(self):
        shell = self.tmux("display-message", "-p", "-t", "bench", "#{pane_pid}").strip()
        children = subprocess.run(["ps", "-o", "pid=", "--ppid", shell], capture_output=True, text=True).stdout.split()
        return int(children[0]) if children else int(shell)

    def close(self):
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


def measure_delays(pane, path, writes, writer):
    """Writes a fresh 8-letter marker at offset 0 and times until the text pane shows it."""
    delays = []
    append_fd = os.open(path, os.O_WRONLY | os.O_APPEND) if writer == "append" else None
    if writer == "append":
        pane.tmux("send-keys", "-t", "bench", "F")
        pane.wait_for("follow")
    with open(path, "r+b") as handle:
        mapping = mmap.mmap(handle.fileno(), 0) if writer == "mmap" else None
        for i in range(writes):
            marker = ("%08d" % i).translate(str.maketrans("0123456789", "QRSTUVWXYZ")).encode()
            time.sleep(0.02 + (i % 7) * 0.011)  # spread the writes over the editor's cycle
            start = time.monotonic()
            if mapping is not None:
                mapping[0:8] = marker
            elif writer == "append":
                # 16 bytes: the marker starts a row of its own in the text pane.
                os.write(append_fd, marker + b"........")
            else:
                os.pwrite(handle.fileno(), marker, 0)
            seen = pane.wait_for("|" + marker.decode())
            delays.append((seen - start) * 1000)
        if mapping is not None:
            mapping.close()
    if append_fd is not None:
        os.close(append_fd)
    return delays


def cpu_and_wakeups(pid):
    with open(f"/proc/{pid}/schedstat") as f:
        cpu_ns = int(f.read().split()[0])
    wakeups = 0
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("voluntary_ctxt_switches"):
                wakeups = int(line.split()[1])
    return cpu_ns, wakeups


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hexmap", default=None)
    parser.add_argument("--writes", type=int, default=100)
    parser.add_argument("--idle-seconds", type=float, default=10.0)
    args = parser.parse_args()
    hexmap = args.hexmap or default_hexmap()
    if shutil.which("tmux") is None:
        sys.exit("tmux is needed")
    scratch = tempfile.mkdtemp(prefix="hexmap-live-bench-")
    path = os.path.join(scratch, "watched.bin")
    with open(path, "wb") as f:
        f.write(b"." * 4096)
    pane = Pane(f"'{hexmap}' '{path}'")
    try:
        pane.wait_for("watched.bin")
        print(f"hexmap: {hexmap}")
        for writer in ("write", "mmap", "append"):
            delays = measure_delays(pane, path, args.writes, writer)
            delays.sort()
            print(f"write-to-screen delay, {writer:6} writer, {len(delays)} writes: "
                  f"median {statistics.median(delays):.1f} ms, p90 {delays[int(len(delays) * 0.9)]:.1f} ms, "
                  f"worst {delays[-1]:.1f} ms, best {delays[0]:.1f} ms")
        time.sleep(1.5)  # let highlights fade: idle means nothing left to redraw
        pid = pane.pid()
        cpu0, wake0 = cpu_and_wakeups(pid)
        time.sleep(args.idle_seconds)
        cpu1, wake1 = cpu_and_wakeups(pid)
        seconds = args.idle_seconds
        print(f"idle on an unchanging file for {seconds:.0f} s: CPU {(cpu1 - cpu0) / 1e9 / seconds * 100:.3f} % "
              f"({(cpu1 - cpu0) / 1e6:.1f} ms CPU), {(wake1 - wake0) / seconds:.1f} wakeups/s")
        # The headless watcher (--watch) on the same unchanging file.
        watcher = subprocess.Popen([hexmap, path, "--watch"], stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
        try:
            time.sleep(1.0)
            cpu0, wake0 = cpu_and_wakeups(watcher.pid)
            time.sleep(args.idle_seconds)
            cpu1, wake1 = cpu_and_wakeups(watcher.pid)
        finally:
            watcher.terminate()
            watcher.wait()
        print(f"headless --watch idle for {seconds:.0f} s: CPU {(cpu1 - cpu0) / 1e9 / seconds * 100:.3f} % "
              f"({(cpu1 - cpu0) / 1e6:.1f} ms CPU), {(wake1 - wake0) / seconds:.1f} wakeups/s")
    finally:
        pane.close()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
