"""`claimcheck snapshot build`: gather entity documents from files into one snapshot.

Inputs may hold single entity documents (pretty-printed or one per line), `{"entities": {...}}`
responses (wbgetentities, Special:EntityData), or HTTP cassettes (vcrpy for requests or httpx,
Ruby VCR) whose bodies are such responses. Each id is kept once, at its newest `lastrevid`; the
output is sorted by id and byte-for-byte deterministic.
"""

from __future__ import annotations

import base64
import bz2
import gzip
import json
import os
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from claimcheck.errors import InputError, OutputError
from claimcheck.sources.snapshot import id_order
from claimcheck.sources.statsnapshot import (
    is_statistics,
    is_wdi_folder,
    statistics_order,
    wdi_documents,
)

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class BuildReport:
    entities: int
    redirects: int
    skipped_inputs: tuple[str, ...]
    series: int = 0  # statistics series (one indicator for one country) from WDI folders


def build_snapshot(inputs: Sequence[str | Path], out: str | Path) -> BuildReport:
    docs: dict[str, Doc] = {}
    statistics: dict[tuple[str, str, str], Doc] = {}
    skipped = []
    for path in map(Path, inputs):
        found = list(_inputs(path))
        if not found:
            skipped.append(str(path))
        for doc in found:
            if is_statistics(doc):
                statistics[statistics_order(doc)] = doc
            else:
                keep(docs, doc)
    ordered = [docs[i] for i in sorted(docs, key=id_order)]
    write_lines(Path(out), [*ordered, *(statistics[k] for k in sorted(statistics))])
    redirects = sum(1 for d in docs.values() if "redirects" in d and "labels" not in d)
    return BuildReport(
        entities=len(docs) - redirects,
        redirects=redirects,
        skipped_inputs=tuple(skipped),
        series=sum(1 for d in statistics.values() if "series" in d),
    )


def _inputs(path: Path) -> Iterator[Doc]:
    """A WDI folder's series, every file of another folder (read whole), or one file."""
    if is_wdi_folder(path):
        yield from wdi_documents(path)
    elif path.is_dir():
        for item in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from documents_in(item)
    else:
        yield from documents_in(path)


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
    """Entity documents in one input; a dump (`[`, one entity per line with a trailing comma,
    `]`), JSON lines and `.gz`/`.bz2` files are streamed line by line."""
    try:
        if path.suffix in (".yml", ".yaml"):
            for body in cassette_bodies(path.read_text(encoding="utf-8"), path):
                yield from documents_from_text(body)
            return
        found = False
        with _open_text(path) as lines:
            for doc in documents_from_lines(lines):
                found = True
                yield doc
        if not found:  # one pretty-printed document spread over many lines
            with _open_text(path) as handle:
                yield from documents_from_text(handle.read())
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as err:
        raise InputError(f"cannot read {path}: {err}") from None


def _open_text(path: Path) -> IO[str]:
    opener = {".gz": gzip.open, ".bz2": bz2.open}.get(path.suffix)
    if opener is not None:
        return opener(path, "rt", encoding="utf-8")  # type: ignore[no-any-return,operator]
    return path.open(encoding="utf-8")


def documents_from_lines(lines: Iterable[str]) -> Iterator[Doc]:
    for line in lines:
        text = line.strip().rstrip(",")
        if not text.startswith("{"):
            continue  # the dump's opening "[" and closing "]", blank lines
        try:
            yield from documents_from_json(json.loads(text))
        except ValueError:
            continue


def documents_from_text(text: str) -> Iterator[Doc]:
    try:
        data = json.loads(text)
    except ValueError:
        yield from documents_from_lines(text.splitlines())
        return
    yield from documents_from_json(data)


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


class _CassetteLoader(yaml.SafeLoader):
    """Ruby's YAML writes any body that is not plain ASCII as `!binary` base64 (Ruby VCR)."""

    def construct_binary(self, node: Any) -> bytes:
        text = self.construct_scalar(node)
        try:
            return base64.b64decode("".join(str(text).split()), validate=True)
        except ValueError as err:
            raise yaml.constructor.ConstructorError(
                None, None, f"!binary that is not base64 ({err})", node.start_mark
            ) from None


_CassetteLoader.add_constructor("!binary", _CassetteLoader.construct_binary)


def cassette_bodies(text: str, path: Path) -> Iterator[str]:
    try:
        data = yaml.load(text, Loader=_CassetteLoader)  # noqa: S506 - a SafeLoader subclass
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


def _new_file_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_lines(out: Path, docs: Iterable[Doc]) -> None:
    """Write atomically: a reader never sees half a snapshot."""
    out.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.fchmod(fd, _new_file_mode())  # mkstemp's 0600 would hide the snapshot from the team
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for doc in docs:
                handle.write(
                    json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                )
                handle.write("\n")
        os.replace(tmp, out)
    except OSError as err:
        raise OutputError(f"cannot write snapshot {out}: {err}") from None
