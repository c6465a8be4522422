"""The watchers compared in the detection benchmark: how to start each on a tree (with the
node_modules-like tree excluded), how to read a path out of its output line, and whether it
says when it is ready. A tool that is not installed is skipped with a note."""

import json
import os
import shutil
import statistics
import subprocess
import time

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NODE_DIR = os.path.join(BENCH_DIR, "node")


def _run(argv):
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20)
        return (done.stdout + done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""


def _package_version(name):
    try:
        with open(os.path.join(NODE_DIR, "node_modules", name, "package.json")) as f:
            return json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        return None


class Watcher:
    name = ""
    claims_ready = False  # prints something when its watches are in place

    def __init__(self):
        self.version = None
        self.note = None  # why it is skipped, or how it is run

    def available(self):
        return True

    def argv(self, tree):
        raise NotImplementedError

    def path_of(self, line):
        """The changed path named by an output line, or None."""
        raise NotImplementedError

    def is_ready_line(self, stream, line):
        return False


class FoxReloadWatch(Watcher):
    name = "foxreload watch"
    claims_ready = True

    def __init__(self, binary):
        super().__init__()
        self.binary = binary
        self.version = _run([binary, "--version"]).splitlines()[-1] if os.path.exists(binary) else None

    def available(self):
        if not os.access(self.binary, os.X_OK):
            self.note = f"binary {self.binary} not found (build it first)"
            return False
        return True

    def argv(self, tree):
        return [self.binary, "watch", "--exclude", "**/node_modules", tree.root]

    def command_text(self):
        return "foxreload watch --exclude '**/node_modules' ROOT"

    def path_of(self, line):
        kind, _, path = line.partition(" ")
        return path if kind in ("modified", "created") else None

    def is_ready_line(self, stream, line):
        return stream == "err" and line.startswith("watching ")


class InotifyWait(Watcher):
    name = "inotifywait"
    claims_ready = True

    def available(self):
        if not shutil.which("inotifywait"):
            self.note = "not installed (apt-get install inotify-tools)"
            return False
        first = _run(["inotifywait", "--help"]).splitlines()
        self.version = first[0] if first else None
        return True

    def argv(self, tree):
        return ["inotifywait", "-m", "-r", "-e", "close_write,create,delete,moved_to,moved_from",
                "--format", "%w%f", "--exclude", "/node_modules(/|$)", tree.root]

    def command_text(self):
        return ("inotifywait -m -r -e close_write,create,delete,moved_to,moved_from --format '%w%f' "
                "--exclude '/node_modules(/|$)' ROOT")

    def path_of(self, line):
        return line or None

    def is_ready_line(self, stream, line):
        return stream == "err" and line.startswith("Watches established")


class FsWatch(Watcher):
    name = "fswatch"

    def available(self):
        if not shutil.which("fswatch"):
            self.note = "not installed (apt-get install fswatch)"
            return False
        first = _run(["fswatch", "--version"]).splitlines()
        self.version = first[0] if first else None
        self.note = "run with --latency 0.01 (its default of 1 s would dominate every figure)"
        return True

    def argv(self, tree):
        return ["fswatch", "-r", "--latency", "0.01", "--event", "Updated", "--event", "Created",
                "-E", "-e", "/node_modules(/|$)", tree.root]

    def command_text(self):
        return "fswatch -r --latency 0.01 --event Updated --event Created -E -e '/node_modules(/|$)' ROOT"

    def path_of(self, line):
        return line or None


class NodeWatcher(Watcher):
    node = shutil.which("node")

    def node_ok(self, package):
        if not self.node:
            self.note = "node not installed"
            return False
        if not _package_version(package):
            self.note = f"{package} not installed (run: npm ci --prefix bench/node)"
            return False
        return True


class Chokidar(NodeWatcher):
    name = "chokidar-cli"
    claims_ready = True

    def available(self):
        if not self.node_ok("chokidar-cli"):
            return False
        self.version = f"chokidar-cli {_package_version('chokidar-cli')} (chokidar {_package_version('chokidar')})"
        return True

    def argv(self, tree):
        script = os.path.join(NODE_DIR, "node_modules", "chokidar-cli", "index.js")
        return [self.node, script, tree.root, "-i", "/\\/node_modules(\\/|$)/"]

    def command_text(self):
        return "node bench/node/node_modules/chokidar-cli/index.js ROOT -i '/\\/node_modules(\\/|$)/'"

    def path_of(self, line):
        event, _, path = line.partition(":")
        return path if event in ("change", "add") else None

    def is_ready_line(self, stream, line):
        return stream == "err" and line.startswith("Watching")


class ParcelWatcher(NodeWatcher):
    name = "@parcel/watcher"
    claims_ready = True

    def available(self):
        if not self.node_ok("@parcel/watcher"):
            return False
        self.version = f"@parcel/watcher {_package_version('@parcel/watcher')} (inotify backend)"
        return True

    def argv(self, tree):
        return [self.node, os.path.join(NODE_DIR, "parcel-watch.mjs"), "--ignore", "node_modules", tree.root]

    def command_text(self):
        return "node bench/node/parcel-watch.mjs --ignore node_modules ROOT"

    def path_of(self, line):
        kind, _, path = line.partition(" ")
        return path if kind in ("update", "create") else None

    def is_ready_line(self, stream, line):
        return stream == "err" and line.strip() == "ready"


def all_watchers(binary):
    return [FoxReloadWatch(binary), InotifyWait(), FsWatch(), Chokidar(), ParcelWatcher()]


def startup(watcher, tree, timeout_s=240.0, settle_s=0.5):
    """Ready time and memory of one start on `tree`: from spawn to the line that says the watches
    are in place (foxreload's "watching …", inotifywait's "Watches established."), then VmRSS and
    VmHWM of the process tree after settle_s."""
    from . import procs

    tool = procs.Tool(watcher.argv(tree))
    try:
        found = tool.err.wait_for(lambda text: watcher.is_ready_line("err", text), timeout_s)
        if found is None:
            return {"tool": watcher.name, "error": "never said it was ready"}
        _, arrived_ns, line = found
        time.sleep(settle_s)
        pids = procs.tree_pids(tool.pid)
        return {"tool": watcher.name, "ready_ms": round((arrived_ns - tool.started_ns) / 1e6, 1),
                "rss_kib": procs.rss_kib(pids), "rss_peak_kib": procs.hwm_kib(pids), "ready_line": line}
    finally:
        tool.stop()


def compare_startup(binary, root, files, rounds=3, make=True):
    """`foxreload watch` against inotifywait (the reference) on one tree of `files` files (plus
    its excluded tree), in alternating rounds of the same run: the median of each figure."""
    from . import trees

    tree = trees.make_tree(root, files) if make else trees.existing_tree(root)
    os.sync()  # the new files' write-back is not to run beside the starts
    contenders = [w for w in (FoxReloadWatch(binary), InotifyWait()) if w.available()]
    runs = {w.name: [] for w in contenders}
    for _ in range(rounds):
        for watcher in contenders:
            runs[watcher.name].append(startup(watcher, tree))
    result = {"files": files, "rounds": rounds, "watched_directories": trees.directory_count(tree), "tools": {}}
    for name, entries in runs.items():
        good = [e for e in entries if "error" not in e]
        if not good:
            result["tools"][name] = entries[-1]
            continue
        summary = {key: statistics.median(e[key] for e in good) for key in ("ready_ms", "rss_kib", "rss_peak_kib")}
        summary["ready_ms_each"] = [e["ready_ms"] for e in good]
        summary["rounds"] = len(good)
        result["tools"][name] = summary
    return result


if __name__ == "__main__":
    # python3 -m foxbench.watchers BINARY ROOT FILES [--existing]   (from bench/)
    import sys

    outcome = compare_startup(os.path.abspath(sys.argv[1]), sys.argv[2], int(sys.argv[3]),
                              make="--existing" not in sys.argv[4:])
    print(json.dumps(outcome, indent=2))
