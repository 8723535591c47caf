"""Where `snapshot build` gathers entity documents: an SQLite file on disk, so memory stays flat
however large the dump. It keeps each id once (its newest revision) and, for an SQLite snapshot,
the name, word and member indexes snapshot_sqlite.py looks up. A JSON-lines snapshot is then
written from it in id order.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from claimcheck.sources.snapshot import member_of_ids, normalize_name
from claimcheck.sources.snapshot_sqlite import FORMAT, canonical, decode, encode, words_of
from claimcheck.sources.wikidata_json import all_names, pick_text

Doc = Mapping[str, Any]

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE entities(id TEXT PRIMARY KEY, kind TEXT, num INTEGER, doc BLOB) WITHOUT ROWID;
CREATE TABLE redirects(id TEXT PRIMARY KEY, kind TEXT, num INTEGER, target TEXT) WITHOUT ROWID;
CREATE TABLE names(name TEXT, id TEXT, label INTEGER, PRIMARY KEY(name, id)) WITHOUT ROWID;
CREATE TABLE words(word TEXT, name TEXT, PRIMARY KEY(word, name)) WITHOUT ROWID;
CREATE TABLE members(org TEXT, id TEXT, PRIMARY KEY(org, id)) WITHOUT ROWID;
CREATE TABLE series(key TEXT PRIMARY KEY, doc BLOB) WITHOUT ROWID;
"""


_NAMES = "INSERT OR REPLACE INTO names VALUES (?, ?, ?)"
_WORDS = "INSERT OR IGNORE INTO words VALUES (?, ?)"
_MEMBERS = "INSERT OR IGNORE INTO members VALUES (?, ?)"
_INDEX_INSERTS = (_NAMES, _WORDS, _MEMBERS)
FLUSH_EVERY = 1000


def _sort_parts(entity_id: str) -> tuple[str, int]:
    digits = entity_id[1:]
    return entity_id[:1], int(digits) if digits.isdigit() else -1


def freshness(doc: Doc) -> tuple[int, int, str]:
    """Newest revision first; equal revisions keep the fuller document, then the larger text."""
    text = json.dumps(doc, sort_keys=True)
    return (int(doc.get("lastrevid") or -1), len(text), text)


class Store:
    """One build's documents, in an SQLite file at `path` (created, or emptied)."""

    def __init__(self, path: Path, *, indexed: bool) -> None:
        self.indexed, self.closed = indexed, False
        self.db = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "cache_size=-32000"):
            self.db.execute(f"PRAGMA {pragma}")  # a build that fails is thrown away anyway
        self.db.executescript(SCHEMA)
        self.db.execute("BEGIN")
        self.any_redirect = False
        # Index rows wait here and go in a thousand entities at a time: one executemany per
        # table instead of three calls per entity.
        self.pending: dict[str, list[tuple[Any, ...]]] = {sql: [] for sql in _INDEX_INSERTS}
        self.unflushed = 0

    def add(self, doc: Doc) -> None:
        target = (doc.get("redirects") or {}).get("to")
        if target and "claims" not in doc and "labels" not in doc:
            self._add_redirect(str(doc["id"]), str(target))
        else:
            self._add_entity(doc)

    def _add_redirect(self, source: str, target: str) -> None:
        if self._row(source) is None:  # a document of the id itself wins over a stub
            self.any_redirect = True
            self.db.execute(
                "INSERT OR REPLACE INTO redirects VALUES (?, ?, ?, ?)",
                (source, *_sort_parts(source), target),
            )

    def _add_entity(self, doc: Doc) -> None:
        entity_id = str(doc["id"])
        old = self._row(entity_id)  # a dump holds each id once: this is nearly always None
        if old is not None and freshness(old) >= freshness(doc):
            return
        if old is not None:
            self._unindex(entity_id, old)
        if self.any_redirect:  # a dump has none: skip a statement per entity
            self.db.execute("DELETE FROM redirects WHERE id = ?", (entity_id,))
        self.db.execute(
            "INSERT OR REPLACE INTO entities VALUES (?, ?, ?, ?)",
            (entity_id, *_sort_parts(entity_id), encode(doc)),
        )
        if self.indexed:
            self._index(entity_id, doc)

    def _row(self, entity_id: str) -> dict[str, Any] | None:
        row = self.db.execute("SELECT doc FROM entities WHERE id = ?", (entity_id,)).fetchone()
        return decode(row[0]) if row else None

    def _index(self, entity_id: str, doc: Doc) -> None:
        """Items are searchable (as wbsearchentities type=item); any entity has members."""
        if entity_id.startswith("Q"):
            label = pick_text(doc.get("labels"))
            names: dict[str, bool] = {}
            for raw in all_names(doc):  # a name is a label if any of its spellings is
                key = normalize_name(raw)
                names[key] = names.get(key, False) or raw == label
            self.pending[_NAMES].extend(
                (n, entity_id, int(is_label)) for n, is_label in names.items()
            )
            self.pending[_WORDS].extend((word, n) for n in names for word in words_of(n))
        self.pending[_MEMBERS].extend((org, entity_id) for org in member_of_ids(doc))
        self.unflushed += 1
        if self.unflushed >= FLUSH_EVERY:
            self.flush()

    def flush(self) -> None:
        """Write the index rows that wait; before anything reads or deletes index rows."""
        for sql, rows in self.pending.items():
            self.db.executemany(sql, rows)
            rows.clear()
        self.unflushed = 0

    def _unindex(self, entity_id: str, doc: Doc) -> None:
        # A word left behind only adds a candidate name that no entity holds: harmless.
        self.flush()
        for name in {normalize_name(n) for n in all_names(doc)}:
            self.db.execute("DELETE FROM names WHERE name = ? AND id = ?", (name, entity_id))
        for org in member_of_ids(doc):
            self.db.execute("DELETE FROM members WHERE org = ? AND id = ?", (org, entity_id))

    def add_series(self, key: str, doc: Doc) -> None:
        """A statistics series; the same key again replaces it (the last input wins)."""
        self.db.execute("INSERT OR REPLACE INTO series VALUES (?, ?)", (key, encode(doc)))

    def series(self) -> Iterator[str]:
        for (blob,) in self.db.execute("SELECT doc FROM series ORDER BY key"):
            yield canonical(decode(blob))

    def counts(self) -> tuple[int, int]:
        (entities,) = self.db.execute("SELECT COUNT(*) FROM entities").fetchone()
        (redirects,) = self.db.execute("SELECT COUNT(*) FROM redirects").fetchone()
        return int(entities), int(redirects)

    def in_order(self) -> Iterator[str]:
        """Every document and redirect stub as one canonical JSON line, Q2 before Q10."""
        rows = self.db.execute(
            "SELECT kind, num, id, doc, NULL FROM entities UNION ALL "
            "SELECT kind, num, id, NULL, target FROM redirects ORDER BY 1, 2, 3"
        )
        for _, _, entity_id, blob, target in rows:
            if blob is not None:
                yield canonical(decode(blob))
            else:
                yield canonical({"id": entity_id, "redirects": {"from": entity_id, "to": target}})

    def finish(self) -> None:
        self.flush()
        entities, redirects = self.counts()
        meta = {"format": FORMAT, "entities": str(entities), "redirects": str(redirects)}
        self.db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", meta.items())
        self.db.execute("COMMIT")

    def close(self) -> None:
        """Idempotent: the build closes an SQLite store before moving it into place."""
        if self.closed:
            return
        self.closed = True
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")
        self.db.close()
