"""Inputs → Documents: files, folders, stdin; plain text, Markdown with front matter, HTML and
JSON-lines batches.

Texts are decoded without newline translation so every offset points into the input as read.
A file that cannot be read becomes an `Unreadable` in the stream; the other inputs go on.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from claimcheck.errors import InputError
from claimcheck.model import Document
from claimcheck.read import frontmatter, mistakes, skips
from claimcheck.read.frontmatter import parse_date
from claimcheck.read.options import ReadOptions
from claimcheck.read.softbreaks import with_soft_breaks

_SUFFIXES = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
# Front matter opens the file, after at most HTML comments (some editors put one first); an empty
# block ("---\n---") is front matter too.
_LEADING_COMMENTS = re.compile(r"\A\ufeff?(?:\s*<!--.*?-->\s*)*", re.S)
_FRONT_MATTER = re.compile(
    r"---[ \t]*\r?\n(?:(?P<body>.*?)\r?\n)??(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S
)
_OPENING = re.compile(r"---[ \t]*\r?\n")


@dataclass(frozen=True)
class Unreadable:
    """An input that could not be turned into a document, and why (one line)."""

    source: str
    message: str


def read_inputs(
    paths: Iterable[str], options: ReadOptions, stdin: BinaryIO | None = None
) -> Iterator[Document | Unreadable]:
    """Yield a Document (or an Unreadable) for every input, in a deterministic order."""
    for given in paths:
        if given == "-":
            # sys.stdin is None when the process was started with descriptor 0 closed (`<&-`).
            stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
            yield from _read_stdin(options, stream)
            continue
        path = Path(given)
        if path.is_dir():
            found = list(_walk(path, options.glob))
            if not any(isinstance(f, Path) for f in found):
                yield Unreadable(given, mistakes.empty_folder(given))
            for file in found:
                yield from _read_file(file, options) if isinstance(file, Path) else (file,)
        elif path.exists() or path.is_symlink():
            yield from _read_file(path, options)
        else:
            yield Unreadable(given, mistakes.missing(given) or f"{given}: no such file or folder")


def _walk(root: Path, pattern: str | None) -> Iterator[Path | Unreadable]:
    """The files a folder yields, and a sub-folder that cannot be listed (said, not skipped)."""
    seen: set[tuple[int, int]] = set()
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, onerror=errors.append, followlinks=False):
        yield from (_unlistable(err) for err in errors)
        errors.clear()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            file = Path(dirpath, name)
            rel = file.relative_to(root).as_posix()
            if name.startswith("."):
                continue
            if pattern is not None and not (
                fnmatch.fnmatch(name, pattern) or fnmatch.fnmatch(rel, pattern)
            ):
                continue
            if pattern is None and not _readable_by_default(file):
                continue
            try:
                info = file.stat()
            except OSError:
                key = (0, hash(rel))
            else:
                if not stat.S_ISREG(info.st_mode):
                    continue  # a pipe, socket or device is no article (a pipe blocks for ever)
                key = (info.st_dev, info.st_ino)
            if key in seen:
                continue
            seen.add(key)
            yield file
    yield from (_unlistable(err) for err in errors)


def walk_would_pick(root: str, file: str, pattern: str | None) -> bool:
    """Whether reading the folder `root` would read `file` (existing or not), by the walk's
    rules: no hidden file or folder, the --glob pattern, else the article suffixes."""
    rel = Path(os.path.relpath(file, root))
    if any(part.startswith(".") for part in rel.parts):
        return False
    if pattern is not None:
        return fnmatch.fnmatch(rel.name, pattern) or fnmatch.fnmatch(rel.as_posix(), pattern)
    return _readable_by_default(rel)


def _unlistable(err: OSError) -> Unreadable:
    name = display_name(str(err.filename))
    reason = "permission denied" if isinstance(err, PermissionError) else err.strerror or str(err)
    return Unreadable(name, f"{name}: cannot read this folder ({reason})")


def display_name(name: str) -> str:
    """A path as it can be printed and hashed: bytes that are not UTF-8 (kept by Python as lone
    surrogates) are shown as \\xNN escapes."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _readable_by_default(file: Path) -> bool:
    """Without --glob a folder yields articles: text, Markdown and HTML. JSON-lines files are left
    out, since a folder of articles often holds data files (a snapshot, a baseline) that are not
    batches of articles; name a batch, or pass --glob '*.jsonl', to read it."""
    fmt = _format_for(file.name, "auto")
    return fmt in ("markdown", "html") or file.suffix in (".txt", ".text")


