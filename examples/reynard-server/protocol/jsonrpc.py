"""JSON-RPC 2.0 over newline-delimited stdio, as the MCP stdio transport uses it.

Every message is one line of UTF-8 JSON with no embedded newline. Only
JSON-RPC goes to stdout; everything else (logs, stray prints) goes to stderr.
"""

from __future__ import annotations

import json
import threading
from typing import Any, BinaryIO

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603
# Implementation-defined server errors live in -32000..-32099.
RELOAD_FAILED = -32000
NOT_INITIALIZED = -32002


class JsonRpcError(Exception):
    """An error that becomes a JSON-RPC error object in the response."""

    def __init__(self, code: int, message: str, data: Any = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.data = data

    def to_object(self) -> dict:
        error = {"code": self.code, "message": self.message}
        if self.data is not None:
            error["data"] = self.data
        return error


class Request:
    """A decoded request (has an id) or notification (has none)."""

    __slots__ = ("id", "method", "params", "is_notification")

    def __init__(self, msg_id: Any, method: str, params: dict, is_notification: bool):
        self.id = msg_id
        self.method = method
        self.params = params
        self.is_notification = is_notification


class Response:
    """A response the server received (the server sends no requests today, so it only logs them)."""

    __slots__ = ("id", "result", "error")

    def __init__(self, msg_id: Any, result: Any, error: Any):
        self.id = msg_id
        self.result = result
        self.error = error


def _valid_id(value: Any) -> bool:
    # MCP narrows JSON-RPC ids to strings and integers; null is not a request id.
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def decode(line: bytes) -> Request | Response:
    """Decode one line. Raises JsonRpcError (with .data['id'] when an id was recoverable)."""
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonRpcError(PARSE_ERROR, f"Parse error: input is not valid UTF-8 ({exc.reason} at byte {exc.start})")
    try:
        msg = json.loads(text)
    except json.JSONDecodeError as exc:
        raise JsonRpcError(PARSE_ERROR, f"Parse error: {exc.msg} at line {exc.lineno} column {exc.colno}")
    if isinstance(msg, list):
        raise JsonRpcError(INVALID_REQUEST, "Invalid Request: JSON-RPC batches are not supported by MCP 2025-06-18 and later")
    if not isinstance(msg, dict):
        raise JsonRpcError(INVALID_REQUEST, f"Invalid Request: expected a JSON object, got {type(msg).__name__}")

    msg_id = msg.get("id")
    reply_id = msg_id if _valid_id(msg_id) else None
    if msg.get("jsonrpc") != "2.0":
        raise JsonRpcError(INVALID_REQUEST, 'Invalid Request: "jsonrpc" must be "2.0"', {"id": reply_id})

    if "method" not in msg:
        if "result" in msg or "error" in msg:
            return Response(msg_id, msg.get("result"), msg.get("error"))
        raise JsonRpcError(INVALID_REQUEST, 'Invalid Request: no "method"', {"id": reply_id})

    method = msg["method"]
    if not isinstance(method, str) or not method:
        raise JsonRpcError(INVALID_REQUEST, 'Invalid Request: "method" must be a non-empty string', {"id": reply_id})
    is_notification = "id" not in msg
    if not is_notification and not _valid_id(msg_id):
        raise JsonRpcError(INVALID_REQUEST, 'Invalid Request: "id" must be a string or an integer', {"id": None})
    params = msg.get("params", {})
    if params is None:
        params = {}
    if not isinstance(params, dict):
        # MCP only uses by-name parameters.
        raise JsonRpcError(INVALID_REQUEST, 'Invalid Request: "params" must be an object', {"id": reply_id})
    return Request(msg_id, method, params, is_notification)


def result_message(msg_id: Any, result: Any) -> dict:
    return {"jsonrpc": "2.0", "id": msg_id, "result": result}


def error_message(msg_id: Any, error: JsonRpcError) -> dict:
    return {"jsonrpc": "2.0", "id": msg_id, "error": error.to_object()}


def notification_message(method: str, params: dict | None = None) -> dict:
    msg: dict = {"jsonrpc": "2.0", "method": method}
    if params is not None:
        msg["params"] = params
    return msg


class LineWriter:
    """Writes one JSON message per line and flushes it, safe to call from worker threads."""

    def __init__(self, stream: BinaryIO):
        self._stream = stream
        self._lock = threading.Lock()
        self._closed = False

    def send(self, message: dict) -> bool:
        data = json.dumps(message, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"
        with self._lock:
            if self._closed:
                return False
            try:
                self._stream.write(data)
                self._stream.flush()
            except (BrokenPipeError, ValueError, OSError):
                # The client went away; the read loop will see EOF and shut down.
                self._closed = True
                return False
        return True
