"""Measurement 1: detection latency, ready time, memory and CPU of each watcher on one tree."""

import os
import random
import time

from . import procs
from .stats import summary_ms
from .trees import append_line

PROBE_PERIOD_S = 0.02
READY_TIMEOUT_S = 240.0


class PathIndex:
    """Arrival times of output lines per path, built incrementally from a LineReader."""

    def __init__(self, reader, path_of):
        self.reader = reader
        self.path_of = path_of
        self.next = 0
        self.arrivals = {}  # path -> [ns, ...] ascending
        self.unparsed = 0

    def update(self):
        lines = self.reader.snapshot()
        for arrived, text in lines[self.next :]:
            path = self.path_of(text)
            if path is None:
                self.unparsed += 1
                continue
            self.arrivals.setdefault(path, []).append(arrived)
        self.next = len(lines)

    def first_at_or_after(self, path, since_ns):
        for arrived in self.arrivals.get(path, ()):
            if arrived >= since_ns:
                return arrived
        return None

    def count_at_or_after(self, path, since_ns):
        return sum(1 for arrived in self.arrivals.get(path, ()) if arrived >= since_ns)


def _probe_dirs(tree):
    """Four directories spread over the walk order: a watcher is ready when it reports
    changes everywhere, not only where it happened to start."""
    dirs = tree.dirs
    return [dirs[d] for d in sorted({0, len(dirs) // 3, (2 * len(dirs)) // 3, len(dirs) - 1})]


def _claim_time(tool, watcher):
    for stream, reader in (("err", tool.err), ("out", tool.out)):
        for arrived, text in reader.snapshot():
            if watcher.is_ready_line(stream, text):
                return arrived, text
    return None, None


def _wait_ready(tool, watcher, tree, index, made_probes):
    """Every 20 ms, creates one new file in each probe directory (new names each round, so a
    round is recognised by its paths alone) until one round is reported in full.
    Returns (verified_ns or None, claimed_ns or None, claim_line)."""
    probe_dirs = _probe_dirs(tree)
    rounds = []  # (after_ns, [paths])
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if not tool.alive():
            break
        paths = [f"{d}/probe{len(rounds):05d}.py" for d in probe_dirs]
        for path in paths:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            os.write(fd, b"# probe\n")
            os.close(fd)
        made_probes.extend(paths)
        rounds.append((procs.now_ns(), paths))
        tool.pump.run(PROBE_PERIOD_S)
        index.update()
        for round_after, round_paths in rounds:
            if all(p in index.arrivals for p in round_paths):
                claimed, line = _claim_time(tool, watcher)
                if watcher.claims_ready and claimed is None:
                    # Give the claim line a moment: it may be written after the watches work.
                    tool.pump.run(0.2)
                    claimed, line = _claim_time(tool, watcher)
                return round_after, claimed, line
    claimed, line = _claim_time(tool, watcher)
    return None, claimed, line


def _edit_series(tool, targets, spacing_s):
    made = []
    start = time.monotonic()
    for i, path in enumerate(targets):
        tool.pump.run_until(start + i * spacing_s)
        made.append((path,) + append_line(path))
    tool.pump.run_until(start + len(targets) * spacing_s)
    return made


def _match(index, made):
    latencies, missed, duplicates = [], 0, 0
    for path, before, after in made:
        arrived = index.first_at_or_after(path, before)
        if arrived is None:
            missed += 1
            continue
        latencies.append(arrived - after)
        duplicates += max(0, index.count_at_or_after(path, before) - 1)
    return latencies, missed, duplicates


def measure(watcher, tree, edits, spacing_s, idle_s, excluded_edits, seed, grace_s=3.0, rate_edits=0):
    """rate_edits > 0 adds a phase of that many edits at 100 per second, for the CPU figure."""
    result = {"tool": watcher.name, "files": len(tree.files), "excluded_files": len(tree.excluded_files)}
    tool = procs.Tool(watcher.argv(tree), pumped=True)
    probes = []
    try:
        index = PathIndex(tool.out, watcher.path_of)
        verified, claimed, claim_line = _wait_ready(tool, watcher, tree, index, probes)
        result["ready_claimed_ms"] = round((claimed - tool.started_ns) / 1e6, 1) if claimed else None
        result["ready_verified_ms"] = round((verified - tool.started_ns) / 1e6, 1) if verified else None
        result["ready_line"] = claim_line
        if verified is None:
            result["error"] = "never reported a probe edit" + (
                "" if tool.alive() else f" (exited with {tool.proc.poll()})")
            result["stderr_tail"] = [t for _, t in tool.err.snapshot()[-5:]]
            return result
        pids = procs.tree_pids(tool.pid)
        result["processes"] = len(pids)
        result["inotify_watches"] = procs.inotify_watches(pids)
        drain_s = min(1.0, grace_s)
        tool.pump.run(drain_s)  # the last probe rounds drain

        usage = procs.Usage(tool.pid)
        tool.pump.run(idle_s)
        result["idle"] = usage.finish()
        result["rss_idle_kib"] = procs.rss_kib(procs.tree_pids(tool.pid))

        rng = random.Random(seed)
        targets = rng.sample(tree.files, edits)
        usage = procs.Usage(tool.pid)
        made = _edit_series(tool, targets, spacing_s)
        result["during_edits"] = usage.finish()
        result["edits_per_s"] = round(1.0 / spacing_s, 1)

        excluded_start = procs.now_ns()
        for path in rng.sample(tree.excluded_files, excluded_edits):
            append_line(path)
            tool.pump.run(0.02)
        tool.pump.run(grace_s)
        pids = procs.tree_pids(tool.pid)
        result["rss_kib"] = procs.rss_kib(pids)
        result["rss_peak_kib"] = procs.hwm_kib(pids)

        index.update()
        latencies, missed, duplicates = _match(index, made)
        excluded_root = tree.excluded_root + "/"
        leaks = sum(
            index.count_at_or_after(p, excluded_start) for p in index.arrivals if p.startswith(excluded_root))
        result["latency_ms"] = summary_ms(latencies)
        result["latencies_ns"] = latencies
        result["edits"] = len(made)
        result["missed"] = missed
        result["duplicate_lines"] = duplicates
        result["excluded_edits"] = excluded_edits
        result["excluded_reported"] = leaks
        result["negative_latencies"] = sum(1 for v in latencies if v < 0)

        if rate_edits:
            tool.pump.run(drain_s)
            used = set(targets)
            rate_targets = rng.sample([p for p in tree.files if p not in used], rate_edits)
            usage = procs.Usage(tool.pid)
            rate_made = _edit_series(tool, rate_targets, 0.01)
            rate = usage.finish()
            tool.pump.run(grace_s)
            index.update()
            rate_latencies, rate_missed, _ = _match(index, rate_made)
            rate.update({"edits": len(rate_made), "edits_per_s": 100, "missed": rate_missed,
                         "latency_ms": summary_ms(rate_latencies)})
            result["at_100_per_s"] = rate
        return result
    finally:
        tool.stop()
        for path in probes:
            os.unlink(path)
