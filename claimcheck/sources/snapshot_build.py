"""`claimcheck snapshot build`: gather entity documents from files into one snapshot.

Inputs may hold single entity documents (pretty-printed or one per line), `{"entities": {...}}`
responses (wbgetentities, Special:EntityData), or HTTP cassettes (vcrpy for requests or httpx,
Ruby VCR) whose bodies are such responses, and the Wikidata JSON dump (`latest-all.json.gz` /
`.bz2`), streamed. Each id is kept once, at its newest `lastrevid`. Documents are gathered on disk
(snapshot_store.py), so memory stays flat whatever the dump's size. The output's suffix picks the
format: `.sqlite` (indexed, snapshot_sqlite.py) or JSON lines, sorted by id and byte-for-byte
deterministic.
"""

from __future__ import annotations

import base64
import bz2
import contextlib
import dataclasses
import gzip
import itertools
import json
import os
import re
import sqlite3
import stat
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import yaml

from claimcheck.errors import InputError, OutputError, UsageError
from claimcheck.model import EntityRef
from claimcheck.sources import vintage_inputs
from claimcheck.sources.snapshot import parse_json, well_formed
from claimcheck.sources.snapshot_store import Store
from claimcheck.sources.statsnapshot import (
    is_statistics,
    is_wdi_folder,
    statistics_order,
    wdi_documents,
)
from claimcheck.sources.statvalues import plausible
from claimcheck.sources.wikidata_ids import INSTANCE_OF, KIND_ITEMS
from claimcheck.sources.wikidata_json import snak_value

Doc = Mapping[str, Any]


@dataclass(frozen=True)
class BuildReport:
    entities: int
    redirects: int
    skipped_inputs: tuple[str, ...]
    left_out: int = 0  # documents the --kind / --ids filters did not keep
    malformed: int = 0  # documents that do not parse as Wikidata's entity JSON, left out
    series: int = 0  # statistics series (one indicator for one country) from WDI folders
    implausible: tuple[str, ...] = ()  # statistics values left out (statvalues.py), each why


SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")


def build_snapshot(
    inputs: Sequence[str | Path],
    out: str | Path,
    *,
    kinds: Sequence[str] = (),
    ids: Iterable[str] = (),
) -> BuildReport:
    """Stream every input into a store on disk, keeping what the filters select (nothing given:
    everything), then write the snapshot; its suffix picks SQLite or JSON lines."""
    skipped: list[str] = []

    def documents() -> Iterator[Doc]:
        for path in map(Path, inputs):
            found = False
            for doc in _inputs(path):
                found = True
                yield doc
            if not found:
                skipped.append(str(path))

    report = build_from(documents(), out, Selection.of(kinds, ids), [str(p) for p in inputs])
    return dataclasses.replace(report, skipped_inputs=tuple(skipped))


def _inputs(path: Path) -> Iterator[Doc]:
    """A WDI folder's series, every file of another folder (read whole), or one file."""
    if is_wdi_folder(path):
        yield from wdi_documents(path)
    elif vintage_inputs.recognises(path):  # past releases: source-57 answers, vintage CSVs
        yield from vintage_inputs.documents(path, documents_in)
    elif path.is_dir():
        for item in sorted(p for p in path.rglob("*") if p.is_file()):
            yield from documents_in(item)
    else:
        yield from documents_in(path)


def build_from(
    documents: Iterable[Doc], out: str | Path, wanted: Selection, named: Sequence[str] = ()
) -> BuildReport:
    """The documents the selection keeps, written to `out` (benchmarks feed a generator).
    Nothing to keep is an error naming the inputs (`named`), and `out` is left as it was."""
    given, out = Path(out), _target(Path(out))
    implausible: list[str] = []
    with _staging(out) as (store, staged):
        left_out = malformed = 0
        for doc in documents:
            if is_statistics(doc):  # series are never filtered: --kind and --ids name entities
                doc = plausible(doc, implausible.append)
                store.add_series("\x1f".join(statistics_order(doc)), doc)
            elif not well_formed(dict(doc)):
                malformed += 1  # one odd entity in a 100-million-entity dump must not stop it
            elif wanted.keeps(doc):
                store.add(doc)
            else:
                left_out += 1
        entities, redirects = store.counts()
        series = sum("series" in json.loads(line) for line in store.series())
        if not (entities or redirects or series):
            raise InputError(_nothing_in(named, given, left_out))
        if store.indexed:
            store.finish()
            store.close()
            _replace(staged, out)
        else:
            write_lines(out, itertools.chain(store.in_order(), store.series()))
    return BuildReport(entities, redirects, (), left_out, malformed, series, tuple(implausible))


