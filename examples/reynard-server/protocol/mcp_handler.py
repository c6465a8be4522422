"""The MCP side of Reynard: lifecycle, method dispatch, tool calls and foxreload/reload.

Requests are handled on the reading thread, except tools/call, which runs on a
worker thread so that a slow tool never holds up ping, tools/list, a reload or
a cancellation. Responses may therefore arrive out of order, as JSON-RPC allows.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import threading
import time
import traceback
from pathlib import Path
from typing import Any

from protocol import jsonrpc
from protocol.helper_modules import reload_helpers
from protocol.jsonrpc import JsonRpcError
from protocol.schema import validate
from protocol.service_manager import ServiceManager
from protocol.settings import Settings
from protocol.source_loader import LoadError
from protocol.tool_registry import ToolRegistry

log = logging.getLogger("reynard.mcp")

SERVER_NAME = "reynard-server"
SERVER_VERSION = "1.0.0"
# Newest first: a client asking for one of these gets it echoed back, anything else gets the first.
SUPPORTED_PROTOCOL_VERSIONS = ("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")
RELOAD_METHOD = "foxreload/reload"

INSTRUCTIONS = (
    "Reynard is FoxReload's example MCP server. Its tools are small and deterministic: "
    "echo text, count words, tell fox facts, forecast (made-up) weather, tell the time, "
    "and remember/recall short notes for this session."
)


def _env_ms(name: str) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return 0
    try:
        return max(0, int(raw))
    except ValueError:
        log.warning("ignoring %s=%r: expected a whole number of milliseconds", name, raw)
        return 0


class ToolCancelled(Exception):
    """Raised inside a tool when the client cancelled the request (or the server is stopping)."""


class ToolContext:
    """What a tool's call(arguments, context) may use."""

    def __init__(self, server: "McpServer", request_id: Any, cancelled: threading.Event, progress_token: Any = None):
        self._server = server
        self.request_id = request_id
        self.cancelled = cancelled
        self._progress_token = progress_token
        self.log = logging.getLogger("reynard.tool")

    @property
    def settings(self) -> dict:
        return self._server.settings.current()

    def service(self, name: str) -> Any:
        instance = self._server.services.get(name)
        if instance is None:
            raise RuntimeError(f"service '{name}' is not running")
        return instance

    def sleep(self, seconds: float) -> None:
        """Wait, but stop at once with ToolCancelled if the request is cancelled."""
        if seconds > 0 and self.cancelled.wait(seconds):
            raise ToolCancelled()
        if self.cancelled.is_set():
            raise ToolCancelled()

    def status(self) -> dict:
        return self._server.status()

    def progress(self, progress: float, total: float | None = None, message: str | None = None) -> None:
        """Send notifications/progress, when the client asked for it with _meta.progressToken."""
        if self._progress_token is None or self.cancelled.is_set():
            return
        params: dict = {"progressToken": self._progress_token, "progress": progress}
        if total is not None:
            params["total"] = total
        if message:
            params["message"] = message
        self._server.writer.send(jsonrpc.notification_message("notifications/progress", params))


