"""Clock service: wall-clock time with a configurable UTC offset, and uptime since (re)start.

Used by the now tool. Settings: clock.utc_offset_minutes (the default offset
when a call names none).
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

NAME = "clock"


class Clock:
    def __init__(self, utc_offset_minutes: int):
        self.default_offset_minutes = int(utc_offset_minutes)
        self._started_monotonic = time.monotonic()
        self.started_at = time.time()

    def start(self) -> None:
        self._started_monotonic = time.monotonic()
        self.started_at = time.time()

    def stop(self):
        return None  # nothing worth handing over: a restarted clock starts counting again

    def configure(self, settings: dict) -> None:
        self.default_offset_minutes = int(settings.get("clock", {}).get("utc_offset_minutes", 0))

    def now(self, utc_offset_minutes: int | None = None) -> datetime:
        offset = self.default_offset_minutes if utc_offset_minutes is None else int(utc_offset_minutes)
        return datetime.now(timezone(timedelta(minutes=offset)))

    def uptime_seconds(self) -> float:
        return time.monotonic() - self._started_monotonic


def create(settings: dict, previous_state) -> Clock:
    return Clock(settings.get("clock", {}).get("utc_offset_minutes", 0))
