"""`claimcheck snapshot build`: gather entity documents from files into one snapshot.

Inputs may hold single entity documents (pretty-printed or one per line), `{"entities": {...}}`
responses (wbgetentities, Special:EntityData), or HTTP cassettes (vcrpy for requests or httpx,
Ruby VCR) whose bodies are such responses. Each id is kept once, at its newest `lastrevid`; the
output is sorted by id and byte-for-byte deterministic.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, OutputError
from .snapshot import id_order

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class BuildReport:
    entities: int
    redirects: int
    skipped_inputs: tuple[str, ...]


def build_snapshot(inputs: Sequence[str | Path], out: str | Path) -> BuildReport:
    docs: dict[str, Doc] = {}
    skipped = []
    for path in map(Path, inputs):
        found = list(documents_in(path))
        if not found:
            skipped.append(str(path))
        for doc in found:
            keep(docs, doc)
    write_lines(Path(out), (docs[i] for i in sorted(docs, key=id_order)))
    redirects = sum(1 for d in docs.values() if "redirects" in d and "labels" not in d)
    return BuildReport(
        entities=len(docs) - redirects, redirects=redirects, skipped_inputs=tuple(skipped)
    )


def keep(docs: dict[str, Doc], doc: Doc) -> None:
    """Keep the newest revision of each id; equal revisions keep the fuller document."""
    entity_id = str(doc["id"])
    current = docs.get(entity_id)
    if current is None or _freshness(doc) > _freshness(current):
        docs[entity_id] = doc


def _freshness(doc: Doc) -> tuple[int, int, str]:
    text = json.dumps(doc, sort_keys=True)
    return (int(doc.get("lastrevid") or -1), len(text), text)


def documents_in(path: Path) -> Iterator[Doc]:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}") from None
    if path.suffix in (".yml", ".yaml"):
        for body in cassette_bodies(text, path):
            yield from documents_from_text(body)
    else:
        yield from documents_from_text(text)


def documents_from_text(text: str) -> Iterator[Doc]:
    try:
        yield from documents_from_json(json.loads(text))
        return
    except ValueError:
        pass
    for line in text.splitlines():
        try:
            yield from documents_from_json(json.loads(line))
        except ValueError:
            continue


def documents_from_json(data: Any) -> Iterator[Doc]:
    if not isinstance(data, dict):
        return
    if isinstance(data.get("entities"), dict):
        for key, doc in data["entities"].items():
            yield from _entity_and_redirect(str(key), doc)
    elif _is_entity(data):
        yield from _entity_and_redirect(str(data["id"]), data)


def _entity_and_redirect(key: str, doc: Any) -> Iterator[Doc]:
    if not _is_entity(doc):
        return  # missing ids, missing titles ("-1") and other shapes carry no facts
    redirect = doc.get("redirects") or {}
    source = str(redirect.get("from") or key)
    clean = {k: v for k, v in doc.items() if k != "redirects"}
    yield clean
    if source != clean["id"]:
        yield {"id": source, "redirects": {"from": source, "to": clean["id"]}}


def _is_entity(doc: Any) -> bool:
    # REST API documents ("statements") are another format and are left out.
    return (
        isinstance(doc, dict)
        and bool(doc.get("id"))
        and "missing" not in doc
        and "statements" not in doc
        and ("claims" in doc or "labels" in doc)
    )


def cassette_bodies(text: str, path: Path) -> Iterator[str]:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise InputError(f"{path} is not a YAML cassette: {err}") from None
    if not isinstance(data, dict):
        return
    for interaction in data.get("interactions") or data.get("http_interactions") or ():
        response = interaction.get("response") or {}
        body = response.get("body")
        raw = body.get("string") if isinstance(body, dict) else response.get("content")
        if raw is not None:
            yield _as_text(raw)


def _as_text(raw: Any) -> str:
    if isinstance(raw, bytes):
        if raw[:2] == b"\x1f\x8b":
            raw = gzip.decompress(raw)
        return raw.decode("utf-8", "replace")
    return str(raw)


def write_lines(out: Path, docs: Iterable[Doc]) -> None:
    """Write atomically: a reader never sees half a snapshot."""
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for doc in docs:
                handle.write(
                    json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                )
                handle.write("\n")
        os.replace(tmp, out)
    except OSError as err:
        raise OutputError(f"cannot write snapshot {out}: {err}") from None