def _format_for(name: str, requested: str) -> str:
    if requested != "auto":
        return requested
    return _SUFFIXES.get(Path(name).suffix.lower(), "text")


def _read_file(path: Path, options: ReadOptions) -> Iterator[Document | Unreadable]:
    name = display_name(path.as_posix())
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            yield Unreadable(name, f"{name}: {size} bytes is over the limit of {options.max_bytes}")
            return
        data = _read_bounded(path, options.max_bytes)
        if len(data) > options.max_bytes:  # a device or pipe named directly has no size to stat
            yield Unreadable(name, f"{name}: over the limit of {options.max_bytes} bytes")
            return
    except IsADirectoryError:
        yield Unreadable(name, f"{name}: is a folder, not a file")
        return
    except PermissionError:
        yield Unreadable(name, f"{name}: permission denied")
        return
    except OSError as err:
        yield Unreadable(name, f"{name}: cannot read ({err.strerror or err})")
        return
    yield from _documents_from_bytes(name, data, _format_for(name, options.input_format))


def _read_bounded(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def _read_stdin(options: ReadOptions, stream: BinaryIO | None) -> Iterator[Document | Unreadable]:
    name = options.stdin_filename or "-"
    try:
        if stream is None:
            raise ValueError("no standard input")
        data = stream.read(options.max_bytes + 1)
    except (OSError, ValueError):
        yield Unreadable(name, f"{name}: standard input is closed")
        return
    if len(data) > options.max_bytes:
        limit = options.max_bytes
        yield Unreadable(name, f"{name}: standard input is over the limit of {limit} bytes")
        return
    yield from _documents_from_bytes(name, data, _format_for(name, options.input_format))


def _documents_from_bytes(name: str, data: bytes, fmt: str) -> Iterator[Document | Unreadable]:
    try:
        text = decode(data, name)
        if fmt == "jsonl":
            yield from _jsonl_documents(name, text)
            return
        if not text.strip():
            raise InputError(f"{name}: empty input, no text to check")
        if fmt == "markdown":
            yield markdown_document(name, text)
        elif fmt == "html":
            yield html_document(name, text)
        else:
            document = Document(id=name, text=text, path=_path_or_none(name), format="text")
            yield with_soft_breaks(document)
    except InputError as err:
        yield Unreadable(name, str(err))


def _path_or_none(name: str) -> str | None:
    return None if name == "-" else name


def decode(data: bytes, name: str) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; anything else is an InputError."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise InputError(f"{name}: not valid UTF-16 text (byte {err.start})") from None
    if b"\x00" in data[:8192]:
        hint = " (UTF-16 without a byte-order mark? re-save it as UTF-8)"
        hint = hint if _looks_utf16(data) else ""
        raise InputError(mistakes.binary(name, data) or f"{name}: binary file, not text{hint}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        other = mistakes.binary(name, data)  # a PDF is often NUL-free: not UTF-8, not text
        if other:
            raise InputError(other) from None
        raise InputError(
            f"{name}: not UTF-8 text (invalid byte 0x{data[err.start]:02x} at offset {err.start});"
            " re-save it as UTF-8"
        ) from None


def _looks_utf16(data: bytes) -> bool:
    sample = data[:2000]
    quarter = len(sample) // 4
    return len(sample) >= 4 and (sample[1::2].count(0) > quarter or sample[0::2].count(0) > quarter)


def markdown_document(name: str, text: str) -> Document:
    meta: dict[str, Any] = {}
    body_start = 0
    date, note = None, None
    lead = _LEADING_COMMENTS.match(text)
    start = lead.end() if lead else 0
    match = _FRONT_MATTER.match(text, start)
    if match:
        block, lines_before = match["body"] or "", text[:start].count("\n")
        meta = frontmatter.load(name, block, lines_before)
        frontmatter.check_suppression_key(name, meta, block, lines_before)
        date, note = frontmatter.meta_date(name, meta, block, lines_before)
        body_start = match.end()
    elif _OPENING.match(text, start):
        line = text[:start].count("\n") + 1
        raise InputError(f"{name}:{line}: front matter is not closed with a '---' line")
    skip = skips.skipped(text, body_start)
    title = meta.get("title")
    return with_soft_breaks(
        Document(
            id=name,
            text=text,
            path=_path_or_none(name),
            title=str(title) if title is not None else None,
            format="markdown",
            date=date,
            date_source="front_matter" if date else "none",
            date_note=note,
            body_start=body_start,
            skip=skip,
            metadata=meta,
        )
    )


def html_document(name: str, raw: str) -> Document:
    """Main text and publication date of a page. Scripts are never run and nothing is fetched."""
    import trafilatura
    from htmldate import find_date

    text = trafilatura.extract(raw, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        text = trafilatura.html2txt(raw) or ""
    if not text.strip():
        raise InputError(f"{name}: the page has no main text to check")
    meta = trafilatura.extract_metadata(raw)
    title = getattr(meta, "title", None) if meta is not None else None
    found = None
    try:
        found = find_date(raw, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises assorted parser errors on broken pages
        # The date is optional: no parser error of htmldate's may stop the page being read.
        found = None
    date = parse_date(found) if found else None
    return Document(
        id=name,
        text=text,
        path=_path_or_none(name),
        title=title,
        format="html",
        date=date,
        date_source="html" if date else "none",
        date_note="publication date in the page's metadata" if date else None,
        source=raw,
    )


def _jsonl_documents(name: str, text: str) -> Iterator[Document | Unreadable]:
    seen_any = False
    # Split on \n only: str.splitlines() would also cut at U+2028 and friends, which JSON allows
    # raw inside strings, and every later line number would be off.
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        seen_any = True
        try:
            yield jsonl_document(name, number, line)
        except InputError as err:
            yield Unreadable(f"{name}:{number}", str(err))
    if not seen_any:
        yield Unreadable(name, f"{name}: empty input, no JSON lines to read")


def jsonl_document(name: str, number: int, line: str) -> Document:
    """Line `number` of the JSON-lines batch `name`; an InputError says what is wrong with it."""
    where = f"{name}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise InputError(f"{where}: not valid JSON ({err.msg} at column {err.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: not valid JSON (nested too deep)") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: each line must be a JSON object")
    return record_document(record, name, number)


def _lone_surrogate(record: dict[str, Any]) -> str | None:
    """The field of a record holding a lone surrogate ("\\ud800" is legal JSON, but no
    character: every UTF-8 writer downstream, and the worker pool's pipe, would die on it)."""
    for key, value in record.items():
        text = json.dumps([key, value], ensure_ascii=False, default=str)
        if _SURROGATE.search(text):
            return ascii(key)[1:-1] if _SURROGATE.search(key) else key
    return None


_SURROGATE = re.compile("[\ud800-\udfff]")


def record_document(record: dict[str, Any], name: str, number: int) -> Document:
    """One `{"id", "text", "date"?, "title"?}` record, line (or row) `number` of `name`: the same
    Document whether it came from a JSON line, a Parquet row or a cluster partition."""
    where = f"{name}:{number}"
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        raise InputError(f"{where}: needs a non-empty string field 'text'")
    odd = _lone_surrogate(record)
    if odd is not None:
        raise InputError(f"{where}: '{odd}' holds a lone surrogate (\\ud800-\\udfff), not text")
    doc_id = record.get("id", where)
    if not isinstance(doc_id, str | int):
        raise InputError(f"{where}: 'id' must be a string")
    date = parse_date(record.get("date")) if record.get("date") is not None else None
    if record.get("date") is not None and date is None:
        raise InputError(f"{where}: 'date' must be an ISO date such as 2022-01-12")
    title = record.get("title")
    return with_soft_breaks(
        Document(
            id=str(doc_id),
            text=body,
            path=_path_or_none(name),
            title=str(title) if title is not None else None,
            format="jsonl",
            date=date,
            date_source="jsonl" if date else "none",
            date_note=f"'date' on line {number}" if date else None,
            metadata={k: v for k, v in record.items() if k not in ("text",)},
            file_line=number,
        )
    )
