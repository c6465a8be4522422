"""Runs the in-process services: every services/<name>.py (not starting with "_") is one service.

A service module declares:
    NAME    str, optional (defaults to the file name without .py)
    create(settings: dict, previous_state) -> service object, where the object may have
        start()                 called once after create
        stop() -> state         called before it is replaced; what it returns is handed to the next create
        configure(settings)     called when config/settings.json is reloaded

Restarting a service is stop + fresh load from source + create + start, in place,
without restarting the server. The new module is loaded before the old instance
is stopped, so a file with an error leaves the running service untouched.
"""

from __future__ import annotations

import logging
import threading
import traceback
from pathlib import Path
from typing import Any

from protocol.source_loader import LoadError, LoadedSource, load_source, source_digest

log = logging.getLogger("reynard.services")


class _Running:
    __slots__ = ("name", "module_name", "path", "digest", "module", "instance", "generation")

    def __init__(self, name: str, module_name: str, loaded: LoadedSource, instance: Any, generation: int):
        self.name = name
        self.module_name = module_name
        self.path = loaded.path
        self.digest = loaded.digest
        self.module = loaded.module
        self.instance = instance
        self.generation = generation


class RestartOutcome:
    def __init__(self):
        self.restarted: list[str] = []  # module names
        self.started: list[str] = []    # service names that are new
        self.stopped: list[str] = []    # service names whose file is gone
        self.errors: list[LoadError] = []


def _call_stop(instance: Any, name: str) -> Any:
    stop = getattr(instance, "stop", None)
    if not callable(stop):
        return None
    try:
        return stop()
    except Exception:
        log.exception("service %s failed while stopping; its state is discarded", name)
        return None


class ServiceManager:
    def __init__(self, services_dir: Path, settings_provider):
        self._dir = services_dir
        self._settings = settings_provider
        self._lock = threading.RLock()
        self._running: dict[str, _Running] = {}

    def _candidate_files(self) -> dict[str, Path]:
        if not self._dir.is_dir():
            return {}
        return {p.stem: p for p in sorted(self._dir.glob("*.py"))
                if p.is_file() and not p.name.startswith(("_", "."))}

    def _start(self, stem: str, path: Path, state: Any, generation: int) -> _Running:
        module_name = f"services.{stem}"
        loaded = load_source(module_name, path)
        create = getattr(loaded.module, "create", None)
        if not callable(create):
            raise LoadError(path, "not a valid service module: create(settings, previous_state) must be defined", "")
        name = getattr(loaded.module, "NAME", stem)
        return self._instantiate(name, module_name, loaded, state, generation)

    def _instantiate(self, name: str, module_name: str, loaded: LoadedSource, state: Any, generation: int) -> _Running:
        try:
            instance = loaded.module.create(self._settings(), state)
            start = getattr(instance, "start", None)
            if callable(start):
                start()
        except Exception as exc:
            raise LoadError(loaded.path, f"service {name} failed to start: {type(exc).__name__}: {exc}",
                            traceback.format_exc()) from exc
        return _Running(name, module_name, loaded, instance, generation)

    def start_all(self) -> RestartOutcome:
        return self.restart(None, set(), rescan=True)

    def restart(self, names: set[str] | None, forced: set[Path], rescan: bool = True) -> RestartOutcome:
        """Restart the named services (all when names is None) plus every service whose file changed,
        start services whose file is new and stop those whose file is gone."""
        forced = {p.resolve() for p in forced}
        outcome = RestartOutcome()
        with self._lock:
            files = self._candidate_files()
            by_stem = {Path(r.path).stem: r for r in self._running.values()}
            for stem, path in files.items():
                running = by_stem.get(stem)
                if running is None:
                    try:
                        fresh = self._start(stem, path, None, 1)
                    except LoadError as error:
                        outcome.errors.append(error)
                        log.error("service %s failed to start: %s", path.name, error.reason)
                        continue
                    self._running[fresh.name] = fresh
                    outcome.started.append(fresh.name)
                    outcome.restarted.append(fresh.module_name)
                    log.info("service %s started", fresh.name)
                    continue
                try:
                    digest = source_digest(path)
                except OSError:
                    continue
                wanted = (names is None or running.name in names or stem in names
                          or digest != running.digest or path.resolve() in forced)
                if not wanted:
                    continue
                try:
                    # Load first: a broken file must not take the running service down.
                    loaded = load_source(running.module_name, path)
                    if not callable(getattr(loaded.module, "create", None)):
                        raise LoadError(path, "not a valid service module: create(settings, previous_state) must be defined", "")
                except LoadError as error:
                    outcome.errors.append(error)
                    log.error("service %s not restarted, keeping the running version: %s", running.name, error.reason)
                    continue
                state = _call_stop(running.instance, running.name)
                try:
                    fresh = self._instantiate(running.name, running.module_name, loaded, state, running.generation + 1)
                except LoadError as error:
                    outcome.errors.append(error)
                    log.error("%s; bringing the previous version back", error.reason)
                    try:
                        running.instance = running.module.create(self._settings(), state)
                        if callable(getattr(running.instance, "start", None)):
                            running.instance.start()
                    except Exception:
                        log.exception("the previous version of service %s failed to start again", running.name)
                        del self._running[running.name]
                    continue
                self._running[running.name] = fresh
                outcome.restarted.append(running.module_name)
                log.info("service %s restarted (generation %d)", fresh.name, fresh.generation)
            if rescan:
                for name, running in list(self._running.items()):
                    if Path(running.path).stem not in files:
                        _call_stop(running.instance, name)
                        del self._running[name]
                        outcome.stopped.append(name)
                        log.info("service %s stopped: its file is gone", name)
        return outcome

    def configure_all(self, settings: dict) -> None:
        with self._lock:
            for running in self._running.values():
                configure = getattr(running.instance, "configure", None)
                if callable(configure):
                    try:
                        configure(settings)
                    except Exception:
                        log.exception("service %s rejected the new settings", running.name)

    def stop_all(self) -> None:
        with self._lock:
            for name, running in list(self._running.items()):
                _call_stop(running.instance, name)
            self._running.clear()

    def get(self, name: str) -> Any:
        running = self._running.get(name)
        return running.instance if running else None

    def describe(self) -> list[dict]:
        with self._lock:
            return [{"name": r.name, "module": r.module_name, "generation": r.generation}
                    for r in sorted(self._running.values(), key=lambda r: r.name)]
