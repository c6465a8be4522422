"""Measurements 3 and 5: save → reload done on the example server (hot reload, full restart),
the server's own cold start, and the soak of many reloads in a row."""

import json
import os
import subprocess
import time

from . import procs, projects
from .stats import shift_ms, summary_ms

INITIALIZE = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
              "params": {"protocolVersion": "2025-11-25", "capabilities": {},
                         "clientInfo": {"name": "foxreload-bench", "version": "1"}}}
INITIALIZED = {"jsonrpc": "2.0", "method": "notifications/initialized"}
TOOLS_LIST = {"jsonrpc": "2.0", "id": 2, "method": "tools/list"}


def cold_start(server_dir, runs):
    """Spawns `python3 main.py` and times the initialize answer, then the tools/list answer
    (FoxReload's readiness check is the whole handshake, initialize + tools/list)."""
    to_initialize, to_tools = [], []
    for _ in range(runs):
        answered, listed = _cold_start_once(server_dir)
        to_initialize.append(answered)
        to_tools.append(listed)
        time.sleep(0.05)
    return {"initialize_ms": summary_ms(to_initialize), "handshake_ms": summary_ms(to_tools)}


def _cold_start_once(server_dir):
    """One cold start: (ns to the initialize answer, ns to the tools/list answer)."""
    start = procs.now_ns()
    proc = subprocess.Popen([projects.PYTHON, "main.py"], cwd=server_dir, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            env=dict(os.environ, PYTHONUNBUFFERED="1", PYTHONDONTWRITEBYTECODE="1"))
    proc.stdin.write((json.dumps(INITIALIZE) + "\n").encode())
    proc.stdin.flush()
    line = proc.stdout.readline()
    answered = procs.now_ns()
    if b'"id": 1' not in line and b'"id":1' not in line:
        raise RuntimeError(f"unexpected answer to initialize: {line[:200]!r}")
    proc.stdin.write((json.dumps(INITIALIZED) + "\n" + json.dumps(TOOLS_LIST) + "\n").encode())
    proc.stdin.flush()
    proc.stdout.readline()
    listed = procs.now_ns()
    proc.stdin.close()
    proc.wait(10)
    return answered - start, listed - start


def _edit_and_wait(session, path, relative, counter, timeout_s):
    """Saves path with a new marker line and waits for the reload_finished event naming it.
    Returns (save→event ns, event) or (None, None) when no reload came."""
    with open(path, "rb") as f:
        original = f.read().split(b"\n# bench edit ", 1)[0]
    mark = session.mark()
    saved = projects.save_file(path, original + b"\n# bench edit %d\n" % counter)
    found = session.wait_event(lambda e: e.get("event") == "reload_finished" and relative in e.get("files", []),
                               timeout_s, mark)
    if not found:
        return None, None
    _, arrived, event = found
    return arrived - saved, event


def _summarize(harness_ns, events):
    return {
        "harness_ms": summary_ms(harness_ns),
        "totalMs": summary_ms([e["totalMs"] * 1_000_000 for e in events]),
        "detectToStartMs": summary_ms([e["detectToStartMs"] * 1_000_000 for e in events]),
        "startToReadyMs": summary_ms([e["startToReadyMs"] * 1_000_000 for e in events]),
        "failed": sum(1 for e in events if e.get("outcome") != "success"),
        "escalated": sum(1 for e in events if e.get("requested") != e.get("strategy")),
    }


def end_to_end(binary, tmp, runs, debounce_ms, gap_s=0.1, full_runs=None):
    """`runs` hot reloads, then `full_runs` (default: as many) full restarts, each followed by a cold
    start of the same server by the harness. The server's cold start varies by ±20 ms from one start
    to the next here, so the shift between the two samples is only known to a few ms at 50 pairs:
    the full profile takes 150."""
    project = projects.copy_server(os.path.join(tmp, "reload", "reynard"))
    projects.write_config(project, ["tools/", "services/", "protocol/", "config/", "main.py"],
                          projects.EXAMPLE_RULES, debounce_ms)
    # The reference server for the interleaved cold starts: a copy of its own, outside the watched tree.
    cold_copy = projects.copy_server(os.path.join(tmp, "reload", "reynard-cold"))
    full_runs = full_runs or runs
    session = projects.RunSession(binary, project, tmp)
    result = {"debounce_ms": debounce_ms, "runs": runs, "full_runs": full_runs, "command": " ".join(session.argv)}
    try:
        session.wait_started()
        cases = [("hot_reload", "tools/weather.py", runs), ("full_restart", "main.py", full_runs)]
        for strategy, relative, count in cases:
            harness, events, missed, cold = [], [], 0, []
            for i in range(count):
                took, event = _edit_and_wait(session, os.path.join(project, relative), relative, i, 15)
                if took is None:
                    missed += 1
                else:
                    harness.append(took)
                    events.append(event)
                time.sleep(gap_s)
                if strategy == "full_restart":
                    # The reference, interleaved: the same server started cold by the harness right
                    # after each restart, so both see the same load on a busy machine.
                    cold.append(_cold_start_once(cold_copy)[1])
                    time.sleep(gap_s)
            entry = _summarize(harness, events)
            if cold:
                entry["cold_start_ms"] = summary_ms(cold)
                entry["overhead_p50_ms"] = round(entry["harness_ms"]["p50"] - entry["cold_start_ms"]["p50"], 1)
                entry["overhead_shift_ms"] = shift_ms(harness, cold)
                entry["start_to_ready_overhead_p50_ms"] = round(
                    entry["startToReadyMs"]["p50"] - entry["cold_start_ms"]["p50"], 1)
            entry["missed"] = missed
            entry["performed"] = sorted({e.get("strategy") for e in events})
            result[strategy] = entry
        result["rss_foxreload_kib"] = projects.own_rss_kib(session.tool.pid)
    finally:
        session.stop()
    return result