def _nothing_in(named: Sequence[str], out: Path, left_out: int) -> str:
    shown = ", ".join(named[:3]) + (f" and {len(named) - 3} more" if len(named) > 3 else "")
    if left_out:
        where = f"--kind and --ids kept none of the {left_out} entity documents in {shown}"
    else:
        where = (
            f"{shown or 'the inputs'} hold no entity documents or statistics series (snapshot "
            "build reads Wikidata JSON — a dump, wbgetentities answers, cassettes — World Bank "
            "WDI folders, WDI Database Archives answers and vintage CSVs, not articles; the "
            "order is: snapshot build OUT INPUTS...)"
        )
    return f"{where}; nothing written, {out} left as it was"


def _target(out: Path) -> Path:
    """Where the snapshot goes: a symlink's target (the link stays). A device, a FIFO or a
    folder is refused: the rename that installs the snapshot would replace the node."""
    target = Path(os.path.realpath(out))
    if target.exists() and not target.is_file():
        raise OutputError(f"cannot write snapshot {out}: not a regular file; name a file")
    return target


@contextlib.contextmanager
def _staging(out: Path) -> Iterator[tuple[Store, Path]]:
    """A store beside the output (SQLite: it becomes the output) that never outlives the build."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
        os.close(fd)
        store = Store(Path(name), indexed=out.suffix.lower() in SQLITE_SUFFIXES)
    except (OSError, sqlite3.Error) as err:
        raise OutputError(f"cannot write snapshot {out}: {err}") from None
    try:
        yield store, Path(name)
    except sqlite3.Error as err:
        raise OutputError(f"cannot write snapshot {out}: {err}") from None
    finally:
        store.close()
        with contextlib.suppress(OSError):
            os.unlink(name)


def _replace(staged: Path, out: Path) -> None:
    try:
        os.chmod(staged, _new_file_mode(out))  # readable by the team, as a JSON-lines one is
        os.replace(staged, out)
    except OSError as err:
        raise OutputError(f"cannot write snapshot {out}: {err}") from None


@dataclass(frozen=True)
class Selection:
    """Which documents a build keeps: those of the kinds asked for, or with the ids asked for
    (either one suffices); with neither, every document."""

    types: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()

    @classmethod
    def of(cls, kinds: Sequence[str], ids: Iterable[str]) -> Selection:
        unknown = sorted(set(kinds) - set(KIND_ITEMS))
        if unknown:
            raise UsageError(
                f"unknown --kind {', '.join(unknown)}; choose from: {', '.join(KIND_ITEMS)}"
            )
        types = frozenset().union(*(KIND_ITEMS[k] for k in kinds))
        return cls(frozenset(types), frozenset(ids))

    def keeps(self, doc: Doc) -> bool:
        if not self.types and not self.ids:
            return True
        if str(doc.get("id")) in self.ids:
            return True
        return bool(self.types) and not self.types.isdisjoint(instance_of_ids(doc))


def instance_of_ids(doc: Doc) -> set[str]:
    statements = (doc.get("claims") or {}).get(INSTANCE_OF) or ()
    values = (snak_value(s.get("mainsnak") or {}) for s in statements if isinstance(s, Mapping))
    return {value.id for value in values if isinstance(value, EntityRef)}


def ids_in_file(path: str | Path) -> set[str]:
    """Every Wikidata id (Q…, P…) named in a file: a plain list, or a claimcheck run's JSON
    lines (the ids it linked)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read the id list {path}: {err}") from None
    return set(re.findall(r"\b[QP][1-9][0-9]*\b", text))


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
            yield from documents_from_json(parse_json(text))
        except ValueError:
            continue


def documents_from_text(text: str) -> Iterator[Doc]:
    try:
        data = parse_json(text)
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
        where = getattr(err, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        why = getattr(err, "problem", None) or str(err).splitlines()[0]
        raise InputError(f"{path} is not a YAML cassette: {why}{line}") from None
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


def _new_file_mode(out: Path) -> int:
    """The mode of the snapshot replaced, else what a new file gets under the umask (mkstemp's
    0600 would hide the snapshot from the team)."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(out.stat().st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def write_lines(out: Path, lines: Iterable[str]) -> None:
    """Write atomically: a reader never sees half a snapshot, and a failed or interrupted write
    leaves no temporary file behind."""
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    except OSError as err:
        raise OutputError(f"cannot write snapshot {out}: {err}") from None
    try:
        os.fchmod(fd, _new_file_mode(out))
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            for line in lines:
                handle.write(line)
                handle.write("\n")
        os.replace(tmp, out)
    except BaseException as err:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(err, OSError):
            raise OutputError(f"cannot write snapshot {out}: {err}") from None
        raise
