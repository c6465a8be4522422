"""config/settings.json: read at start and again on a hot reload that names it.

A settings file that does not parse is reported (file, line, column) and the
previous settings stay in force, like a tool that fails to load.
"""

from __future__ import annotations

import copy
import hashlib
import json
import threading
from pathlib import Path

from protocol.source_loader import LoadError

DEFAULTS: dict = {
    "log_level": "info",
    "disabled_tools": [],
    "echo": {"prefix": ""},
    "weather": {"units": "metric", "default_days": 3},
    "cache": {"max_entries": 256},
    "clock": {"utc_offset_minutes": 0},
}


def _merge(base: dict, override: dict) -> dict:
    merged = copy.deepcopy(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


class Settings:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()
        self._values: dict = copy.deepcopy(DEFAULTS)
        self._digest: str | None = None
        self._failed_digest: str | None = None  # content that failed to load: not worth retrying until it changes

    def current(self) -> dict:
        return self._values  # replaced as a whole, never mutated in place

    def changed_on_disk(self) -> bool:
        digest = self._read_digest()
        return digest != self._digest and digest != self._failed_digest

    def _read_digest(self) -> str | None:
        try:
            return hashlib.sha256(self.path.read_bytes()).hexdigest()
        except OSError:
            return None

    def load(self) -> None:
        """Read the file; on error raise LoadError and keep the current values."""
        with self._lock:
            if not self.path.exists():
                self._values = copy.deepcopy(DEFAULTS)
                self._digest = None
                return
            try:
                raw = self.path.read_bytes()
                self._failed_digest = hashlib.sha256(raw).hexdigest()  # cleared below once it loads
                data = json.loads(raw.decode("utf-8"))
            except json.JSONDecodeError as exc:
                raise LoadError(self.path, f"invalid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", "") from exc
            except (OSError, UnicodeDecodeError) as exc:
                raise LoadError(self.path, f"cannot read: {exc}", "") from exc
            if not isinstance(data, dict):
                raise LoadError(self.path, f"expected a JSON object at the top level, got {type(data).__name__}", "")
            disabled = data.get("disabled_tools", [])
            if not isinstance(disabled, list) or not all(isinstance(n, str) for n in disabled):
                raise LoadError(self.path, '"disabled_tools" must be a list of tool names', "")
            self._values = _merge(DEFAULTS, data)
            self._digest = hashlib.sha256(raw).hexdigest()
            self._failed_digest = None
