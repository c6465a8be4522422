"""Measurement 4: request round trips of an official-SDK client straight to the example server
and through `foxreload proxy` to the same server."""

import json
import os
import shutil
import subprocess

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


def _client(server_argv, cwd, env, method, latency, throughput_s, concurrency):
    script = os.path.join(NODE_DIR, "mcp-rtt.mjs")
    argv = ["node", script, "--method", method, "--latency", str(latency), "--throughput-s", str(throughput_s),
            "--concurrency", str(concurrency), "--cwd", cwd, "--", *server_argv]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120 + throughput_s, env=env, cwd=cwd)
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
        "concurrency": concurrency,
        "errors": data["errors"],
    }


def measure(binary, tmp, methods, latency, throughput_s, concurrency):
    result = {"available": True}
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
                                    f"--throughput-s {throughput_s} --concurrency {concurrency} -- SERVER"}
    for method in methods:
        entry = {}
        for label, argv in (("direct", direct_argv), ("proxy", proxy_argv)):
            entry[label] = _client(argv, server, env, method, latency, throughput_s, concurrency)
        direct, through = entry["direct"], entry["proxy"]
        if "error" not in direct and "error" not in through:
            entry["added_p50_ms"] = round(through["p50_ms"] - direct["p50_ms"], 3)
            entry["added_p99_ms"] = round(through["p99_ms"] - direct["p99_ms"], 3)
        result[method] = entry
    return result
