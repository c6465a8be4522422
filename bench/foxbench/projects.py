"""Copies of the example server with a bench config, and `foxreload run --json` on them."""

import json
import os
import shutil
import sys
import time

from . import procs

REPO_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE_DIR = os.path.join(REPO_DIR, "examples", "reynard-server")
# The interpreter itself, not a shim on PATH (pyenv's adds tens of ms to every start): FoxReload
# and the harness's cold-start measurement start exactly the same program.
PYTHON = os.path.realpath(sys.executable)


def copy_server(dest):
    shutil.copytree(EXAMPLE_DIR, dest, ignore=shutil.ignore_patterns("tests", "__pycache__", ".foxreload.yaml"))
    return dest


def _yaml_list(items):
    return "[" + ", ".join(json.dumps(i) for i in items) + "]"


def write_config(project, watch_paths, rules, debounce_ms, default_strategy="full_restart",
                 exclude=("**/__pycache__/**", "**/tests/**", "**/*.pyc", "**/.*"), max_wait_ms=1000, cwd=".",
                 settle_ms=None):
    rule_lines = "\n".join(
        f"  - {{match: {json.dumps(m)}, strategy: {s}" + (f", components: {_yaml_list(c)}" if c else "") + "}"
        for m, s, c in rules)
    # settle_ms left out: FoxReload's default (5 ms with inotify); 0 is the plain quiet window.
    settle = "" if settle_ms is None else f"\n  settle_ms: {settle_ms}"
    text = f"""# Written by bench/run: the example server's rules, without the rate limit.
server:
  command: {json.dumps(PYTHON)}
  args: [main.py]
  cwd: {json.dumps(cwd)}
  env: {{PYTHONUNBUFFERED: "1", PYTHONDONTWRITEBYTECODE: "1"}}
watch:
  paths: {_yaml_list(watch_paths)}
  exclude: {_yaml_list(exclude)}
  debounce_ms: {debounce_ms}
  max_wait_ms: {max_wait_ms}
  max_reloads_per_minute: 0{settle}
rules:
{rule_lines}
default_strategy: {default_strategy}
gamification: {{enabled: false}}
"""
    path = os.path.join(project, ".foxreload.yaml")
    with open(path, "w") as f:
        f.write(text)
    return path


EXAMPLE_RULES = [
    ("main.py", "full_restart", None),
    ("protocol/**", "full_restart", None),
    ("tools/**/*.py", "hot_reload", ["tool_registry"]),
    ("services/**/*.py", "service_restart", ["services"]),
    ("config/**/*.{json,yaml}", "hot_reload", None),
]


def bench_env(tmp):
    """FoxReload's trust store, history and settings live in the bench's temporary directory."""
    env = dict(os.environ)
    for key, sub in (("XDG_CONFIG_HOME", "config"), ("XDG_DATA_HOME", "data"), ("XDG_STATE_HOME", "state"),
                     ("XDG_CACHE_HOME", "cache")):
        env[key] = os.path.join(tmp, "xdg", sub)
        os.makedirs(env[key], exist_ok=True)
    env["LC_ALL"] = "C.UTF-8"
    return env


class RunSession:
    """`foxreload run --json` on a project; JSON events parsed from the stamped lines."""

    def __init__(self, binary, project, tmp, extra_args=()):
        self.argv = [binary, "run", "--json", "--trust", "--no-game", "--quiet",
                     "--db", os.path.join(tmp, "history.sqlite"),
                     "--config", os.path.join(project, ".foxreload.yaml"), *extra_args]
        self.tool = procs.Tool(self.argv, cwd=project, env=bench_env(tmp))
        self.next = 0

    def events(self, start=0):
        out = []
        for arrived, text in self.tool.out.snapshot()[start:]:
            try:
                out.append((arrived, json.loads(text)))
            except ValueError:
                continue
        return out

    def wait_event(self, predicate, timeout_s, start_index=0):
        def matches(text):
            try:
                event = json.loads(text)
            except ValueError:
                return False
            return predicate(event)

        found = self.tool.out.wait_for(matches, timeout_s, start_index)
        if not found:
            return None
        index, arrived, text = found
        return index, arrived, json.loads(text)

    def wait_started(self, timeout_s=60):
        found = self.wait_event(lambda e: e.get("event") == "reload_finished" and e.get("trigger") == "startup",
                                timeout_s)
        if not found:
            tail = [t for _, t in self.tool.err.snapshot()[-10:]]
            raise RuntimeError(f"foxreload run did not start the server: {tail}")
        return found

    def mark(self):
        return self.tool.out.count()

    def stop(self):
        return self.tool.stop(grace_s=10)


def save_file(path, content):
    """An editor's in-place save: truncate, write, close. Returns the ns just after close()."""
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    os.write(fd, content)
    os.close(fd)
    return procs.now_ns()


def own_rss_kib(pid):
    return procs.rss_kib([pid])


def wait_quiet(reader, quiet_s, max_s):
    """Waits until reader got no line for quiet_s (at most max_s)."""
    deadline = time.monotonic() + max_s
    last = reader.count()
    last_change = time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        count = reader.count()
        if count != last:
            last, last_change = count, time.monotonic()
        elif time.monotonic() - last_change >= quiet_s:
            return