class McpServer:
    def __init__(self, base_dir: Path, writer: jsonrpc.LineWriter):
        self.base_dir = base_dir.resolve()
        self.writer = writer
        self.tools_dir = self.base_dir / "tools"
        self.services_dir = self.base_dir / "services"
        self.config_dir = self.base_dir / "config"
        self.settings = Settings(self.config_dir / "settings.json")
        self.tools = ToolRegistry(self.tools_dir)
        self.services = ServiceManager(self.services_dir, self.settings.current)

        self.hot_reload_enabled = os.environ.get("REYNARD_HOT_RELOAD", "1").strip().lower() not in ("0", "false", "no", "off")
        self.tool_delay_s = _env_ms("REYNARD_TOOL_DELAY_MS") / 1000.0
        self.reload_delay_s = _env_ms("REYNARD_RELOAD_DELAY_MS") / 1000.0

        self.started_at = time.time()
        self.initialize_seen = False
        self.client_ready = False  # notifications/initialized received
        self.protocol_version: str | None = None
        self.client_info: dict = {}
        self.reload_count = 0

        self._inflight: dict[Any, threading.Event] = {}
        self._inflight_lock = threading.Lock()
        self._idle = threading.Condition(self._inflight_lock)
        self._reload_lock = threading.Lock()
        self._pending_list_changed = False

    # ------------------------------------------------------------------ start / stop

    def start(self) -> None:
        try:
            self.settings.load()
        except LoadError as error:
            log.error("%s; using the defaults", error)
        self._apply_log_level()
        services = self.services.start_all()
        tools = self.tools.refresh()
        for error in services.errors + tools.errors:
            if error.traceback_text:
                log.error("%s\n%s", error, error.traceback_text.rstrip())
        log.info("ready: %d tools (%s), services: %s, hot reload %s",
                 len(self.tools.specs()), ", ".join(s.name for s in self.tools.specs()),
                 ", ".join(s["name"] for s in self.services.describe()) or "none",
                 "on" if self.hot_reload_enabled else "off (REYNARD_HOT_RELOAD=0)")

    def shutdown(self, drain_seconds: float) -> None:
        """Let in-flight tool calls finish for up to drain_seconds, cancel the rest, stop the services."""
        deadline = time.monotonic() + drain_seconds
        with self._idle:
            while self._inflight and time.monotonic() < deadline:
                self._idle.wait(max(0.0, deadline - time.monotonic()))
            for event in self._inflight.values():
                event.set()
        self.services.stop_all()

    def _apply_log_level(self) -> None:
        level = os.environ.get("REYNARD_LOG_LEVEL") or str(self.settings.current().get("log_level", "info"))
        logging.getLogger("reynard").setLevel(getattr(logging, level.upper(), logging.INFO))

    # ------------------------------------------------------------------ dispatch

    def handle_line(self, line: bytes) -> None:
        try:
            message = jsonrpc.decode(line)
        except JsonRpcError as error:
            reply_id = error.data.get("id") if isinstance(error.data, dict) else None
            error.data = None
            log.warning("rejected input (%s): %.200r", error.message, line)
            self.writer.send(jsonrpc.error_message(reply_id, error))
            return
        if isinstance(message, jsonrpc.Response):
            log.debug("ignoring a response to id %r: this server sends no requests", message.id)
            return
        if message.is_notification:
            self._handle_notification(message)
            return
        try:
            result = self._dispatch(message)
            if result is not _DEFERRED:
                self.writer.send(jsonrpc.result_message(message.id, result))
        except JsonRpcError as error:
            self.writer.send(jsonrpc.error_message(message.id, error))
        except Exception as exc:
            log.exception("internal error while handling %s", message.method)
            self.writer.send(jsonrpc.error_message(
                message.id, JsonRpcError(jsonrpc.INTERNAL_ERROR, f"Internal error: {type(exc).__name__}: {exc}")))
        self.flush_notifications()

    def _handle_notification(self, message: jsonrpc.Request) -> None:
        method = message.method
        if method == "notifications/initialized":
            self.client_ready = True
            log.debug("client is ready")
        elif method == "notifications/cancelled":
            request_id = message.params.get("requestId")
            with self._inflight_lock:
                event = self._inflight.get(request_id)
            if event is not None:
                event.set()
                log.info("request %r cancelled by the client (%s)", request_id, message.params.get("reason", "no reason given"))
            else:
                log.debug("cancellation for unknown or finished request %r ignored", request_id)
        else:
            log.debug("ignoring notification %s", method)

    def _dispatch(self, request: jsonrpc.Request) -> Any:
        method = request.method
        if method == "ping":
            return {}
        if method == "initialize":
            return self._initialize(request.params)
        if not self.initialize_seen:
            raise JsonRpcError(jsonrpc.NOT_INITIALIZED, f"Server not initialized: send initialize before {method}")
        if method == "tools/list":
            return self._tools_list(request.params)
        if method == "tools/call":
            return self._tools_call(request)
        if method == RELOAD_METHOD and self.hot_reload_enabled:
            return self._reload(request.params)
        raise JsonRpcError(jsonrpc.METHOD_NOT_FOUND, f"Method not found: {method}")

    # ------------------------------------------------------------------ lifecycle

    def _initialize(self, params: dict) -> dict:
        requested = params.get("protocolVersion")
        if not isinstance(requested, str):
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, "Invalid params: initialize needs a string protocolVersion")
        version = requested if requested in SUPPORTED_PROTOCOL_VERSIONS else SUPPORTED_PROTOCOL_VERSIONS[0]
        if self.initialize_seen:
            log.warning("initialize received again; answering it again")
        self.initialize_seen = True
        self.protocol_version = version
        info = params.get("clientInfo")
        self.client_info = info if isinstance(info, dict) else {}
        log.info("initialize from %s %s: protocol %s%s", self.client_info.get("name", "?"),
                 self.client_info.get("version", ""), version,
                 "" if version == requested else f" (client asked for {requested})")
        capabilities: dict = {"tools": {"listChanged": True}}
        if self.hot_reload_enabled:
            capabilities["experimental"] = {"foxreload": {"reloadMethod": RELOAD_METHOD, "scopes": ["tools", "services"]}}
        return {
            "protocolVersion": version,
            "capabilities": capabilities,
            "serverInfo": {"name": SERVER_NAME, "title": "Reynard (FoxReload example server)", "version": SERVER_VERSION},
            "instructions": INSTRUCTIONS,
        }

    def status(self) -> dict:
        with self._inflight_lock:
            inflight = len(self._inflight)
        return {
            "pid": os.getpid(),
            "uptimeSeconds": round(time.time() - self.started_at, 3),
            "protocolVersion": self.protocol_version,
            "client": self.client_info.get("name"),
            "tools": [spec.name for spec in self._visible_specs()],
            "services": self.services.describe(),
            "reloads": self.reload_count,
            "inflight": inflight,
            "hotReload": self.hot_reload_enabled,
        }

    # ------------------------------------------------------------------ tools

    def _visible_specs(self):
        disabled = set(self.settings.current().get("disabled_tools", []))
        return [spec for spec in self.tools.specs() if spec.name not in disabled]

    def tool_definitions(self) -> list[dict]:
        return [spec.definition() for spec in self._visible_specs()]

    def _tools_list(self, params: dict) -> dict:
        cursor = params.get("cursor")
        if cursor is not None:
            # Everything fits in one page, so no cursor this server handed out can exist.
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, f"Invalid params: unknown cursor {cursor!r}")
        return {"tools": self.tool_definitions()}

    def _tools_call(self, request: jsonrpc.Request) -> Any:
        params = request.params
        name = params.get("name")
        if not isinstance(name, str):
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, "Invalid params: tools/call needs a string 'name'")
        spec = self.tools.get(name)
        if spec is None or name in set(self.settings.current().get("disabled_tools", [])):
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, f"Unknown tool: {name}")
        arguments = params.get("arguments", {})
        if arguments is None:
            arguments = {}
        if not isinstance(arguments, dict):
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, "Invalid params: 'arguments' must be an object")

        meta = params.get("_meta")
        progress_token = meta.get("progressToken") if isinstance(meta, dict) else None
        cancelled = threading.Event()
        with self._inflight_lock:
            if request.id in self._inflight:
                raise JsonRpcError(jsonrpc.INVALID_REQUEST, f"Invalid Request: id {request.id!r} is already in use by a running request")
            self._inflight[request.id] = cancelled
        worker = threading.Thread(target=self._run_tool, args=(request.id, spec, arguments, cancelled, progress_token),
                                  name=f"tool-{name}", daemon=True)
        worker.start()
        return _DEFERRED

    def _run_tool(self, request_id: Any, spec, arguments: dict, cancelled: threading.Event, progress_token: Any) -> None:
        context = ToolContext(self, request_id, cancelled, progress_token)
        started = time.monotonic()
        try:
            result = self._tool_result(spec, arguments, context)
        except ToolCancelled:
            result = None
        except BaseException as exc:  # a worker thread must answer whatever happens, SystemExit included
            log.exception("tool %s failed outside its handler", spec.name)
            result = _error_result(f"{type(exc).__name__}: {exc}")
        finally:
            with self._idle:
                self._inflight.pop(request_id, None)
                self._idle.notify_all()
        if cancelled.is_set():
            log.info("%s (request %r) cancelled; no response is sent", spec.name, request_id)
            return
        log.debug("%s answered in %.1f ms", spec.name, (time.monotonic() - started) * 1000)
        self.writer.send(jsonrpc.result_message(request_id, result))

    def _tool_result(self, spec, arguments: dict, context: ToolContext) -> dict:
        problems = validate(arguments, spec.input_schema)
        if problems:
            # Since 2025-11-25 argument errors are tool execution errors, so the model can correct itself.
            return _error_result(f"Invalid arguments for tool {spec.name}: " + "; ".join(problems))
        if self.tool_delay_s:
            context.sleep(self.tool_delay_s)
        try:
            value = spec.handler(arguments, context)
        except ToolCancelled:
            raise
        except (Exception, SystemExit) as exc:
            log.warning("tool %s raised %s: %s\n%s", spec.name, type(exc).__name__, exc, traceback.format_exc().rstrip())
            return _error_result(f"{type(exc).__name__}: {exc}")
        if spec.output_schema is not None:
            problems = validate(value, spec.output_schema, "result")
            if problems:
                log.warning("tool %s broke its outputSchema: %s", spec.name, "; ".join(problems))
                return _error_result(f"Tool {spec.name} returned a result that does not match its outputSchema: "
                                     + "; ".join(problems))
        try:
            return _to_call_result(value, spec.output_schema is not None)
        except (TypeError, ValueError) as exc:
            return _error_result(f"Tool {spec.name} returned a value that cannot be sent as JSON: {exc}")

    # ------------------------------------------------------------------ foxreload/reload

    def _resolve(self, raw: Any) -> Path:
        if not isinstance(raw, str) or not raw:
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, "Invalid params: 'files' must be a list of non-empty path strings")
        path = Path(raw)
        if not path.is_absolute():
            path = self.base_dir / path
        return Path(os.path.realpath(path))  # FoxReload may name a file through a symlinked directory

    @staticmethod
    def _inside(path: Path, directory: Path) -> bool:
        try:
            path.relative_to(directory)
            return True
        except ValueError:
            return False

    def _is_tool_file(self, path: Path) -> bool:
        return path.parent == self.tools_dir and path.suffix == ".py" and not path.name.startswith(("_", "."))

    def _is_helper(self, path: Path) -> bool:
        """A module of the project no reload scope covers, e.g. textutil.py beside main.py or tools/_shared.py.
        The entry point and protocol/ are not: only a new process picks them up."""
        if path.suffix != ".py" or not self._inside(path, self.base_dir) or self._is_tool_file(path):
            return False
        if any(self._inside(path, d) for d in (self.services_dir, self.config_dir, self.base_dir / "protocol")):
            return False
        main = sys.modules.get("__main__")
        return not (main is not None and _same_path(getattr(main, "__file__", None), path))

    def _reload(self, params: dict) -> dict:
        scope = params.get("scope", "tools")
        if scope not in ("tools", "services"):
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, f"Invalid params: scope must be \"tools\" or \"services\", got {scope!r}")
        files = params.get("files") or []
        components = params.get("components") or []
        if not isinstance(files, list) or not isinstance(components, list) \
                or not all(isinstance(c, str) for c in components):
            raise JsonRpcError(jsonrpc.INVALID_PARAMS, "Invalid params: 'files' and 'components' must be lists of strings")
        paths = [self._resolve(f) for f in files]
        # Import-following reloads name the importing files among the components ("tools/echo.py").
        named_files = [self._resolve(c) for c in components if c.endswith(".py")]

        with self._reload_lock:
            began = time.monotonic()
            if self.reload_delay_s:
                time.sleep(self.reload_delay_s)
            before = self.tool_definitions()
            helper_files = {p for p in paths if self._is_helper(p)}
            tool_files = {p for p in paths + named_files if self._is_tool_file(p)}
            service_files = {p for p in paths + named_files if self._inside(p, self.services_dir)}
            config_files = {p for p in paths if self._inside(p, self.config_dir)}
            skipped = [str(p) for p in paths
                       if p not in helper_files and not self._inside(p, self.tools_dir)
                       and p not in service_files | config_files]
            errors: list[LoadError] = []
            reloaded: list[str] = []
            restarted_services: list[str] = []

            settings_reloaded = False
            if config_files or "config" in components or self.settings.changed_on_disk():
                try:
                    self.settings.load()
                    settings_reloaded = True
                    reloaded.append("config.settings")
                    self._apply_log_level()
                    self.services.configure_all(self.settings.current())
                except LoadError as error:
                    errors.append(error)

            # Helpers first: the tools and services loaded below import the new versions.
            if helper_files:
                helper_outcome = reload_helpers(sorted(helper_files), self.base_dir)
                reloaded += helper_outcome.reloaded
                errors += helper_outcome.errors

            if scope == "services" or service_files:
                named = {c for c in components
                         if c not in ("services", "config", "tool_registry") and not c.endswith(".py")}
                everything = scope == "services" and not service_files and not named
                outcome = self.services.restart(None if everything else named, service_files)
                reloaded += outcome.restarted
                restarted_services = sorted({m.split(".", 1)[1] for m in outcome.restarted}) + outcome.stopped
                errors += outcome.errors

            still_broken: list[dict] = []
            if scope == "tools" or tool_files:
                tool_outcome = self.tools.refresh(tool_files)
                reloaded += tool_outcome.reloaded
                errors += tool_outcome.errors
                still_broken = [{"file": _display(e.path, self.base_dir), "reason": e.reason}
                                for e in tool_outcome.still_broken]

            self.reload_count += 1
            after = self.tool_definitions()
            changed = before != after
            summary = {
                "reloaded": reloaded,
                "tools": len(after),
                "added": sorted({d["name"] for d in after} - {d["name"] for d in before}),
                "removed": sorted({d["name"] for d in before} - {d["name"] for d in after}),
                "toolsChanged": changed,
                "services": restarted_services,
                "settingsReloaded": settings_reloaded,
                "skipped": skipped,
                "stillBroken": still_broken,
                "durationMs": round((time.monotonic() - began) * 1000, 2),
            }
            if skipped:
                log.warning("reload: %s cannot be reloaded in place (restart the server for them)", ", ".join(skipped))
            log.info("reload (%s): %s; %d tools%s", scope, ", ".join(reloaded) or "nothing changed", len(after),
                     f", {len(errors)} error(s)" if errors else "")
            if changed:
                # Sent after the response (flush_notifications), so the client sees the reload answered first.
                self._pending_list_changed = True
            if errors:
                message = "reload failed: " + "; ".join(
                    f"{_display(e.path, self.base_dir)}: {e.reason}" for e in errors)
                data = dict(summary)
                data["errors"] = [{"file": _display(e.path, self.base_dir), "reason": e.reason,
                                   "traceback": e.traceback_text.rstrip()} for e in errors]
                data["traceback"] = "\n".join((e.traceback_text or f"{e.path}: {e.reason}").rstrip() for e in errors)
                raise JsonRpcError(jsonrpc.RELOAD_FAILED, message, data)
            return summary

    def flush_notifications(self) -> None:
        """Send what a request queued for after its own response (list_changed after a reload)."""
        if self._pending_list_changed:
            self._pending_list_changed = False
            if self.client_ready:
                self.writer.send(jsonrpc.notification_message("notifications/tools/list_changed"))
                log.info("sent notifications/tools/list_changed")


_DEFERRED = object()


def _same_path(filename: Any, path: Path) -> bool:
    return isinstance(filename, str) and os.path.realpath(filename) == str(path)


def _display(path: Path, base: Path) -> str:
    try:
        return str(path.relative_to(base))
    except ValueError:
        return str(path)


def _error_result(message: str) -> dict:
    return {"content": [{"type": "text", "text": message}], "isError": True}


def _to_call_result(value: Any, structured: bool) -> dict:
    if isinstance(value, str):
        return {"content": [{"type": "text", "text": value}], "isError": False}
    if isinstance(value, dict):
        result: dict = {"content": [{"type": "text", "text": json.dumps(value, ensure_ascii=False, indent=2)}],
                        "isError": False}
        if structured:
            result["structuredContent"] = value
        return result
    if isinstance(value, list):
        json.dumps(value)  # fail here, inside the tool's error handling, rather than in the writer
        return {"content": value, "isError": False}
    return {"content": [{"type": "text", "text": str(value)}], "isError": False}
