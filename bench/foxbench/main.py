"""bench/run: every measurement in order, then the table, RESULTS.md and results.json."""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time

from . import burst, idle, latency, machine, projects, proxy, reload, report, runmem, trees, watchers

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_DIR = os.path.dirname(BENCH_DIR)
PARTS = ("latency", "burst", "reload", "proxy", "idle", "soak", "startup")

# How much of each measurement a run does.
PROFILES = {
    "full": {"sizes": [1000, 10000, 100000], "edits": 200, "idle_s": 10.0, "excluded_edits": 20,
             "rate_edits": 500, "grace_s": 3.0, "burst_files": 10000, "burst_runs": 3, "reloads": 50,
             "full_restarts": 150, "cold_starts": 20, "proxy_methods": ["ping", "echo"], "proxy_latency": 2000,
             "proxy_throughput_s": 3.0, "proxy_rounds": 5, "soak": 10000, "idle_settle_s": 9.0,
             "startup_files": 1000000, "startup_rounds": 3},
    "quick": {"sizes": [1000], "edits": 30, "idle_s": 1.0, "excluded_edits": 5, "rate_edits": 50,
              "grace_s": 0.5, "burst_files": 1000, "burst_runs": 1, "reloads": 8, "full_restarts": 8, "cold_starts": 5,
              "proxy_methods": ["ping"], "proxy_latency": 300, "proxy_throughput_s": 1.0,
              "proxy_rounds": 1, "soak": 0, "idle_settle_s": 9.0,
              "startup_files": 10000, "startup_rounds": 1},
}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="bench/run",
        description="FoxReload's benchmark: detection latency against inotifywait, fswatch, chokidar-cli and "
                    "@parcel/watcher; a 10,000-file git checkout; save → reload done on the example server; "
                    "the proxy's added round trip; a soak of 10,000 reloads. It builds nothing: build "
                    "foxreload first (Release). Competitors that are not installed are skipped with a note.")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run of about two minutes: small trees, few edits, no soak")
    parser.add_argument("--binary", default=os.path.join(REPO_DIR, "build", "src", "foxreload"),
                        help="the foxreload binary (default: build/src/foxreload)")
    parser.add_argument("--out", default=None,
                        help="the report to write (default bench/RESULTS.md, or bench/work/RESULTS-quick.md "
                             "with --quick so a smoke run never replaces the full results); results.json "
                             "(results-quick.json) goes beside it")
    parser.add_argument("--json", dest="json_out", default=None,
                        help="machine-readable results (default: results.json beside --out)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma-separated parts to run, of {','.join(PARTS)} (default: all)")
    parser.add_argument("--sizes", default=None, help="tree sizes for the latency part, e.g. 1000,100000")
    parser.add_argument("--soak", type=int, default=None, help="number of reloads in the soak (default 10000)")
    parser.add_argument("--soak-full-every", type=int, default=10,
                        help="every Nth soak reload is a full restart, the others alternate hot reload and "
                             "service restart (default 10)")
    parser.add_argument("--tmp", default=None, help="where to create the trees (default: a new temporary dir)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    parser.add_argument("--seed", type=int, default=20261124, help="random seed of the edits")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    profile = dict(PROFILES["quick" if args.quick else "full"])
    if args.sizes:
        profile["sizes"] = [int(s) for s in args.sizes.split(",") if s]
    if args.soak is not None:
        profile["soak"] = args.soak
    parts = [p.strip() for p in args.only.split(",") if p.strip()]
    unknown = [p for p in parts if p not in PARTS]
    if unknown:
        print(f"bench/run: --only: unknown part(s) {', '.join(unknown)} (expected {', '.join(PARTS)})",
              file=sys.stderr)
        return 2
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print(f"bench/run: no foxreload binary at {binary}\n"
              "  build one first:  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release && "
              "cmake --build build --target foxreload\n  or pass --binary PATH", file=sys.stderr)
        return 2
    if args.out:
        out_md = os.path.abspath(args.out)
    else:
        out_md = os.path.join(BENCH_DIR, "work", "RESULTS-quick.md") if args.quick else os.path.join(
            BENCH_DIR, "RESULTS.md")
    json_name = "results-quick.json" if args.quick and not args.out else "results.json"
    out_json = os.path.abspath(args.json_out or os.path.join(os.path.dirname(out_md), json_name))

    tmp = os.path.abspath(args.tmp) if args.tmp else tempfile.mkdtemp(prefix="foxreload-bench-")
    os.makedirs(tmp, exist_ok=True)
    began = time.monotonic()
    results = {
        "mode": "quick" if args.quick else "full",
        "argv": ["bench/run", *argv],
        "binary": binary,
        "machine": machine.describe(tmp, REPO_DIR),
        "profile": profile,
        "versions": {},
        "notes": [],
    }
    log(f"{results['mode']} run, binary {binary}, temporary directory {tmp}")
    try:
        if "latency" in parts:
            results["latency"] = run_latency(binary, tmp, profile, args.seed, results)
        if "burst" in parts:
            log(f"burst: git checkout of {profile['burst_files']} files")
            results["burst"] = guarded(lambda: burst.measure(binary, tmp, profile["burst_files"],
                                                             profile["burst_runs"], 50))
            log("burst: the same checkouts with settle_ms 0 (the quiet window alone)")
            results["burst_settle_off"] = guarded(lambda: burst.measure(binary, tmp, profile["burst_files"],
                                                                        profile["burst_runs"], 50, settle_ms=0))
        if "reload" in parts:
            log("reload: server cold start")
            server = projects.copy_server(os.path.join(tmp, "coldstart", "reynard"))
            results["cold_start"] = guarded(lambda: reload.cold_start(server, profile["cold_starts"]))
            log(f"reload: {profile['reloads']} hot reloads and {profile['full_restarts']} full restarts")
            results["reload"] = guarded(
                lambda: reload.end_to_end(binary, tmp, profile["reloads"], 50, full_runs=profile["full_restarts"]))
            log(f"reload: {profile['reloads']} hot reloads with settle_ms 0 (the quiet window alone)")
            results["reload_settle_off"] = guarded(
                lambda: reload.hot_reload_reference(binary, tmp, profile["reloads"], 50))
            log("reload: foxreload run idle, without and with metrics and webhooks")
            results["run_idle"] = guarded(lambda: runmem.idle_observed(binary, tmp, profile["idle_s"], profile["idle_settle_s"]))
        if "proxy" in parts:
            log("proxy: SDK client direct and through foxreload proxy")
            results["proxy"] = guarded(lambda: proxy.measure(
                binary, tmp, profile["proxy_methods"], profile["proxy_latency"], profile["proxy_throughput_s"], 16,
                profile["proxy_rounds"]))
        if "idle" in parts:
            log("idle: run, proxy and watch with the resource monitor and /metrics on")
            results["idle"] = guarded(lambda: idle.measure(binary, tmp, profile["idle_s"], profile["idle_settle_s"]))
        if "soak" in parts and profile["soak"] > 0:
            log(f"soak: {profile['soak']} reloads")
            results["soak"] = guarded(lambda: reload.soak(binary, tmp, profile["soak"], 10, args.soak_full_every,
                                                          progress=log))
        if "startup" in parts:
            # Last: writing 2,000,000 files keeps the disk and the kernel busy for a while, which
            # the other parts' timings must not see.
            files = profile["startup_files"]
            log(f"startup: creating {files:,} files + {files:,} excluded, then {profile['startup_rounds']} "
                "alternating starts of foxreload watch and inotifywait")
            results["startup"] = guarded(lambda: watchers.compare_startup(
                binary, os.path.join(tmp, "trees", f"s{files}"), files, profile["startup_rounds"]))
    finally:
        results["machine"]["loadavg_end"] = machine.loadavg()
        results["duration_s"] = round(time.monotonic() - began, 1)
        if not args.keep and not args.tmp:
            remove_later(tmp)
    results["versions"].update(tool_versions(binary))
    results["targets"] = report.targets(results)
    python = os.path.realpath(sys.executable)
    results = portable(results, {tmp: "$TMP", REPO_DIR + os.sep: "", python: os.path.basename(python),
                                 sys.executable: os.path.basename(sys.executable)})
    os.makedirs(os.path.dirname(out_json), exist_ok=True)
    os.makedirs(os.path.dirname(out_md), exist_ok=True)
    with open(out_json, "w") as f:
        json.dump(results, f, indent=1)
        f.write("\n")
    text = report.markdown(results)
    with open(out_md, "w") as f:
        f.write(text)
    print(report.console(results))
    log(f"done in {results['duration_s']} s: {out_md}, {out_json}")
    return 0


def portable(value, replacements):
    """The results name no path of this machine: the temporary directory becomes $TMP,
    paths inside the repository become relative, the interpreter is named by its file name."""
    if isinstance(value, dict):
        return {key: portable(item, replacements) for key, item in value.items()}
    if isinstance(value, list):
        return [portable(item, replacements) for item in value]
    if isinstance(value, str):
        for old, new in sorted(replacements.items(), key=lambda pair: -len(pair[0])):
            value = value.replace(old, new)
    return value


def remove_later(path):
    """Removes the temporary directory in a detached, idle-priority process: the results are
    written without waiting minutes for a slow disk to unlink the trees."""
    import subprocess
    rm = ["rm", "-rf", "--", path]
    if shutil.which("ionice"):
        rm = ["ionice", "-c3", *rm]
    subprocess.Popen(["nice", "-n", "19", *rm], start_new_session=True, stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log(f"removing {path} in the background")


def guarded(action):
    """A part that fails is reported as failed; the other parts still run."""
    try:
        return action()
    except Exception as error:  # noqa: BLE001 - any failure of a part ends up in the report
        log(f"failed: {error}")
        return {"error": f"{type(error).__name__}: {error}"}


def run_latency(binary, tmp, profile, seed, results):
    all_watchers = watchers.all_watchers(binary)
    available = []
    for watcher in all_watchers:
        if watcher.available():
            available.append(watcher)
            results["versions"][watcher.name] = watcher.version
            results.setdefault("commands", {})[watcher.name] = watcher.command_text()
            if watcher.note:
                results["notes"].append(f"{watcher.name}: {watcher.note}")
        else:
            results["notes"].append(f"{watcher.name} skipped: {watcher.note}")
            log(f"latency: {watcher.name} skipped: {watcher.note}")
    out = {"sizes": {}}
    largest = max(profile["sizes"])
    for size in profile["sizes"]:
        root = os.path.join(tmp, "trees", f"t{size}")
        log(f"latency: creating {size} files + {size} excluded")
        tree = trees.make_tree(root, size)
        per_tool = {}
        for watcher in available:
            log(f"latency: {watcher.name} on {size} files")
            entry = guarded(lambda: latency.measure(
                watcher, tree, profile["edits"], 0.05, profile["idle_s"], profile["excluded_edits"],
                seed + size, profile["grace_s"], profile["rate_edits"] if size == largest else 0))
            entry.pop("latencies_ns", None)
            per_tool[watcher.name] = entry
            lat = entry.get("latency_ms", {})
            log(f"latency: {watcher.name}: p50 {lat.get('p50')} p99 {lat.get('p99')} ms, missed {entry.get('missed')}, "
                f"ready {entry.get('ready_claimed_ms') or entry.get('ready_verified_ms')} ms, "
                f"rss {entry.get('rss_kib')} KiB" + (f", error {entry['error']}" if "error" in entry else ""))
        log(f"latency: foxreload run on {size} files (memory, startup)")
        run_entry = guarded(lambda: runmem.measure(binary, tmp, tree))
        out["sizes"][str(size)] = {"tools": per_tool, "foxreload_run": run_entry}
        # Deleting 200,000 files takes minutes on a slow disk: it waits until the end (see remove_later).
    return out


def tool_versions(binary):
    versions = {}
    try:
        import subprocess
        done = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
        versions["foxreload"] = (done.stdout or done.stderr).strip().splitlines()[-1]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        versions["foxreload"] = None
    try:
        with open(os.path.join(BENCH_DIR, "node", "node_modules", "@modelcontextprotocol", "sdk",
                               "package.json")) as f:
            versions["@modelcontextprotocol/sdk"] = json.load(f)["version"]
    except (OSError, ValueError, KeyError):
        versions["@modelcontextprotocol/sdk"] = None
    versions["python (servers)"] = projects.PYTHON
    return versions

