"""Processes under measurement: start/stop as a group, timestamped output lines,
and what /proc says about the whole process tree (RSS, CPU time, wake-ups, inotify watches)."""

import os
import select
import signal
import subprocess
import threading
import time

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def now_ns():
    return time.monotonic_ns()


class LineReader(threading.Thread):
    """Reads a pipe in its own thread and stamps every line with the monotonic time at which
    the chunk holding it arrived (the harness's clock, the same one the edits are stamped with)."""

    def __init__(self, stream, name):
        super().__init__(name=name, daemon=True)
        self._fd = stream.fileno()
        self._stream = stream
        self.lines = []  # (arrival_ns, text)
        self.closed = False
        self._cond = threading.Condition()

    def run(self):
        pending = b""
        while True:
            try:
                chunk = os.read(self._fd, 1 << 16)
            except OSError:
                chunk = b""
            arrived = now_ns()
            if not chunk:
                break
            pending += chunk
            if b"\n" not in chunk:
                continue
            *complete, pending = pending.split(b"\n")
            with self._cond:
                for raw in complete:
                    self.lines.append((arrived, raw.decode("utf-8", "replace")))
                self._cond.notify_all()
        with self._cond:
            if pending:
                self.lines.append((now_ns(), pending.decode("utf-8", "replace")))
            self.closed = True
            self._cond.notify_all()

    def wait_for(self, predicate, timeout_s, start_index=0):
        """Waits until a line (from start_index on) satisfies predicate(text); returns
        (index, arrival_ns, text) or None on timeout / end of stream."""
        deadline = time.monotonic() + timeout_s
        index = start_index
        with self._cond:
            while True:
                while index < len(self.lines):
                    arrived, text = self.lines[index]
                    if predicate(text):
                        return index, arrived, text
                    index += 1
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closed:
                    return None
                self._cond.wait(remaining)

    def snapshot(self):
        with self._cond:
            return list(self.lines)

    def count(self):
        with self._cond:
            return len(self.lines)


class PumpedReader:
    """The same lines as LineReader, but read by the caller's own thread through Pump: no
    second thread competes for the interpreter lock while the harness stamps an edit, so
    neither the edit's timestamp nor the line's is delayed by the other."""

    def __init__(self, stream):
        self.fd = stream.fileno()
        os.set_blocking(self.fd, False)
        self.lines = []
        self.closed = False
        self._pending = b""

    def read_available(self, arrived):
        while True:
            try:
                chunk = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                break
            except OSError:
                chunk = b""
            if not chunk:
                self.closed = True
                break
            self._pending += chunk
        if b"\n" in self._pending:
            *complete, self._pending = self._pending.split(b"\n")
            for raw in complete:
                self.lines.append((arrived, raw.decode("utf-8", "replace")))

    def snapshot(self):
        return list(self.lines)

    def count(self):
        return len(self.lines)

    def join(self, timeout=None):
        pass


class Pump:
    """Waits for output of PumpedReaders; every line is stamped right after select() wakes."""

    def __init__(self, *readers):
        self.readers = readers

    def run(self, seconds):
        self.run_until(time.monotonic() + seconds)

    def run_until(self, deadline):
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            open_readers = [r for r in self.readers if not r.closed]
            if not open_readers:
                time.sleep(remaining)
                return
            ready, _, _ = select.select([r.fd for r in open_readers], [], [], remaining)
            arrived = now_ns()
            for reader in open_readers:
                if reader.fd in ready:
                    reader.read_available(arrived)


