"""Discovers tools: every tools/<name>.py (not starting with "_") is one tool.

A tool module declares:
    NAME          str, optional (defaults to the file name without .py)
    TITLE         str, optional
    DESCRIPTION   str
    INPUT_SCHEMA  dict, a JSON Schema object ({"type": "object", ...})
    OUTPUT_SCHEMA dict, optional; the handler must then return a dict matching it
    ANNOTATIONS   dict, optional (readOnlyHint, idempotentHint, ...)
    call(arguments: dict, context) -> str | dict | list of MCP content blocks

The registry keeps the last good version of every tool: a file that fails to
load is reported and the tool it replaces keeps working.
"""

from __future__ import annotations

import logging
import re
import threading
from pathlib import Path

from protocol.source_loader import LoadError, LoadedSource, load_source, source_digest

log = logging.getLogger("reynard.tools")

_TOOL_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,128}$")


class ToolSpec:
    __slots__ = ("name", "title", "description", "input_schema", "output_schema", "annotations", "handler",
                 "module_name", "path", "digest")

    def __init__(self, loaded: LoadedSource, module_name: str):
        module = loaded.module
        path = loaded.path
        self.module_name = module_name
        self.path = path
        self.digest = loaded.digest
        self.name = getattr(module, "NAME", path.stem)
        self.title = getattr(module, "TITLE", None)
        self.description = getattr(module, "DESCRIPTION", None)
        self.input_schema = getattr(module, "INPUT_SCHEMA", None)
        self.output_schema = getattr(module, "OUTPUT_SCHEMA", None)
        self.annotations = getattr(module, "ANNOTATIONS", None)
        self.handler = getattr(module, "call", None)
        problems = []
        if not isinstance(self.name, str) or not _TOOL_NAME.match(self.name):
            problems.append(f"NAME {self.name!r} must be 1-128 characters of A-Z a-z 0-9 _ - .")
        if not isinstance(self.description, str) or not self.description.strip():
            problems.append("DESCRIPTION must be a non-empty string")
        if not isinstance(self.input_schema, dict) or self.input_schema.get("type") != "object":
            problems.append('INPUT_SCHEMA must be a JSON Schema dict with "type": "object"')
        if self.output_schema is not None and (not isinstance(self.output_schema, dict)
                                               or self.output_schema.get("type") != "object"):
            problems.append('OUTPUT_SCHEMA must be a JSON Schema dict with "type": "object"')
        if not callable(self.handler):
            problems.append("call(arguments, context) must be defined")
        if problems:
            raise LoadError(path, "not a valid tool module: " + "; ".join(problems), "")

    def definition(self) -> dict:
        entry: dict = {"name": self.name}
        if self.title:
            entry["title"] = self.title
        entry["description"] = self.description
        entry["inputSchema"] = self.input_schema
        if self.output_schema is not None:
            entry["outputSchema"] = self.output_schema
        if self.annotations:
            entry["annotations"] = self.annotations
        return entry


class ReloadOutcome:
    def __init__(self):
        self.reloaded: list[str] = []   # module names re-imported (new or changed)
        self.added: list[str] = []      # tool names that appeared
        self.removed: list[str] = []    # tool names that disappeared
        self.errors: list[LoadError] = []
        # Files that failed before and are unchanged since: not retried, not reported as new errors.
        self.still_broken: list[LoadError] = []


class ToolRegistry:
    def __init__(self, tools_dir: Path):
        self._dir = tools_dir
        self._lock = threading.Lock()
        # path -> ToolSpec; replaced as a whole so that readers never see a half-done reload.
        self._by_path: dict[Path, ToolSpec] = {}
        self._by_name: dict[str, ToolSpec] = {}
        self._failed: dict[Path, tuple[str, LoadError]] = {}  # path -> (digest that failed, why)

    @property
    def directory(self) -> Path:
        return self._dir

    def _candidate_files(self) -> list[Path]:
        if not self._dir.is_dir():
            return []
        return sorted(p for p in self._dir.glob("*.py")
                      if p.is_file() and not p.name.startswith(("_", ".")))

    def refresh(self, forced: set[Path] | None = None) -> ReloadOutcome:
        """Rescan the tools directory: load new files, re-load changed (or forced) ones, drop removed ones."""
        forced = {p.resolve() for p in (forced or set())}
        outcome = ReloadOutcome()
        with self._lock:
            old_names = set(self._by_name)
            by_path: dict[Path, ToolSpec] = {}
            for path in self._candidate_files():
                key = path.resolve()
                previous = self._by_path.get(key)
                try:
                    digest = source_digest(path)
                except OSError:
                    continue  # removed while scanning
                if previous is not None and previous.digest == digest and key not in forced:
                    by_path[key] = previous
                    continue
                failed = self._failed.get(key)
                if failed is not None and failed[0] == digest and key not in forced:
                    outcome.still_broken.append(failed[1])
                    if previous is not None:
                        by_path[key] = previous
                    continue
                module_name = f"tools.{path.stem}"
                try:
                    spec = ToolSpec(load_source(module_name, path), module_name)
                except LoadError as error:
                    outcome.errors.append(error)
                    self._failed[key] = (digest, error)
                    log.error("tool %s failed to load: %s%s", path.name, error.reason,
                              " (keeping the previous version)" if previous else "")
                    if previous is not None:
                        by_path[key] = previous
                    continue
                by_path[key] = spec
                self._failed.pop(key, None)
                outcome.reloaded.append(module_name)

            by_name: dict[str, ToolSpec] = {}
            for key in sorted(by_path):
                spec = by_path[key]
                other = by_name.get(spec.name)
                if other is not None:
                    error = LoadError(spec.path, f"tool name {spec.name!r} is already declared by {other.path.name}", "")
                    outcome.errors.append(error)
                    log.error("%s", error)
                    continue
                by_name[spec.name] = spec

            self._by_path = {k: v for k, v in by_path.items() if by_name.get(v.name) is v}
            self._by_name = by_name
            outcome.added = sorted(set(by_name) - old_names)
            outcome.removed = sorted(old_names - set(by_name))
        return outcome

    def get(self, name: str) -> ToolSpec | None:
        return self._by_name.get(name)

    def specs(self) -> list[ToolSpec]:
        return [self._by_name[n] for n in sorted(self._by_name)]
