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
