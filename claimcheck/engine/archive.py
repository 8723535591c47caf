"""An archive of input records for a cluster run: JSON-lines or Parquet files, named as a file, a
folder (read recursively, sorted) or a glob; cut into partitions a worker reads on its own.

A partition is a file and a range of its lines (JSON lines) or rows (Parquet); the driver only
counts them, the worker reads them. A JSON line goes to the entry point as read, so a line that
is not a valid record fails with the very message a local run gives.
"""

from __future__ import annotations

import glob as globbing
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError, UsageError

JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
DEFAULT_PARTITION_SIZE = 200  # documents at most: the driver holds a partition's records at once
FLOOR_BYTES = 16_000  # the smallest partition: some 2,500 words, a second's work against a
# task's few milliseconds of scheduling


@dataclass(frozen=True)
class Partition:
    path: str
    start: int  # 0-based index of the first line (or row) in the file
    stop: int

    @property
    def parquet(self) -> bool:
        return Path(self.path).suffix.lower() in PARQUET_SUFFIXES


def archive_files(specs: list[str]) -> list[str]:
    """The JSON-lines and Parquet files the given files, folders and globs name, in order."""
    files: list[str] = []
    for spec in specs:
        path = Path(spec)
        if path.is_dir():
            found = sorted(
                str(p)
                for p in path.rglob("*")
                if p.is_file() and _readable(p) and not _hidden(p.relative_to(path))
            )
        elif path.is_file():
            found = [spec]
        else:
            found = sorted(p for p in globbing.glob(spec, recursive=True) if _readable(Path(p)))
        if not found:
            raise InputError(f"{spec}: no JSON-lines or Parquet files to read")
        files.extend(found)
    return files


def _readable(path: Path) -> bool:
    return path.suffix.lower() in JSONL_SUFFIXES + PARQUET_SUFFIXES


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def partitions(files: list[str], workers: int) -> list[Partition]:
    """Ranges of records of about equal text, getting smaller towards the end (guided
    scheduling): each takes a 4*workers-th of the bytes still to cut, at least FLOOR_BYTES (less
    in a small archive, so every worker still gets several) and at most DEFAULT_PARTITION_SIZE
    records. A count of documents says little of their cost (the corpus's run from 900 to
    170,000 characters); equal text keeps the workers equally busy, and small last partitions
    let them finish together rather than one parsing a large last partition alone."""
    remaining = sum(_byte_count(file) for file in files)
    divisor = 4 * max(workers, 1)
    floor = max(1, min(FLOOR_BYTES, remaining // (2 * divisor)))
    parts: list[Partition] = []
    for file in files:
        start = held = count = 0
        target = max(floor, remaining // divisor)
        for count, weight in enumerate(_record_bytes(file), start=1):
            held += weight
            if held >= target or count - start >= DEFAULT_PARTITION_SIZE:
                parts.append(Partition(file, start, count))
                remaining -= held
                start, held = count, 0
                target = max(floor, remaining // divisor)
        if start < count:
            parts.append(Partition(file, start, count))
            remaining -= held
    return parts


def _byte_count(file: str) -> int:
    try:
        if Path(file).suffix.lower() in PARQUET_SUFFIXES:
            return sum(_record_bytes(file))
        return Path(file).stat().st_size
    except OSError as err:
        raise InputError(f"{file}: cannot read ({err})") from None


def _record_bytes(file: str) -> Iterator[int]:
    """Each record's size: a JSON line's bytes, read as a stream; a Parquet row's share of its
    file's uncompressed size (the metadata has no per-row size)."""
    try:
        if Path(file).suffix.lower() in PARQUET_SUFFIXES:
            import pyarrow.parquet as pq

            meta = pq.ParquetFile(file).metadata
            groups = (meta.row_group(i).total_byte_size for i in range(meta.num_row_groups))
            yield from [max(1, sum(groups) // max(meta.num_rows, 1))] * int(meta.num_rows)
            return
        with open(file, "rb") as handle:
            yield from (len(line) for line in handle)
    except (OSError, ValueError) as err:  # pyarrow's errors are ValueErrors (ArrowInvalid)
        raise InputError(f"{file}: cannot read ({err})") from None


def read_partition(part: Partition) -> Iterator[dict[str, Any]]:
    """The records of one partition, each with where it was read (`_origin`, `_number`)."""
    if part.parquet:
        yield from _parquet_rows(part)
        return
    # Bytes split on \n only, as a local run splits: U+2028 and a lone \r stay inside a line.
    with open(part.path, "rb") as handle:
        for number, raw in enumerate(islice(handle, part.start, part.stop), part.start + 1):
            where = {"_origin": part.path, "_number": number}
            try:
                text = raw.decode("utf-8").removeprefix("\ufeff").rstrip("\n").removesuffix("\r")
            except UnicodeDecodeError:
                yield {**where, "_error": f"{part.path}:{number}: not UTF-8 text"}
                continue
            if text.strip():
                yield {**where, "_line": text}


def _parquet_rows(part: Partition) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.read_table(part.path).slice(part.start, part.stop - part.start)
    for number, row in enumerate(table.to_pylist(), part.start + 1):
        # Nested, not merged: a column named like a reader key (`_error`, `_line`) is data.
        yield {"_row": row, "_origin": part.path, "_number": number}


def check_format(fmt: str, output: str | None) -> str:
    if fmt not in ("jsonl", "parquet"):
        raise UsageError(f"--engine dask writes jsonl or parquet, not '{fmt}'")
    if fmt == "parquet" and output in (None, "-"):
        raise UsageError("--format parquet needs --output DIR (records stream to stdout as jsonl)")
    return fmt
