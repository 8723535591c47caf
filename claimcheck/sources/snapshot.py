"""A pinned, reviewable set of facts: a JSON-lines file of entity documents in Wikidata's own JSON
format (one entity per line, as in the JSON dump), searched through a label/alias index.

A redirected id is kept as a one-line stub `{"id": FROM, "redirects": {"from": FROM, "to": TO}}`,
the same `redirects` object wbgetentities returns.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import orjson
from rapidfuzz import fuzz, process

from claimcheck.errors import SourceError
from claimcheck.limits import SNAPSHOT_BYTES, read_file
from claimcheck.model import Candidate, Entity, EntityRef, Provenance
from claimcheck.sources.base import Sources
from claimcheck.sources.wikidata_ids import PROPERTY_IDS
from claimcheck.sources.wikidata_json import all_names, parse_entity, pick_text, snak_value

PREFIX = "snapshot:"
# Snapshot documents are Wikidata's own JSON, so an entity's page is on Wikidata unless the
# snapshot says otherwise (page_base=None for documents from another Wikibase).
WIKIDATA_PAGES = "https://www.wikidata.org/wiki/"
FUZZY_CUTOFF = 90.0
MIN_FUZZY_LENGTH = 4


def normalize_name(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


class SnapshotSource:
    """Entity documents held in memory, with a name index; answers without any network."""

    name = "snapshot"

    def __init__(
        self,
        documents: Iterable[Mapping[str, Any]],
        *,
        origin: str = "memory",
        page_base: str | None = WIKIDATA_PAGES,
    ) -> None:
        self.origin, self.page_base = origin, page_base
        self.docs: dict[str, Mapping[str, Any]] = {}
        self.redirects: dict[str, str] = {}
        for doc in documents:
            target = (doc.get("redirects") or {}).get("to")
            if target and "claims" not in doc and "labels" not in doc:
                self.redirects[str(doc["id"])] = str(target)
            elif doc.get("id") and "missing" not in doc:
                self.docs[str(doc["id"])] = doc
        self.index: dict[str, list[tuple[str, bool]]] = {}
        for entity_id in sorted(self.docs, key=id_order):
            if entity_id.startswith("Q"):  # search finds items, as wbsearchentities type=item does
                self._index(entity_id, self.docs[entity_id])
        self._names = sorted(self.index)  # sorted, as every snapshot format ranks ties

    @classmethod
    def load(cls, path: str | Path) -> SnapshotSource:
        return cls(read_lines(Path(path)), origin=str(path))

    def _index(self, entity_id: str, doc: Mapping[str, Any]) -> None:
        label = pick_text(doc.get("labels"))
        for name in all_names(doc):
            self.index.setdefault(normalize_name(name), []).append((entity_id, name == label))

    def describe(self) -> Mapping[str, Any]:
        return {"name": self.name, "path": self.origin, "entities": len(self.docs)}

    def search(self, mention: str, *, language: str = "en", limit: int = 10) -> Sequence[Candidate]:
        query = normalize_name(mention)
        ranked = rank_names(query, self._names, self.index.__getitem__, limit)
        return self._candidates(ranked)

    def _candidates(self, ranked: list[tuple[int, tuple[str, str]]]) -> list[Candidate]:
        return [self._candidate(entity_id, matched, rank) for rank, (entity_id, matched) in ranked]

    def _candidate(self, entity_id: str, matched: str, rank: int) -> Candidate:
        doc = self._document(entity_id) or {}
        return Candidate(
            id=entity_id,
            label=pick_text(doc.get("labels")),
            description=pick_text(doc.get("descriptions")),
            matched=matched,
            rank=rank,
        )

    def members(self, organization_id: str) -> Sequence[Entity]:
        """Entities in the snapshot whose member_of statements name the organization (a snapshot
        knows only the members it holds: build it with them)."""
        return tuple(
            self._entity(entity_id)
            for entity_id in sorted(self.docs, key=id_order)
            if organization_id in member_of_ids(self.docs[entity_id])
        )

    def entities(self, ids: Sequence[str]) -> Mapping[str, Entity]:
        return {entity_id: self._entity(entity_id) for entity_id in dict.fromkeys(ids)}

    def _entity(self, requested: str) -> Entity:
        target = self._redirect(requested) or requested
        doc = self._document(target)
        if doc is None:
            return Entity(id=requested, label=None, missing=True)
        provenance = Provenance(
            endpoint=PREFIX + self.origin,
            retrieved_at=str(doc.get("modified", "")),
            from_cache=False,
            revision=doc.get("lastrevid"),
            url=f"{self.page_base}{target}" if self.page_base else None,
            redirected_from=requested if target != requested else None,
        )
        return parse_entity(doc, provenance)

    def _document(self, entity_id: str) -> Mapping[str, Any] | None:
        return self.docs.get(entity_id)

    def _redirect(self, entity_id: str) -> str | None:
        return self.redirects.get(entity_id)


def rank_names(
    query: str,
    names: Sequence[str],
    holders: Callable[[str], Iterable[tuple[str, bool]]],
    limit: int,
) -> list[tuple[int, tuple[str, str]]]:
    """(rank, (entity id, matched name)) for the names close to the normalized query, best
    first: an exact name, then the fuzzy score, a label before an alias, the lower id. Every
    snapshot format ranks through here, so they answer alike."""
    scored: dict[str, tuple[float, bool, str]] = {}
    for name, score, _ in process.extract(
        query, names, scorer=fuzz.token_set_ratio, score_cutoff=FUZZY_CUTOFF, limit=limit * 3
    ):
        if name != query and len(name) < MIN_FUZZY_LENGTH:
            continue  # 'us' would otherwise match every query containing the word 'us'
        exact = 101.0 if name == query else score  # an exact name outranks any subset match
        for entity_id, is_label in holders(name):
            best = scored.get(entity_id)
            if best is None or (exact, is_label) > best[:2]:
                scored[entity_id] = (exact, is_label, name)
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], not kv[1][1], id_order(kv[0])))
    return list(enumerate((entity_id, matched) for entity_id, (_, _, matched) in ranked[:limit]))


def load_snapshot(path: str | Path) -> Sources:
    """The sources a snapshot file holds: its entity documents, its statistics series, or both."""
    from claimcheck.sources.statsnapshot import StatisticsSnapshot, is_statistics

    lines = read_lines(Path(path))
    series = [doc for doc in lines if is_statistics(doc)]
    entities = [doc for doc in lines if not is_statistics(doc)]
    statistics = StatisticsSnapshot(series, origin=str(path)) if series else None
    knowledge = SnapshotSource(entities, origin=str(path)) if entities or not series else None
    return Sources(knowledge, statistics)


def member_of_ids(doc: Mapping[str, Any]) -> set[str]:
    statements = (doc.get("claims") or {}).get(PROPERTY_IDS["member_of"]) or ()
    refs = (snak_value(s.get("mainsnak") or {}) for s in statements if isinstance(s, Mapping))
    return {ref.id for ref in refs if isinstance(ref, EntityRef)}


def parse_json(text: str | bytes) -> Any:
    """orjson where it can (the parse is a large share of a dump's build and of a lookup); the
    standard parser for what orjson refuses and json accepts (NaN, a lone surrogate, a number
    beyond a double), so both read the same documents."""
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:
        return _mended(json.loads(text))


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _mended(data: Any) -> Any:
    """A lone surrogate ("\\ud800" in the JSON: legal there, not a character) becomes U+FFFD, as
    a decoder's `errors="replace"` would: no UTF-8 file or SQLite text can hold it."""
    if isinstance(data, str):
        return _LONE_SURROGATE.sub("\ufffd", data)
    if isinstance(data, list):
        return [_mended(item) for item in data]
    if isinstance(data, dict):
        return {_mended(key): _mended(value) for key, value in data.items()}
    return data


def read_lines(path: Path) -> Iterable[Mapping[str, Any]]:
    try:
        lines = read_file(path, SNAPSHOT_BYTES).decode("utf-8").splitlines()
    except OSError as err:
        raise SourceError(f"cannot read snapshot {path}: {err.strerror or err}") from None
    except UnicodeDecodeError as err:
        raise SourceError(f"cannot read snapshot {path}: {err}") from None
    docs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except (ValueError, RecursionError):
            raise SourceError(f"snapshot {path} line {number} is not JSON") from None
        if not isinstance(doc, dict) or not well_formed(doc):
            raise SourceError(f"snapshot {path} line {number} is not an entity document")
        docs.append(doc)
    return docs


def well_formed(doc: dict[str, Any]) -> bool:
    """Whether the document parses as Wikidata's entity JSON. Checked once at load, so a wrong
    type deep in a statement is this file's error, said with its line, not a crash mid-run."""
    try:
        if (doc.get("redirects") or {}).get("to") and "claims" not in doc:
            return isinstance(doc.get("id"), str)
        parse_entity(doc)
        all_names(doc)
        member_of_ids(doc)
    except (AttributeError, TypeError, KeyError, ValueError, ArithmeticError, RecursionError):
        return False
    return True


def id_order(entity_id: str) -> tuple[str, int, str]:
    """Q2 before Q10: by prefix, then number."""
    digits = entity_id[1:]
    return (entity_id[:1], int(digits) if digits.isdigit() else -1, entity_id)
