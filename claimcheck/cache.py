"""A persistent response cache in SQLite under the user cache directory.

The cache only ever helps: a corrupt, locked or unwritable database is bypassed with one warning,
and the run goes on without it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

FILENAME = "http-cache.sqlite"
_BUSY_ATTEMPTS = 3  # each waits the connection's busy timeout, then the cache is given up
_BUSY_PAUSE = 0.05
Warn = Callable[[str], None]

_SCHEMA = """CREATE TABLE IF NOT EXISTS responses (
    key TEXT PRIMARY KEY, body BLOB NOT NULL, retrieved_at TEXT NOT NULL)"""


@dataclass(frozen=True)
class CachedBody:
    body: bytes
    retrieved_at: str  # ISO 8601 UTC, when the origin answered


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("claimcheck", appauthor=False))


class Cache:
    """Bodies by request key. `get` takes the caller's expiry (seconds; None accepts any age)."""

    def __init__(
        self, directory: str | Path | None = None, *, warn: Warn | None = None, timeout: float = 2.0
    ) -> None:
        self.path = Path(directory) if directory is not None else default_cache_dir()
        self.warn = warn or (lambda message: None)
        self.timeout = timeout
        self._db: sqlite3.Connection | None = None
        self._broken = False
        self._lock = threading.Lock()  # one connection, shared by whichever thread asks

    def get(self, key: str, max_age: float | None, now: dt.datetime) -> CachedBody | None:
        row = self._run(
            lambda db: db.execute(
                "SELECT body, retrieved_at FROM responses WHERE key = ?", (key,)
            ).fetchone()
        )
        if not row:
            return None
        body, retrieved_at = row
        if max_age is not None and _age(retrieved_at, now) > max_age:
            return None
        return CachedBody(body=bytes(body), retrieved_at=retrieved_at)

    def put(self, key: str, body: bytes, retrieved_at: str) -> None:
        def write(db: sqlite3.Connection) -> None:
            with db:
                db.execute(
                    "INSERT OR REPLACE INTO responses VALUES (?, ?, ?)", (key, body, retrieved_at)
                )

        self._run(write)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def _run(self, operation):  # type: ignore[no-untyped-def]
        if self._broken:
            return None
        for attempt in range(_BUSY_ATTEMPTS):
            try:
                with self._lock:
                    return operation(self._connect())
            except sqlite3.OperationalError as err:
                # Another run holding the write lock is not a broken cache: SQLite's busy handler
                # does not cover every case (changing journal mode, a WAL snapshot gone stale), so
                # wait and try again before giving the cache up for this run.
                if not _is_busy(err) or attempt + 1 == _BUSY_ATTEMPTS:
                    return self._give_up(err)
                time.sleep(_BUSY_PAUSE * 2**attempt)
            except (sqlite3.Error, OSError) as err:
                return self._give_up(err)
        return None

    def _give_up(self, err: Exception) -> None:
        self._broken = True
        self.close()
        self.warn(f"cache {self.path / FILENAME} is unusable ({err}); continuing without it")

    def _connect(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                self.path / FILENAME, timeout=self.timeout, check_same_thread=False
            )
            try:
                # WAL lets a second run read while the first writes; a lost cache entry only
                # costs a request, so commits need not wait for the disk.
                if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                    db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")
                db.execute(_SCHEMA)
            except BaseException:
                db.close()
                raise
            self._db = db
        return self._db


def _is_busy(err: sqlite3.OperationalError) -> bool:
    message = str(err).lower()
    return "locked" in message or "busy" in message


def _age(retrieved_at: str, now: dt.datetime) -> float:
    try:
        then = dt.datetime.strptime(retrieved_at, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.UTC)
    except ValueError:
        return float("inf")
    return (now - then).total_seconds()
