"""Measurement 4: request round trips of an official-SDK client straight to the example server
and through `foxreload proxy` to the same server; and over Streamable HTTP, straight to an HTTP
server and through `foxreload proxy --listen` (the HTTP front) in front of the same server."""

import json
import os
import re
import shutil
import subprocess
import time

from . import projects
from .stats import percentile
from .watchers import NODE_DIR


def proxy_available(binary):
    """True when this binary has a working `proxy` command."""
    try:
        done = subprocess.run([binary, "proxy", "--help"], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0 and "proxy" in (done.stdout + done.stderr).lower()


def _client(server_argv, cwd, env, method, latency, throughput_s, concurrency, sequential_s, url=None):
    script = os.path.join(NODE_DIR, "mcp-rtt.mjs")
    argv = ["node", script, "--method", method, "--latency", str(latency), "--throughput-s", str(throughput_s),
            "--concurrency", str(concurrency), "--sequential-s", str(sequential_s), "--cwd", cwd]
    argv += ["--url", url] if url else ["--", *server_argv]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120 + throughput_s + sequential_s, env=env,
                          cwd=cwd)
    if done.returncode != 0 or not done.stdout.strip():
        return {"error": (done.stderr or done.stdout).strip()[-600:] or f"exit {done.returncode}"}
    data = json.loads(done.stdout.strip().splitlines()[-1])
    samples = data["latency"]["samplesMs"]
    return {
        "connect_ms": data["connectMs"],
        "p50_ms": percentile(samples, 50),
        "p99_ms": percentile(samples, 99),
        "max_ms": max(samples) if samples else None,
        "n": len(samples),
        "requests_per_s": data["throughput"]["perSecond"],
        "sequential_per_s": (data.get("sequential") or {}).get("perSecond"),
        "concurrency": concurrency,
        "errors": data["errors"],
    }


def _median(values):
    values = sorted(v for v in values if v is not None)
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def _paired_ratio(baseline_runs, measured_runs, key):
    """The median of each round's measured ÷ baseline: the two ran back to back, so a round the
    shared machine slowed down slows both, where a ratio of the two medians takes one from a fast
    round and the other from a slow one (0.57× to 1.01× for one binary in one hour)."""
    ratios = [m[key] / b[key] for b, m in zip(baseline_runs, measured_runs) if b.get(key) and m.get(key)]
    return round(_median(ratios), 3) if ratios else None


def _combine(runs):
    """The median of each figure over the rounds (the machine is shared: one round can be unlucky)."""
    if any("error" in r for r in runs):
        return next(r for r in runs if "error" in r)
    combined = {key: _median([r[key] for r in runs]) for key in
                ("connect_ms", "p50_ms", "p99_ms", "max_ms", "requests_per_s", "sequential_per_s")}
    combined["n"] = sum(r["n"] for r in runs)
    combined["errors"] = sum(r["errors"] for r in runs)
    combined["concurrency"] = runs[0]["concurrency"]
    combined["rounds"] = len(runs)
    return combined


def measure(binary, tmp, methods, latency, throughput_s, concurrency, rounds=3, sequential_s=None):
    """Direct and proxied runs alternate (direct first in odd rounds, proxy first in even ones), so
    that load from other work on the machine falls on both; each figure is the median over rounds,
    and the added latency is the median of the per-round differences."""
    result = {"available": True, "rounds": rounds}
    if sequential_s is None:
        sequential_s = throughput_s
    if not shutil.which("node") or not os.path.isdir(os.path.join(NODE_DIR, "node_modules", "@modelcontextprotocol")):
        return {"available": False, "note": "node or bench/node/node_modules missing (npm ci --prefix bench/node)"}
    if not proxy_available(binary):
        return {"available": False,
                "note": "`foxreload proxy` is not in this binary yet; this part runs once it is"}
    server = projects.copy_server(os.path.join(tmp, "proxy", "reynard"))
    env = projects.bench_env(tmp)
    direct_argv = [projects.PYTHON, "main.py"]
    proxy_argv = [binary, "proxy", "--no-game", "--db", os.path.join(tmp, "proxy-history.sqlite"), "--",
                  projects.PYTHON, "main.py"]
    result["commands"] = {"direct": " ".join(direct_argv), "proxy": " ".join(proxy_argv),
                          "client": f"node bench/node/mcp-rtt.mjs --method M --latency {latency} "
                                    f"--throughput-s {throughput_s} --concurrency {concurrency} "
                                    f"--sequential-s {sequential_s} -- SERVER"}
    for method in methods:
        result[method] = _compare(direct_argv, proxy_argv, server, env, method, latency, throughput_s, concurrency,
                                  rounds, sequential_s)
    result["lean"] = _measure_lean(binary, tmp, env, latency, throughput_s, concurrency, rounds, sequential_s)
    result["http_front"] = guarded_http_front(binary, tmp, methods, latency, throughput_s, concurrency, rounds,
                                              sequential_s, env)
    return result


def _compare(direct_argv, proxy_argv, cwd, env, method, latency, throughput_s, concurrency, rounds, sequential_s):
    """One method, direct and proxied in alternating order over the rounds."""
    runs = {"direct": [], "proxy": []}
    for round_index in range(rounds):
        order = ("direct", "proxy") if round_index % 2 == 0 else ("proxy", "direct")
        for label in order:
            argv = direct_argv if label == "direct" else proxy_argv
            runs[label].append(_client(argv, cwd, env, method, latency, throughput_s, concurrency, sequential_s))
    entry = {label: _combine(runs[label]) for label in runs}
    direct, through = entry["direct"], entry["proxy"]
    if "error" not in direct and "error" not in through:
        entry["added_p50_ms"] = round(_median([p["p50_ms"] - d["p50_ms"]
                                               for d, p in zip(runs["direct"], runs["proxy"])]), 3)
        entry["added_p99_ms"] = round(_median([p["p99_ms"] - d["p99_ms"]
                                               for d, p in zip(runs["direct"], runs["proxy"])]), 3)
        entry["throughput_ratio"] = _paired_ratio(runs["direct"], runs["proxy"], "requests_per_s")
        entry["sequential_ratio"] = _paired_ratio(runs["direct"], runs["proxy"], "sequential_per_s")
    return entry


