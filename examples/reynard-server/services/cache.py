"""In-process key-value cache (least recently used entries go first).

Used by the remember/recall tools. A restart hands the entries over to the new
instance (stop() returns them, create() takes them back), so a service restart
keeps what the session remembered; settings: cache.max_entries.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict

NAME = "cache"


class Cache:
    def __init__(self, max_entries: int, entries: OrderedDict | None = None):
        self._lock = threading.Lock()
        self._max = max(1, int(max_entries))
        self._entries: OrderedDict[str, tuple[str, float]] = entries or OrderedDict()
        self.hits = 0
        self.misses = 0
        self._trim()

    def start(self) -> None:
        pass

    def stop(self) -> OrderedDict:
        with self._lock:
            return OrderedDict(self._entries)

    def configure(self, settings: dict) -> None:
        with self._lock:
            self._max = max(1, int(settings.get("cache", {}).get("max_entries", self._max)))
            self._trim()

    def _trim(self) -> None:
        while len(self._entries) > self._max:
            self._entries.popitem(last=False)

    def set(self, key: str, value: str) -> bool:
        """Store value under key; True when it replaced an earlier value."""
        with self._lock:
            replaced = key in self._entries
            self._entries[key] = (value, time.time())
            self._entries.move_to_end(key)
            self._trim()
            return replaced

    def get(self, key: str) -> tuple[str, float] | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                self.misses += 1
                return None
            self.hits += 1
            self._entries.move_to_end(key)
            return entry

    def delete(self, key: str) -> bool:
        with self._lock:
            return self._entries.pop(key, None) is not None

    def keys(self) -> list[str]:
        with self._lock:
            return list(self._entries)

    def stats(self) -> dict:
        with self._lock:
            return {"entries": len(self._entries), "maxEntries": self._max, "hits": self.hits, "misses": self.misses}


def create(settings: dict, previous_state) -> Cache:
    return Cache(settings.get("cache", {}).get("max_entries", 256), previous_state)