class Tool:
    """A started process (its own session, so the whole group can be stopped) with
    stdout and stderr read by LineReaders (threaded) or PumpedReaders (pumped=True: the caller
    runs self.pump)."""

    def __init__(self, argv, cwd=None, env=None, stdin=False, pumped=False):
        self.argv = argv
        self.started_ns = now_ns()
        self.proc = subprocess.Popen(
            argv,
            cwd=cwd,
            env=env,
            stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            start_new_session=True,
            bufsize=0,
        )
        self.pid = self.proc.pid
        if pumped:
            self.out = PumpedReader(self.proc.stdout)
            self.err = PumpedReader(self.proc.stderr)
            self.pump = Pump(self.out, self.err)
        else:
            self.out = LineReader(self.proc.stdout, f"out-{self.pid}")
            self.err = LineReader(self.proc.stderr, f"err-{self.pid}")
            self.out.start()
            self.err.start()

    def alive(self):
        return self.proc.poll() is None

    def stop(self, grace_s=3.0):
        """SIGTERM to the process group, SIGKILL after grace_s. Returns the exit code."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(grace_s)
            except subprocess.TimeoutExpired:
                pass
        # Children left in the group (a server of a killed parent) go too.
        try:
            os.killpg(self.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(5)
        except subprocess.TimeoutExpired:
            pass
        if self.proc.stdin:
            try:
                self.proc.stdin.close()
            except OSError:
                pass
        self.out.join(2)
        self.err.join(2)
        return self.proc.returncode


# ---- /proc over a process tree -------------------------------------------------------------

def _stat_fields(pid):
    with open(f"/proc/{pid}/stat", "rb") as f:
        data = f.read().decode("ascii", "replace")
    # The command name may hold spaces and parentheses: split after the last ')'.
    return data[data.rindex(")") + 2 :].split()


def tree_pids(root):
    """root and all its descendants, from the ppid field of /proc/*/stat."""
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            ppid = int(_stat_fields(entry)[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    result, todo = [], [root]
    while todo:
        pid = todo.pop()
        result.append(pid)
        todo.extend(children.get(pid, []))
    return result


def _status_kib(pid, key):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def rss_kib(pids):
    return sum(_status_kib(p, "VmRSS") for p in pids)


def hwm_kib(pids):
    return sum(_status_kib(p, "VmHWM") for p in pids)


def cpu_ticks(pids):
    total = 0
    for pid in pids:
        try:
            fields = _stat_fields(pid)
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except (OSError, ValueError, IndexError):
            pass
    return total


def cpu_ns(pids):
    """Sum over all threads of the time on CPU in ns (/proc/PID/task/TID/schedstat), a finer
    clock than utime+stime; None when the kernel has no schedstat."""
    total = 0
    for pid in pids:
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/schedstat") as f:
                    total += int(f.read().split()[0])
            except FileNotFoundError:
                continue
            except (OSError, ValueError, IndexError):
                return None
    return total


def context_switches(pids):
    """Voluntary + involuntary context switches over all threads: a process that polls wakes up."""
    total = 0
    for pid in pids:
        try:
            tids = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for tid in tids:
            try:
                with open(f"/proc/{pid}/task/{tid}/status") as f:
                    for line in f:
                        if line.startswith(("voluntary_ctxt_switches:", "nonvoluntary_ctxt_switches:")):
                            total += int(line.split()[1])
            except OSError:
                continue
    return total


def inotify_watches(pids):
    """Number of inotify watches the tree holds (fdinfo of its inotify descriptors)."""
    total = 0
    for pid in pids:
        try:
            fds = os.listdir(f"/proc/{pid}/fd")
        except OSError:
            continue
        for fd in fds:
            try:
                if os.readlink(f"/proc/{pid}/fd/{fd}") != "anon_inode:inotify":
                    continue
                with open(f"/proc/{pid}/fdinfo/{fd}") as f:
                    total += sum(1 for line in f if line.startswith("inotify wd:"))
            except OSError:
                continue
    return total


class Usage:
    """CPU used by a process tree between two points in time."""

    def __init__(self, root_pid):
        self.root = root_pid
        self.pids = tree_pids(root_pid)
        self.t0 = now_ns()
        self.ticks0 = cpu_ticks(self.pids)
        self.ns0 = cpu_ns(self.pids)
        self.switches0 = context_switches(self.pids)

    def finish(self):
        pids = tree_pids(self.root)
        wall = (now_ns() - self.t0) / 1e9
        ticks = cpu_ticks(pids) - self.ticks0
        ns1 = cpu_ns(pids)
        result = {
            "wall_s": round(wall, 3),
            "cpu_ticks": ticks,
            "cpu_percent": round(100.0 * ticks / CLOCK_TICKS / wall, 2) if wall > 0 else None,
            "context_switches": context_switches(pids) - self.switches0,
        }
        if self.ns0 is not None and ns1 is not None:
            result["cpu_percent_schedstat"] = round(100.0 * (ns1 - self.ns0) / 1e9 / wall, 3)
        return result


def wait_for_any(readers, predicate, timeout_s):
    """The first line satisfying predicate(text) on any of the readers (e.g. stdout and stderr,
    when it is not certain which one a message goes to), as wait_for returns it; None on timeout."""
    deadline = time.monotonic() + timeout_s
    while True:
        for reader in readers:
            found = reader.wait_for(predicate, 0)
            if found:
                return found
        if time.monotonic() >= deadline or all(reader.closed for reader in readers):
            return None
        time.sleep(0.05)
