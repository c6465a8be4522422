"""Reloads the project's own helper modules, the ones no reload rule names (e.g. a textutil.py
beside main.py that tools/echo.py imports).

FoxReload follows imports: an edit to such a helper arrives as a hot reload whose `files` name the
helper and whose `components` name the tools importing it. The registry loads those tools again
from source, but their `import textutil` would find the old module in sys.modules and the edit
would never show. So every changed helper that is loaded is replaced first, from source (not
through importlib.reload: the bytecode cache could hand back stale code, see source_loader), and
a deleted one is evicted so that its importers fail loudly instead of running the old code.
"""

from __future__ import annotations

import logging
import os
import sys
import types
from pathlib import Path

from protocol.source_loader import LoadError, load_source

log = logging.getLogger("reynard.helpers")


class HelperOutcome:
    def __init__(self):
        self.reloaded: list[str] = []  # module names replaced from source
        self.evicted: list[str] = []   # module names whose file is gone
        self.errors: list[LoadError] = []


def _same_file(module: types.ModuleType, path: Path) -> bool:
    filename = getattr(module, "__file__", None)
    return isinstance(filename, str) and os.path.realpath(filename) == str(path)


def loaded_module(path: Path, base_dir: Path) -> tuple[str, types.ModuleType] | None:
    """The module loaded from `path`: looked up by its dotted name first, then by its file."""
    relative = path.relative_to(base_dir).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    name = ".".join(parts)
    module = sys.modules.get(name)
    if module is not None and _same_file(module, path):
        return name, module
    for other_name, other in list(sys.modules.items()):
        if other is not None and other_name != "__main__" and _same_file(other, path):
            return other_name, other
    return None


def reload_helpers(paths: list[Path], base_dir: Path) -> HelperOutcome:
    """Replace (or evict) the loaded modules of `paths`; a helper that was never imported needs nothing:
    its importers load it fresh. A helper that fails to load keeps its previous version."""
    outcome = HelperOutcome()
    for path in sorted(paths):
        found = loaded_module(path, base_dir)
        if found is None:
            continue
        name, previous = found
        if not path.is_file():
            sys.modules.pop(name, None)
            outcome.evicted.append(name)
            log.info("helper %s is gone: evicted %s", path.name, name)
            continue
        try:
            fresh = load_source(name, path, like=previous).module
        except LoadError as error:
            outcome.errors.append(error)
            log.error("helper %s failed to load, keeping the previous version: %s", path.name, error.reason)
            continue
        parent_name, _, child = name.rpartition(".")
        parent = sys.modules.get(parent_name) if parent_name else None
        if parent is not None and getattr(parent, child, None) is previous:
            setattr(parent, child, fresh)  # `import pkg.helper` then `pkg.helper.f()` sees the new one
        outcome.reloaded.append(name)
    return outcome
