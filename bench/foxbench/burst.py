"""Measurement 2: a `git checkout` that rewrites N files at once, under `foxreload run --json`:
how many batches, how long until the last one, and whether every changed file is in them."""

import os
import subprocess
import time

from . import procs, projects

FILES_PER_DIR = 100


def _git(project, *args):
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@localhost",
                    "-c", "core.fsmonitor=false", "-c", "gc.auto=0", *args],
                   cwd=project, check=True, capture_output=True)


def _write_data(project, count, version):
    paths = []
    for i in range(count):
        relative = f"data/d{i // FILES_PER_DIR:03d}/f{i % FILES_PER_DIR:02d}.py"
        path = os.path.join(project, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(f"VALUE = {version * 1000003 + i}\n")
        paths.append(relative)
    return paths


def measure(binary, tmp, count, repetitions, debounce_ms, settle_ms=None):
    """settle_ms None: FoxReload's default (5 ms with inotify); 0: the quiet window alone, the reference."""
    name = "reynard" if settle_ms is None else f"reynard-settle-{settle_ms}"
    project = projects.copy_server(os.path.join(tmp, "burst", name))
    _git(project, "init", "-q", "-b", "one")
    paths = _write_data(project, count, 1)
    _git(project, "add", "data")
    _git(project, "commit", "-q", "-m", "one")
    _git(project, "checkout", "-q", "-b", "two")
    _write_data(project, count, 2)
    _git(project, "commit", "-q", "-a", "-m", "two")
    # Nothing to reload for data/: the figure is the watcher and batcher's, not the server's.
    projects.write_config(project, ["data/"], [("data/**", "none", None)], debounce_ms,
                          default_strategy="none", exclude=["**/.git/**"], settle_ms=settle_ms)
    session = projects.RunSession(binary, project, tmp)
    result = {"files": count, "debounce_ms": debounce_ms, "settle_ms": settle_ms, "command": " ".join(session.argv),
              "checkout": "git checkout one|two (every file differs between the branches)", "runs": []}
    expected = set(paths)
    try:
        session.wait_started()
        watching = [e for _, e in session.events() if e.get("event") == "watching"]
        if watching:
            result["watching"] = {k: watching[0].get(k) for k in ("files", "directories", "startupMs", "backend")}
        branch = "two"
        for _ in range(repetitions):
            time.sleep(0.5)
            branch = "one" if branch == "two" else "two"
            mark = session.mark()
            started = procs.now_ns()
            _git(project, "checkout", "-q", branch)
            checked_out = procs.now_ns()
            projects.wait_quiet(session.tool.out, quiet_s=2.0, max_s=60.0)
            batches, seen, skipped, last_arrival, first_arrival, raw = 0, set(), 0, None, None, 0
            for arrived, event in session.events(mark):
                kind = event.get("event")
                if kind not in ("batch", "batch_skipped"):
                    continue
                batches += 1
                skipped += kind == "batch_skipped"
                raw += event.get("rawEvents", 0)
                first_arrival = first_arrival or arrived
                last_arrival = arrived
                seen.update(f["path"] for f in event.get("files", []))
            result["runs"].append({
                "branch": branch,
                "checkout_ms": round((checked_out - started) / 1e6, 1),
                "batches": batches,
                "skipped_batches": skipped,
                "raw_events": raw,
                "files_reported": len(seen & expected),
                "missed": len(expected - seen),
                "unexpected": len(seen - expected),
                "first_batch_after_start_ms": round((first_arrival - started) / 1e6, 1) if first_arrival else None,
                "settled_after_start_ms": round((last_arrival - started) / 1e6, 1) if last_arrival else None,
                "settled_after_checkout_ms": round((last_arrival - checked_out) / 1e6, 1) if last_arrival else None,
                "warnings": [e.get("message") for _, e in session.events(mark) if e.get("event") == "warning"][:5],
            })
        result["rss_foxreload_kib"] = projects.own_rss_kib(session.tool.pid)
    finally:
        session.stop()
    return result
