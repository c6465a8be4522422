"""Loads a Python file as a fresh module object, straight from its source.

Tools and services are loaded this way instead of with import/importlib.reload:
the bytecode cache keys on mtime (whole seconds) and size, so an edit that
keeps the size within the same second could otherwise run stale code. A
failed load leaves sys.modules untouched, so the previous version keeps working.
"""

from __future__ import annotations

import hashlib
import sys
import traceback
import types
from pathlib import Path


class LoadError(Exception):
    """A module could not be loaded; carries the file, a one-line reason and the traceback text."""

    def __init__(self, path: Path, reason: str, traceback_text: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
        self.traceback_text = traceback_text


class LoadedSource:
    __slots__ = ("module", "path", "digest")

    def __init__(self, module: types.ModuleType, path: Path, digest: str):
        self.module = module
        self.path = path
        self.digest = digest


def source_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _user_traceback(exc: BaseException) -> str:
    """The traceback without this loader's own frames: the user's file is what matters."""
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    lines = ["Traceback (most recent call last):\n"] + traceback.format_tb(tb) if tb is not None else []
    return "".join(lines + traceback.format_exception_only(type(exc), exc))


def load_source(module_name: str, path: Path, like: types.ModuleType | None = None) -> LoadedSource:
    """Compile and execute `path` as a new module named `module_name`; raise LoadError on any failure.

    `like`: the module this one replaces (a helper loaded by import); its import metadata is
    carried over so that a package keeps its __path__ and relative imports keep working.
    """
    try:
        source = path.read_bytes()
    except OSError as exc:
        raise LoadError(path, f"cannot read: {exc.strerror or exc}", traceback.format_exc()) from exc

    module = types.ModuleType(module_name)
    module.__file__ = str(path)
    package, _, _ = module_name.rpartition(".")
    module.__package__ = package
    if like is not None:
        for attribute in ("__spec__", "__loader__", "__path__", "__package__"):
            if hasattr(like, attribute):
                setattr(module, attribute, getattr(like, attribute))
    try:
        code = compile(source, str(path), "exec", dont_inherit=True)
        # Registered while executing so that dataclasses & co. can find their module.
        previous = sys.modules.get(module_name)
        sys.modules[module_name] = module
        try:
            exec(code, module.__dict__)
        except BaseException:
            if previous is not None:
                sys.modules[module_name] = previous
            else:
                sys.modules.pop(module_name, None)
            raise
    except SyntaxError as exc:
        reason = f"SyntaxError: {exc.msg} (line {exc.lineno})"
        raise LoadError(path, reason, _user_traceback(exc)) from exc
    except (Exception, SystemExit) as exc:  # any import-time failure of user code must not end the server
        reason = f"{type(exc).__name__}: {exc}"
        raise LoadError(path, reason, _user_traceback(exc)) from exc
    return LoadedSource(module, path, hashlib.sha256(source).hexdigest())
