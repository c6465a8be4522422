"""What the results were measured on."""

import datetime
import os
import platform
import shutil
import subprocess


def _read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None


def _cmd(argv, cwd=None):
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=20, cwd=cwd)
        return (done.stdout or done.stderr).strip()
    except (OSError, subprocess.TimeoutExpired):
        return None


def cpu_model():
    text = _read("/proc/cpuinfo") or ""
    for line in text.splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor() or None


def loadavg():
    text = _read("/proc/loadavg")
    return text.split()[:3] if text else None


def describe(tmp, repo):
    mem = _read("/proc/meminfo") or ""
    total_kib = next((int(line.split()[1]) for line in mem.splitlines() if line.startswith("MemTotal")), None)
    fs_type = _cmd(["findmnt", "-n", "-o", "FSTYPE", "--target", tmp]) or _cmd(["stat", "-f", "-c", "%T", tmp])
    return {
        "date_utc": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "cores": os.cpu_count(),
        "cpu_model": cpu_model(),
        "memory_gib": round(total_kib / 1024 / 1024, 1) if total_kib else None,
        "kernel": platform.release(),
        "os": (_cmd(["sh", "-c", ". /etc/os-release && echo \"$PRETTY_NAME\""]) or platform.platform()),
        "max_user_watches": _read("/proc/sys/fs/inotify/max_user_watches"),
        "max_queued_events": _read("/proc/sys/fs/inotify/max_queued_events"),
        "tmp_dir_fs": fs_type,
        "loadavg_start": loadavg(),
        "python": platform.python_version(),
        "node": _cmd(["node", "--version"]) if shutil.which("node") else None,
        "git_commit": _cmd(["git", "rev-parse", "--short", "HEAD"], cwd=repo),
        "git_dirty": bool(_cmd(["git", "status", "--porcelain", "--untracked-files=no", "src"], cwd=repo)),
    }
