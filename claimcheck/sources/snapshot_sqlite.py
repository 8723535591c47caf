"""An indexed SQLite snapshot: the same entity documents as a JSON-lines snapshot, looked up on
disk instead of loaded into memory, so a snapshot of millions of entities opens at once and many
processes (a --jobs run, Dask workers) read one file together.

Tables (written by snapshot_store.py):
  entities(id, doc)      the entity document, compact JSON compressed with zlib, by id
  redirects(id, target)  a redirected id → the id it now is
  names(name, id, label) every label and alias, normalized, → the entities holding it
  words(word, name)      every word of every name → the name: the search's candidates
  members(org, id)       member_of statements, so an organization's members need no scan
  series(key, doc)       World Bank statistics series, loaded whole (they are few)
  meta(key, value)       format version and counts
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import zlib
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson

from claimcheck.errors import SourceError
from claimcheck.model import Candidate, Entity
from claimcheck.sources.base import Sources
from claimcheck.sources.snapshot import (
    SnapshotSource,
    id_order,
    normalize_name,
    parse_json,
    rank_names,
    well_formed,
)

FORMAT = "claimcheck-snapshot-sqlite/1"
MAGIC = b"SQLite format 3\x00"
# The candidates one query word may bring: a word shared by more names than this ('of', 'the')
# says little about which entity is meant, and scoring them all would take seconds.
MAX_NAMES_PER_WORD = 2000


def load_sqlite(path: str | Path) -> Sources:
    """The sources an SQLite snapshot holds: its entities, its statistics series, or both."""
    from claimcheck.sources.statsnapshot import StatisticsSnapshot

    knowledge = SqliteSnapshotSource(path)
    rows = knowledge.rows("SELECT doc FROM series ORDER BY key")
    series = [knowledge.decoded(row[0]) for row in rows]
    statistics = StatisticsSnapshot(series, origin=str(path)) if series else None
    empty = not knowledge.describe()["entities"]
    return Sources(None if empty and series else knowledge, statistics)


def is_sqlite(path: str | Path) -> bool:
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False  # opening a FIFO to look would block; the reader refuses it
        with open(path, "rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def encode(doc: Mapping[str, Any]) -> bytes:
    # Unsorted, orjson and zlib level 1: the build's costliest steps; canonical() is for JSON
    # lines, whose bytes are json's own.
    try:
        text = orjson.dumps(doc)
    except TypeError:  # what orjson refuses to write (an integer over 64 bits, a lone surrogate)
        text = json.dumps(doc, separators=(",", ":")).encode("utf-8")
    return zlib.compress(text, 1)


def canonical(doc: Mapping[str, Any]) -> str:
    """The one serialisation of a document, in both snapshot formats."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def decode(blob: bytes) -> dict[str, Any]:
    """A stored document; ValueError if the blob is not one (not zlib, not JSON, not an object)."""
    try:
        data = parse_json(zlib.decompress(blob))
    except (zlib.error, TypeError, RecursionError) as err:
        raise ValueError(f"not a stored document ({err})") from None
    if not isinstance(data, dict):
        raise ValueError(f"a stored document is a {type(data).__name__}, not an object")
    return data


TABLES = ("meta", "entities", "redirects", "names", "words", "members", "series")


def words_of(name: str) -> list[str]:
    return sorted(set(name.split()))


class SqliteSnapshotSource(SnapshotSource):
    """A snapshot file opened read-only; lookups go through its indexes."""

    def __init__(self, path: str | Path) -> None:
        self.origin, self.page_base = str(path), "https://www.wikidata.org/wiki/"
        uri = f"file:{Path(path).resolve()}?mode=ro"
        try:  # one connection for every thread of a worker: SQLite serialises them itself
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            found = self.db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.DatabaseError as err:
            found = None if "no such table" in str(err) else err
            if found is not None:
                raise SourceError(f"cannot read snapshot {path}: {err}") from None
        if not found or found[0] != FORMAT:
            raise SourceError(f"snapshot {path} is not a claimcheck SQLite snapshot ({FORMAT})")
        present = {row[0] for row in self.rows("SELECT name FROM sqlite_master")}
        missing = [table for table in TABLES if table not in present]
        if missing:
            raise SourceError(f"snapshot {path} is damaged: no table {', '.join(missing)}")

    def rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[Any]:
        """Every row of a query; a store broken inside (overwritten pages, a table gone) is
        this file's CC905, said with its name, whenever a lookup meets it."""
        try:
            return self.db.execute(sql, args).fetchall()
        except sqlite3.Error as err:
            raise SourceError(f"snapshot {self.origin} is damaged: {err}") from None

    def decoded(self, blob: Any) -> dict[str, Any]:
        try:
            doc = decode(blob)
        except ValueError as err:
            raise SourceError(f"snapshot {self.origin} is damaged: {err}") from None
        if "series" not in doc and "indicator" not in doc and not well_formed(doc):
            raise SourceError(f"snapshot {self.origin} is damaged: a document of the wrong shape")
        return doc

    @classmethod
    def load(cls, path: str | Path) -> SqliteSnapshotSource:
        return cls(path)

    def describe(self) -> Mapping[str, Any]:
        found = self.rows("SELECT value FROM meta WHERE key = 'entities'")
        count = str(found[0][0]) if found else ""
        if not count.isdigit():
            raise SourceError(f"snapshot {self.origin} is damaged: no entity count in its meta")
        return {"name": self.name, "path": self.origin, "entities": int(count)}

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        query = normalize_name(mention)
        names = self._names_near(query)
        return self._candidates(rank_names(query, names, self._holders, limit))

    def _names_near(self, query: str) -> list[str]:
        """The query itself and every name sharing a word with it: a name sharing none scores
        under the fuzzy cutoff unless it is a spelling variant of a single-word query, so those
        (same first three letters) are added for one-word queries."""
        found = {query}
        for word in words_of(query):
            rows = self.rows(
                "SELECT name FROM words WHERE word = ? LIMIT ?", (word, MAX_NAMES_PER_WORD + 1)
            )
            if len(rows) <= MAX_NAMES_PER_WORD:
                found.update(row[0] for row in rows)
        if " " not in query and len(query) >= 3:
            low, high = query[:3], query[:3] + "\U0010ffff"
            rows = self.rows(
                "SELECT name FROM words WHERE word >= ? AND word < ? LIMIT ?",
                (low, high, MAX_NAMES_PER_WORD),
            )
            found.update(row[0] for row in rows)
        return sorted(found)

    def _holders(self, name: str) -> list[tuple[str, bool]]:
        rows = self.rows("SELECT id, label FROM names WHERE name = ?", (name,))
        return [(str(entity_id), bool(label)) for entity_id, label in rows]

    def members(self, organization_id: str) -> Sequence[Entity]:
        rows = self.rows("SELECT id FROM members WHERE org = ?", (organization_id,))
        return tuple(self._entity(i) for i in sorted((r[0] for r in rows), key=id_order))

    def _document(self, entity_id: str) -> Mapping[str, Any] | None:
        rows = self.rows("SELECT doc FROM entities WHERE id = ?", (entity_id,))
        return self.decoded(rows[0][0]) if rows else None

    def _redirect(self, entity_id: str) -> str | None:
        rows = self.rows("SELECT target FROM redirects WHERE id = ?", (entity_id,))
        return str(rows[0][0]) if rows else None