# A server whose own cost per request is a JSON.parse and a short string (no SDK): what the proxy
# costs is not hidden behind the server's work.
LEAN_SERVER = os.path.join(NODE_DIR, "lean-server.mjs")


def _measure_lean(binary, tmp, env, latency, throughput_s, concurrency, rounds, sequential_s):
    """ping, direct and through the proxy, against bench/node/lean-server.mjs."""
    work = os.path.join(tmp, "proxy-lean")
    os.makedirs(work, exist_ok=True)
    shutil.copy(LEAN_SERVER, os.path.join(work, "server.mjs"))
    direct_argv = ["node", "server.mjs"]
    proxy_argv = [binary, "proxy", "--no-game", "--db", os.path.join(tmp, "proxy-lean-history.sqlite"), "--",
                  "node", "server.mjs"]
    return {"commands": {"direct": " ".join(direct_argv), "proxy": " ".join(proxy_argv)},
            "ping": _compare(direct_argv, proxy_argv, work, env, "ping", latency, throughput_s, concurrency, rounds,
                             sequential_s)}


# The HTTP server of the HTTP-front measurement: the conformance fixture (v1 SDK 1.32.2, from
# tests/mcp-clients), which serves Streamable HTTP itself (`--http`) or stdio behind the front.
FIXTURE = os.path.join(projects.REPO_DIR, "tests", "fixtures", "conformance-server", "server.mjs")
FIXTURE_SDK = os.path.join(projects.REPO_DIR, "tests", "mcp-clients", "node_modules", "@modelcontextprotocol", "sdk")


def _start_and_find_url(argv, log_path, pattern, cwd, env, timeout_s=60):
    """Starts a server whose stderr (a file, so that it never blocks) names its URL."""
    log = open(log_path, "w")
    process = subprocess.Popen(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                               stderr=log)
    log.close()
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline and process.poll() is None:
        with open(log_path, encoding="utf-8", errors="replace") as text:
            match = re.search(pattern, text.read())
        if match:
            return process, match.group(1)
        time.sleep(0.1)
    _stop(process)
    with open(log_path, encoding="utf-8", errors="replace") as text:
        raise RuntimeError(f"{argv[0]} did not say where it listens: {text.read()[-400:]}")


def _stop(process):
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def guarded_http_front(*args):
    try:
        return measure_http_front(*args)
    except (OSError, RuntimeError, subprocess.SubprocessError) as error:
        return {"available": False, "note": f"failed: {error}"}


def measure_http_front(binary, tmp, methods, latency, throughput_s, concurrency, rounds, sequential_s, env):
    """The same client over Streamable HTTP (StreamableHTTPClientTransport): straight to the fixture's
    own HTTP endpoint, and to `foxreload proxy --listen 127.0.0.1:0` with the fixture on stdio behind
    it. Both servers run the whole time; the rounds alternate as for stdio."""
    if not os.path.isdir(FIXTURE_SDK):
        return {"available": False, "note": "tests/mcp-clients/node_modules missing (npm ci there)"}
    work = os.path.join(tmp, "http-front")
    os.makedirs(work, exist_ok=True)
    # JSON answers, as the front gives them, so that both paths answer in the same form.
    direct_argv = ["node", FIXTURE, "--http", "--port", "0", "--json-response"]
    front_argv = [binary, "proxy", "--listen", "127.0.0.1:0", "--json", "--no-game", "--no-socket", "--db",
                  os.path.join(work, "history.sqlite"), "--watch", work, "--", "node", FIXTURE]
    result = {"available": True, "rounds": rounds,
              "commands": {"direct": " ".join(direct_argv), "front": " ".join(front_argv),
                           "client": "node bench/node/mcp-rtt.mjs --method M --url URL (same figures as stdio)"}}
    direct, direct_url = _start_and_find_url(direct_argv, os.path.join(work, "direct.log"),
                                             r"listening (http://\S+)", work, env)
    try:
        front, front_url = _start_and_find_url(front_argv, os.path.join(work, "front.log"),
                                               r'"url":"(http://[^"]+)"', work, env)
    except RuntimeError:
        _stop(direct)
        raise
    try:
        for method in methods:
            runs = {"direct": [], "front": []}
            for round_index in range(rounds):
                order = ("direct", "front") if round_index % 2 == 0 else ("front", "direct")
                for label in order:
                    url = direct_url if label == "direct" else front_url
                    runs[label].append(_client(None, work, env, method, latency, throughput_s, concurrency,
                                               sequential_s, url=url))
            entry = {label: _combine(runs[label]) for label in runs}
            d, f = entry["direct"], entry["front"]
            if "error" not in d and "error" not in f:
                entry["added_p50_ms"] = round(_median([b["p50_ms"] - a["p50_ms"]
                                                       for a, b in zip(runs["direct"], runs["front"])]), 3)
                entry["added_p99_ms"] = round(_median([b["p99_ms"] - a["p99_ms"]
                                                       for a, b in zip(runs["direct"], runs["front"])]), 3)
                entry["throughput_ratio"] = _paired_ratio(runs["direct"], runs["front"], "requests_per_s")
                entry["sequential_ratio"] = _paired_ratio(runs["direct"], runs["front"], "sequential_per_s")
            result[method] = entry
    finally:
        _stop(front)
        _stop(direct)
    return result
