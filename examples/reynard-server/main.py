#!/usr/bin/env python3
"""Reynard, FoxReload's example MCP server: the stdio entry point.

Reads newline-delimited JSON-RPC from stdin, hands each line to the MCP handler
and writes answers to stdout. Only JSON-RPC ever reaches stdout: sys.stdout is
pointed at stderr before any tool runs, so a stray print() cannot corrupt the
stream. Exits 0 when stdin closes (the MCP stdio shutdown) or on SIGTERM/SIGINT.

Run it:  python3 main.py        (see README.md for the environment knobs)
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
if str(BASE_DIR) not in sys.path:
    sys.path.insert(0, str(BASE_DIR))

from protocol.jsonrpc import LineWriter  # noqa: E402  (needs the path above)
from protocol.mcp_handler import McpServer  # noqa: E402

# How long in-flight tool calls may finish after stdin closes; FoxReload's grace period is longer.
DRAIN_SECONDS_ON_EOF = 1.0


class _Stop(BaseException):  # not an Exception: no handler on the way may swallow it
    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _on_signal(signum, _frame):
    raise _Stop(signum)


def _configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)  # flushes after every record
    handler.setFormatter(logging.Formatter("reynard[%(process)d] %(asctime)s.%(msecs)03d %(levelname)s %(name)s: %(message)s",
                                           datefmt="%H:%M:%S"))
    root = logging.getLogger("reynard")
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    root.propagate = False


def main() -> int:
    _configure_logging()
    log = logging.getLogger("reynard.main")
    protocol_out = sys.stdout.buffer
    sys.stdout = sys.stderr
    signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, _on_signal)

    pid_file = os.environ.get("REYNARD_PID_FILE")
    if pid_file:
        Path(pid_file).write_text(f"{os.getpid()}\n")

    server = McpServer(BASE_DIR, LineWriter(protocol_out))
    try:
        server.start()
        startup_delay = os.environ.get("REYNARD_STARTUP_DELAY_MS", "").strip()
        if startup_delay.isdigit():
            time.sleep(int(startup_delay) / 1000.0)
        stdin = sys.stdin.buffer
        while True:
            line = stdin.readline()
            if not line:
                log.info("stdin closed; shutting down")
                server.shutdown(DRAIN_SECONDS_ON_EOF)
                return 0
            line = line.strip()
            if line:
                server.handle_line(line)
    except _Stop as stop:
        log.info("%s received; shutting down", stop)
        server.shutdown(0.0)
        return 0


if __name__ == "__main__":
    sys.exit(main())
