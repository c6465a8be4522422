"""`foxreload run` on a big tree: time until it watches, and its own memory (the server's not counted)."""

import os
import shutil
import time

from . import procs, projects


def measure(binary, tmp, tree):
    server = projects.copy_server(os.path.join(tree.root, "server"))
    config = projects.write_config(
        tree.root, ["."], [("server/main.py", "full_restart", None), ("server/tools/**/*.py", "hot_reload", None)],
        50, default_strategy="none",
        exclude=["**/node_modules", "**/__pycache__/**", "**/.*"], cwd="server")
    session = projects.RunSession(binary, tree.root, tmp)
    result = {"files": len(tree.files), "excluded_files": len(tree.excluded_files), "command": " ".join(session.argv)}
    try:
        found = session.wait_event(lambda e: e.get("event") == "watching", 240)
        if found:
            _, arrived, event = found
            result["watching_after_ms"] = round((arrived - session.tool.started_ns) / 1e6, 1)
            result["startupMs"] = event.get("startupMs")
            result["files_watched"] = event.get("files")
            result["pruned"] = event.get("prunedTrees")
        session.wait_started()
        time.sleep(1.0)
        result["rss_foxreload_kib"] = procs.rss_kib([session.tool.pid])
        result["rss_peak_foxreload_kib"] = procs.hwm_kib([session.tool.pid])
        result["inotify_watches"] = procs.inotify_watches([session.tool.pid])
    finally:
        session.stop()
        shutil.rmtree(server, ignore_errors=True)
        os.unlink(config)
    return result


def idle_observed(binary, tmp, idle_s, settle_s=8.0):
    """`foxreload run` on the example server, idle, without and with the Prometheus endpoint and a
    webhook (issue 14): FoxReload's own CPU and wake-ups (the server's not counted). The endpoint
    is scraped once before the idle window, so it has served and must then be quiet again. The
    start itself is activity: the resource monitor samples every 2 s until 6 s after it, so the
    window opens `settle_s` after the scrape, as in idle.py."""
    import urllib.request
    out = {}
    for mode in ("off", "on"):
        project = projects.copy_server(os.path.join(tmp, "idle-observed", mode))
        config = projects.write_config(project, ["."], projects.EXAMPLE_RULES, 50)
        extra = []
        if mode == "on":
            with open(config, "a") as f:
                # Nothing listens on the discard port: a webhook that is configured but has nothing to send.
                f.write('notifications:\n  webhooks:\n    - {url: "http://127.0.0.1:9/hook", format: slack}\n')
            extra = ["--metrics", "127.0.0.1:0"]
        session = projects.RunSession(binary, project, tmp, extra)
        try:
            session.wait_started()
            address = None
            found = (
                procs.wait_for_any(
                    [session.tool.out, session.tool.err], lambda text: "metrics on http://" in text, 10
                )
                if extra
                else None
            )
            if found:
                address = found[2].split("http://", 1)[1].split("/", 1)[0].split('"', 1)[0]
                urllib.request.urlopen(f"http://{address}/metrics", timeout=10).read()
            time.sleep(settle_s)
            pid = session.tool.pid
            t0, ns0, sw0 = procs.now_ns(), procs.cpu_ns([pid]), procs.context_switches([pid])
            time.sleep(idle_s)
            wall = (procs.now_ns() - t0) / 1e9
            ns1, sw1 = procs.cpu_ns([pid]), procs.context_switches([pid])
            out[mode] = {"wall_s": round(wall, 3), "context_switches": sw1 - sw0, "metrics": address,
                         "cpu_percent_schedstat": None if ns0 is None or ns1 is None
                         else round(100.0 * (ns1 - ns0) / 1e9 / wall, 3)}
        finally:
            session.stop()
            shutil.rmtree(project, ignore_errors=True)
    return out