def hot_reload_reference(binary, tmp, runs, debounce_ms, gap_s=0.1):
    """The hot reload of end_to_end with settle_ms: 0, so that a batch closes only after the quiet
    window (as before issue 17): the reference for the settle rule's gain, on the same machine load."""
    project = projects.copy_server(os.path.join(tmp, "reload", "reynard-settle-off"))
    projects.write_config(project, ["tools/", "services/", "protocol/", "config/", "main.py"],
                          projects.EXAMPLE_RULES, debounce_ms, settle_ms=0)
    session = projects.RunSession(binary, project, tmp)
    relative = "tools/weather.py"
    harness, events, missed = [], [], 0
    try:
        session.wait_started()
        for i in range(runs):
            took, event = _edit_and_wait(session, os.path.join(project, relative), relative, i, 15)
            if took is None:
                missed += 1
            else:
                harness.append(took)
                events.append(event)
            time.sleep(gap_s)
    finally:
        session.stop()
    entry = _summarize(harness, events)
    entry.update({"missed": missed, "settle_ms": 0, "debounce_ms": debounce_ms})
    return entry


def _drift(sequence):
    """save → done p50 per strategy in the first and the last tenth of the soak."""
    tenth = max(1, len(sequence) // 10)
    out = {}
    for label, part in (("first_tenth", sequence[:tenth]), ("last_tenth", sequence[-tenth:])):
        out[label] = {k: summary_ms([ns for s, ns in part if s == k])["p50"]
                      for k in ("hot_reload", "service_restart", "full_restart")}
    return out


RSS_EVERY = 500  # reloads between two RSS samples in the soak


def rss_slope_per_1000(samples):
    """Least-squares slope of RSS (KiB) over reloads, in KiB per 1,000 reloads. The first sample
    (before any reload) is left out: the first reloads warm caches up once, which is not growth."""
    points = [(x, y) for x, y in samples if x > 0 and y is not None]
    if len(points) < 2:
        return None
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / spread
    return round(slope * 1000, 1)


def soak(binary, tmp, count, debounce_ms, full_every, progress=None):
    """count reloads in a row, cycling hot reload / service restart with a full restart every
    full_every-th; each edit must produce exactly its own successful reload."""
    project = projects.copy_server(os.path.join(tmp, "soak", "reynard"))
    projects.write_config(project, ["tools/", "services/", "protocol/", "config/", "main.py"],
                          projects.EXAMPLE_RULES, debounce_ms)
    session = projects.RunSession(binary, project, tmp)
    counts = {"hot_reload": 0, "service_restart": 0, "full_restart": 0}
    failed, missed, escalated, harness = 0, 0, 0, {k: [] for k in counts}
    failures = []
    sequence = []  # (strategy, ns) in order, to see whether reloads get slower over the run
    result = {"reloads": count, "debounce_ms": debounce_ms, "full_every": full_every,
              "command": " ".join(session.argv)}
    started = time.monotonic()
    try:
        session.wait_started()
        rss_start = projects.own_rss_kib(session.tool.pid)
        rss_samples = [(0, rss_start)]  # (reloads so far, FoxReload's RSS KiB), every RSS_EVERY reloads
        first_mark = session.mark()
        in_place = 0
        for i in range(count):
            if full_every and i % full_every == full_every - 1:
                strategy, relative = "full_restart", "main.py"
            else:
                strategy, relative = (("hot_reload", "tools/echo.py") if in_place % 2 == 0
                                      else ("service_restart", "services/cache.py"))
                in_place += 1
            took, event = _edit_and_wait(session, os.path.join(project, relative), relative, i, 20)
            counts[strategy] += 1
            if took is None:
                missed += 1
                failures.append({"i": i, "file": relative, "what": "no reload_finished within 20 s"})
            else:
                harness[strategy].append(took)
                sequence.append((strategy, took))
                if event.get("outcome") != "success":
                    failed += 1
                    failures.append({"i": i, "file": relative, "what": event.get("error")})
                if event.get("strategy") != strategy:
                    escalated += 1
            if (i + 1) % RSS_EVERY == 0:
                rss_samples.append((i + 1, projects.own_rss_kib(session.tool.pid)))
            if progress and i % 500 == 499:
                progress(f"soak: {i + 1}/{count} reloads, {failed} failed, {missed} missed, "
                         f"RSS {rss_samples[-1][1]} KiB")
        time.sleep(0.5)
        finished = [e for _, e in session.events(first_mark)
                    if e.get("event") == "reload_finished" and e.get("trigger") == "file_change"]
        crashes = [e for _, e in session.events(first_mark)
                   if e.get("event") == "reload_finished" and e.get("trigger") == "crash_restart"]
        result.update({
            "by_strategy": counts,
            "failed": failed,
            "missed": missed,
            "escalated": escalated,
            "reload_events": len(finished),
            "crash_restarts": len(crashes),
            "failures": failures[:20],
            "harness_ms": {k: summary_ms(v) for k, v in harness.items()},
            "drift_ms": _drift(sequence),
            "rss_start_kib": rss_start,
            "rss_end_kib": projects.own_rss_kib(session.tool.pid),
            "rss_every": RSS_EVERY,
            "rss_samples_kib": rss_samples,
            "rss_slope_kib_per_1000": rss_slope_per_1000(rss_samples),
            "duration_s": round(time.monotonic() - started, 1),
        })
    finally:
        session.stop()
    return result
