"""Test helpers: a temporary copy of the server, and a JSON-RPC client speaking to it over stdio."""

from __future__ import annotations

import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parent.parent
if str(EXAMPLE_DIR) not in sys.path:
    sys.path.insert(0, str(EXAMPLE_DIR))

TIMEOUT = 15.0  # generous: test machines are small and shared


def copy_server(destination: Path) -> Path:
    """Copy the server (without tests, caches and dot files) so a test can edit it freely."""
    target = destination / "reynard-server"
    shutil.copytree(EXAMPLE_DIR, target, ignore=shutil.ignore_patterns("__pycache__", "tests", ".*", "*.pyc"))
    return target


def write_source(path: Path, text: str) -> None:
    """Replace a file the way an editor's atomic save does (write a sibling, rename over)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


class ServerUnderTest:
    """Runs main.py of a server copy and exchanges newline-delimited JSON-RPC with it."""

    def __init__(self, server_dir: Path, env: dict | None = None):
        full_env = dict(os.environ)
        full_env["PYTHONUNBUFFERED"] = "1"
        full_env.update(env or {})
        self.process = subprocess.Popen([sys.executable, "main.py"], cwd=server_dir, env=full_env,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages: queue.Queue = queue.Queue()
        self.raw_stdout: list[bytes] = []
        self.stderr_lines: list[str] = []
        self.notifications: list[dict] = []
        self._pending: dict = {}
        self._next_id = 1
        threading.Thread(target=self._read_stdout, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stdout(self):
        for line in self.process.stdout:
            self.raw_stdout.append(line)
            try:
                self.messages.put(json.loads(line))
            except json.JSONDecodeError:
                self.messages.put({"__not_json__": line.decode("utf-8", "replace")})
        self.messages.put(None)

    def _read_stderr(self):
        for line in self.process.stderr:
            self.stderr_lines.append(line.decode("utf-8", "replace"))

    def send_raw(self, data: bytes) -> None:
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: dict) -> None:
        self.send_raw(json.dumps(message).encode("utf-8") + b"\n")

    def notify(self, method: str, params: dict | None = None) -> None:
        message = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def start_request(self, method: str, params: dict | None = None) -> int:
        request_id = self._next_id
        self._next_id += 1
        message = {"jsonrpc": "2.0", "id": request_id, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        return request_id

    def next_message(self, timeout: float = TIMEOUT) -> dict | None:
        """The next message from the server (None at EOF); raises queue.Empty on timeout."""
        message = self.messages.get(timeout=timeout)
        if message is not None and "id" not in message and "method" in message:
            self.notifications.append(message)
        return message

    def wait_response(self, request_id, timeout: float = TIMEOUT) -> dict:
        if request_id in self._pending:
            return self._pending.pop(request_id)
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"no response to request {request_id!r} within {timeout} s; stderr:\n"
                                     + "".join(self.stderr_lines[-30:]))
            try:
                message = self.next_message(remaining)
            except queue.Empty:
                continue
            if message is None:
                raise AssertionError(f"server closed stdout before answering {request_id!r}; stderr:\n"
                                     + "".join(self.stderr_lines[-30:]))
            if "id" in message and "method" not in message:
                if message["id"] == request_id:
                    return message
                self._pending[message["id"]] = message

    def request(self, method: str, params: dict | None = None, timeout: float = TIMEOUT) -> dict:
        return self.wait_response(self.start_request(method, params), timeout)

    def initialize(self, version: str = "2025-11-25") -> dict:
        response = self.request("initialize", {"protocolVersion": version, "capabilities": {},
                                               "clientInfo": {"name": "reynard-tests", "version": "1"}})
        self.notify("notifications/initialized")
        return response

    def call(self, name: str, arguments: dict | None = None) -> dict:
        return self.request("tools/call", {"name": name, "arguments": arguments or {}})

    def drain_notifications(self, settle: float = 0.3) -> list[dict]:
        """Collect notifications already sent or sent within `settle` seconds."""
        deadline = time.monotonic() + settle
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            try:
                message = self.next_message(remaining)
            except queue.Empty:
                break
            if message is None:
                break
            if "id" in message and "method" not in message:
                self._pending[message["id"]] = message
        found, self.notifications = self.notifications, []
        return found

    def close(self, timeout: float = TIMEOUT) -> int:
        if self.process.stdin and not self.process.stdin.closed:
            try:
                self.process.stdin.close()
            except BrokenPipeError:
                pass
        try:
            return self.process.wait(timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()


class ServerCopyTestCase:
    """Mixin: each test gets a fresh copy of the server in a temporary directory."""

    def make_server(self, env: dict | None = None) -> ServerUnderTest:
        server = ServerUnderTest(self.server_dir, env)
        self.addCleanup(self._stop, server)
        return server

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="reynard-test-")
        self.addCleanup(self._tmp.cleanup)
        self.server_dir = copy_server(Path(self._tmp.name))

    @staticmethod
    def _stop(server: ServerUnderTest):
        if server.process.poll() is None:
            server.close()
        for stream in (server.process.stdin, server.process.stdout, server.process.stderr):
            try:
                stream.close()
            except BrokenPipeError:
                pass
