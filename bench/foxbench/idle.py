"""Idle cost of `foxreload run`, `proxy` and `watch` with the resource monitor and the Prometheus
endpoint on (issue 14): FoxReload's own CPU and wake-ups (context switches of all its threads)
while nothing happens. Each command first works a little (an edit, a scrape, a request), so the
monitor has sampled, then gets `settle_s` to fall quiet (the monitor samples every 2 s and stops
6 s after the last activity), then is measured for `idle_s`. Target: 0.000 % and 0 wake-ups."""

import json
import os
import shutil
import time
import urllib.request

from . import procs, projects


def _measure(pid, idle_s):
    t0, ns0, sw0 = procs.now_ns(), procs.cpu_ns([pid]), procs.context_switches([pid])
    time.sleep(idle_s)
    wall = (procs.now_ns() - t0) / 1e9
    ns1, sw1 = procs.cpu_ns([pid]), procs.context_switches([pid])
    return {"wall_s": round(wall, 3), "context_switches": sw1 - sw0,
            "cpu_percent_schedstat": None if ns0 is None or ns1 is None
            else round(100.0 * (ns1 - ns0) / 1e9 / wall, 3)}


def _scrape(*readers):
    """The /metrics address as FoxReload says it (stderr, or an `info` event with --json), scraped once."""
    found = procs.wait_for_any(readers, lambda text: "metrics on http://" in text, 15)
    if not found:
        return None
    address = found[2].split("http://", 1)[1].split("/", 1)[0].split('"', 1)[0]
    urllib.request.urlopen(f"http://{address}/metrics", timeout=10).read()
    return address


def _run(binary, tmp, idle_s, settle_s):
    project = projects.copy_server(os.path.join(tmp, "idle", "run"))
    projects.write_config(project, ["."], projects.EXAMPLE_RULES, 50)
    session = projects.RunSession(binary, project, tmp, ["--metrics", "127.0.0.1:0"])
    try:
        session.wait_started()
        address = _scrape(session.tool.out, session.tool.err)
        mark = session.mark()
        with open(os.path.join(project, "tools", "weather.py"), "a") as f:
            f.write("\n# idle bench\n")
        session.wait_event(lambda e: e.get("event") == "reload_finished", 30, mark)
        time.sleep(settle_s)
        return {"metrics": address, **_measure(session.tool.pid, idle_s)}
    finally:
        session.stop()
        shutil.rmtree(project, ignore_errors=True)


def _proxy(binary, tmp, idle_s, settle_s):
    project = projects.copy_server(os.path.join(tmp, "idle", "proxy"))
    config = projects.write_config(project, ["."], projects.EXAMPLE_RULES, 50)
    argv = [binary, "proxy", "--trust", "--no-game", "--db", os.path.join(tmp, "idle-proxy.sqlite"),
            "--config", config, "--metrics", "127.0.0.1:0"]
    tool = procs.Tool(argv, cwd=project, env=projects.bench_env(tmp), stdin=True)
    try:
        initialize = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                      "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                                 "clientInfo": {"name": "foxbench-idle", "version": "1"}}}
        tool.proc.stdin.write((json.dumps(initialize) + "\n").encode())
        tool.proc.stdin.write(b'{"jsonrpc":"2.0","method":"notifications/initialized"}\n')
        tool.proc.stdin.write(b'{"jsonrpc":"2.0","id":2,"method":"tools/list"}\n')
        tool.proc.stdin.flush()
        answered = tool.out.wait_for(lambda text: '"id":2' in text.replace(" ", ""), 60)
        address = _scrape(tool.err)
        time.sleep(settle_s)
        return {"metrics": address, "answered": bool(answered), **_measure(tool.pid, idle_s)}
    finally:
        tool.stop()
        shutil.rmtree(project, ignore_errors=True)


def _watch(binary, tmp, idle_s, settle_s):
    root = os.path.join(tmp, "idle", "watch")
    os.makedirs(os.path.join(root, "src"), exist_ok=True)
    tool = procs.Tool([binary, "watch", root], cwd=root, env=projects.bench_env(tmp))
    try:
        time.sleep(1.0)
        with open(os.path.join(root, "src", "a.txt"), "w") as f:
            f.write("edit\n")
        tool.out.wait_for(lambda text: "a.txt" in text, 10)
        time.sleep(settle_s)
        # `watch` has no config, hence no monitor and no endpoint: its floor, for comparison.
        return {"note": "no session: no resource monitor, no /metrics", **_measure(tool.pid, idle_s)}
    finally:
        tool.stop()
        shutil.rmtree(root, ignore_errors=True)


def measure(binary, tmp, idle_s, settle_s):
    out = {"idle_s": idle_s, "settle_s": settle_s}
    for name, part in (("run", _run), ("proxy", _proxy), ("watch", _watch)):
        try:
            out[name] = part(binary, tmp, idle_s, settle_s)
        except Exception as error:  # one command failing leaves the others measured
            out[name] = {"error": f"{type(error).__name__}: {error}"}
    return out
