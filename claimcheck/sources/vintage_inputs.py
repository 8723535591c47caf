"""`snapshot build` inputs that hold past releases of statistics: saved answers of the WDI
Database Archives (World Bank API source 57) and vintage CSVs, a file or a folder of them.

Both become vintaged series lines beside the current ones, and one header per indicator marked
`"vintages": true` (so it never replaces the header of today's data):

    {"indicator": "FP.CPI.TOTL.ZG", "title": "...", "credit": "...", "vintages": true, ...}
    {"series": "FP.CPI.TOTL.ZG", "country": "GRC", "name": "Greece", "vintage": "2024-03",
     "values": {"2022": "9.64525981280632"}}

A vintage CSV has exactly the columns `indicator,country,year,value,vintage` (docs/
statistics-vintages.md), so any publisher's release history loads without code. Only the
indicators claimcheck maps are kept, as for WDI folders. A malformed row is an error naming the
file and line, and so is an input that yields no series at all: a build must never say "wrote 0"
and succeed.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError
from claimcheck.sources.countries import Countries
from claimcheck.sources.worldbank_archives import (
    CREDIT,
    LICENCE,
    SOURCE_ID,
    NotAnArchiveAnswer,
    is_archive,
    parse_answer,
)
from claimcheck.sources.worldbank_indicators import BY_CODE

Doc = Mapping[str, Any]
CSV_COLUMNS = ("indicator", "country", "year", "value", "vintage")
ARCHIVES_URL = f"https://api.worldbank.org/v2/sources/{SOURCE_ID}"
SNIFF_BYTES = 8192
_SNIFF = re.compile(r'"WDI Database Archives"|"concept"\s*:\s*"version"', re.IGNORECASE)
_CODE = re.compile(r"^[A-Z0-9]+(\.[A-Z0-9]+)+$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
_YEAR = re.compile(r"^[0-9]{4}$")
_VINTAGE = re.compile(r"^([0-9]{4})-(0[1-9]|1[0-2])$")


def recognises(path: Path) -> bool:
    """A saved source-57 answer, a vintage CSV, or a folder holding one."""
    if path.is_dir():
        return any(_kind(item) is not None for item in _files(path))
    return _kind(path) is not None


def documents(path: Path, other: Callable[[Path], Iterable[Doc]]) -> Iterator[Doc]:
    """The vintaged series of a file or folder; a folder's other files go to `other` (the
    build's reader of entity documents)."""
    found = Found()
    for item in _files(path) if path.is_dir() else [path]:
        kind = _kind(item)
        if kind is None:
            yield from other(item)
        elif kind == "versions":
            if not path.is_dir():  # in a folder beside the answers it is simply no data
                raise InputError(
                    f"{item} is the list of source-57 releases, no values: nothing to build"
                )
        elif kind == "csv":
            kept = found.read(_csv_rows(item), f"vintage CSV {item.name}")
            _require(kept, item, "no row of an indicator", found.last_unmapped)
        elif not found.read(_archive_rows(item), CREDIT) and not path.is_dir():
            _require(False, item, "no value of an indicator", found.last_unmapped)
    if path.is_dir():
        what = "no source-57 value or vintage CSV row of an indicator"
        _require(bool(found.series), path, what, found.unmapped)
    yield from found.documents()


def _require(ok: bool, path: Path, what: str, unmapped: set[str]) -> None:
    if not ok:
        held = f"it holds {', '.join(sorted(unmapped))} only; " if unmapped else ""
        raise InputError(
            f"{path}: {what} claimcheck checks ({held}those are {', '.join(sorted(BY_CODE))}); "
            "nothing to build"
        )


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _kind(path: Path) -> str | None:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        names = set(_csv_header(path))
        return "csv" if "vintage" in names or {"indicator", "country", "year"} <= names else None
    if suffix == ".json" and _SNIFF.search(_head(path)):
        data = _read_json(path)
        if is_archive(data):
            return "versions" if isinstance(data.get("source"), list) else "archive"
    return None


def _head(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return handle.read(SNIFF_BYTES).decode("utf-8", "replace")
    except OSError as err:
        raise InputError(f"cannot read {path}: {err}") from None


def _csv_header(path: Path) -> list[str]:
    line = _head(path).lstrip("\ufeff").splitlines()[:1]
    return [name.strip().strip('"').lower() for name in (line[0].split(",") if line else [])]


def _read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
        return json.loads(text, parse_float=Decimal, parse_constant=_no_constant)
    except (OSError, UnicodeDecodeError, ValueError) as err:
        raise InputError(f"cannot read {path}: {err}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"non-standard JSON constant {name}")


@dataclass(frozen=True)
class Row:
    """One value of one release, with where it was read ('x.csv, line 4', 'y.json, row 12')."""

    code: str
    country: str
    name: str
    vintage: str
    year: int
    value: str
    where: str


def _archive_rows(path: Path) -> Iterator[Row]:
    data = _read_json(path)
    try:
        meta, rows = parse_answer(data)
    except NotAnArchiveAnswer as err:
        raise InputError(f"{path}: not a source-57 answer of the expected shape: {err}") from None
    for number, row in enumerate(rows, 1):
        if row.value is not None:
            where = f"{path}, row {number}"
            yield Row(
                row.series.upper(),
                row.country,
                row.country_name,
                row.vintage,
                row.year,
                str(row.value),
                where,
            )


def _csv_rows(path: Path) -> Iterator[Row]:
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [name.strip().lower() for name in next(reader, [])]
            if sorted(header) != sorted(CSV_COLUMNS):
                raise InputError(
                    f"{path}, line 1: the columns must be exactly {','.join(CSV_COLUMNS)}; "
                    f"found {','.join(header) or 'none'}"
                )
            for cells in reader:
                found = _csv_row(
                    path, reader.line_num, dict(zip(header, cells, strict=False)), cells
                )
                if found is not None:
                    yield found
    except (OSError, UnicodeDecodeError, csv.Error) as err:
        raise InputError(f"cannot read {path}: {err}") from None


def _csv_row(path: Path, line: int, row: dict[str, str], cells: list[str]) -> Row | None:
    """The row's value; None for a blank line or a row without a value (none published)."""

    def bad(what: str) -> InputError:
        return InputError(f"{path}, line {line}: {what}")

    if not any(cell.strip() for cell in cells):
        return None
    if len(cells) != len(CSV_COLUMNS):
        raise bad(f"{len(cells)} fields, expected {len(CSV_COLUMNS)} ({','.join(CSV_COLUMNS)})")
    code, country = row["indicator"].strip().upper(), row["country"].strip().upper()
    year, value, vintage = row["year"].strip(), row["value"].strip(), row["vintage"].strip()
    if not _CODE.match(code):
        raise bad(f"indicator '{row['indicator']}' is not a WDI code such as NY.GDP.MKTP.KD.ZG")
    if not _COUNTRY.match(country):
        raise bad(f"country '{row['country']}' is not an ISO 3166 alpha-3 code such as GBR")
    if not _YEAR.match(year):
        raise bad(f"year '{row['year']}' is not a year such as 2004")
    if not _VINTAGE.match(vintage):
        raise bad(f"vintage '{row['vintage']}' is not a release month such as 2005-04")
    if int(vintage[:4]) <= int(year):
        # A value published before its year ended is a forecast, not the year's figure.
        raise bad(f"vintage {vintage} is not after {year} ended: a forecast, not a published value")
    if not value:
        return None
    if not _finite(value):
        raise bad(f"value '{row['value']}' is not a finite decimal number such as 8.4")
    name = Countries.bundled().area_name(country)
    return Row(code, country, name, vintage, int(year), value, f"{path}, line {line}")


def _finite(text: str) -> bool:
    try:
        return Decimal(text).is_finite()
    except InvalidOperation:
        return False


@dataclass
class Found:
    """The series gathered so far, keyed by (indicator, country, vintage); a second, different
    value for one year is an error naming both places."""

    series: dict[tuple[str, str, str], dict[str, Any]] = field(default_factory=dict)
    seen: dict[tuple[str, str, str, int], tuple[str, str]] = field(default_factory=dict)
    credits: dict[str, set[str]] = field(default_factory=dict)
    unmapped: set[str] = field(default_factory=set)  # indicators left out, for the error
    last_unmapped: set[str] = field(default_factory=set)  # those of the last input read

    def read(self, rows: Iterable[Row], credit: str) -> bool:
        """Keep the rows of mapped indicators; whether any was kept."""
        kept, self.last_unmapped = False, set()
        for row in rows:
            if row.code in BY_CODE:
                self._add(row)
                self.credits.setdefault(row.code, set()).add(credit)
                kept = True
            else:
                self.last_unmapped.add(row.code)
        self.unmapped |= self.last_unmapped
        return kept

    def _add(self, row: Row) -> None:
        key = (row.code, row.country, row.vintage, row.year)
        earlier = self.seen.get(key)
        if earlier is not None and Decimal(earlier[0]) != Decimal(row.value):
            raise InputError(
                f"{row.where}: {row.code} {row.country} {row.year} in the {row.vintage} release is "
                f"{row.value}, but {earlier[0]} at {earlier[1]}"
            )
        self.seen.setdefault(key, (row.value, row.where))
        entry = self.series.setdefault(
            (row.code, row.country, row.vintage), {"name": row.name, "values": {}}
        )
        entry["values"].setdefault(str(row.year), row.value)

    def documents(self) -> Iterator[Doc]:
        for code in sorted({key[0] for key in self.series}):
            yield header(code, sorted(self.credits[code]))
        for (code, country, vintage), entry in sorted(self.series.items()):
            values = dict(sorted(entry["values"].items()))
            yield {
                "series": code,
                "country": country,
                "name": entry["name"],
                "vintage": vintage,
                "values": values,
            }


def header(code: str, credits: list[str]) -> Doc:
    """The header of an indicator's past releases: where they come from, and their licence."""
    archives = CREDIT in credits
    return {
        "indicator": code,
        "title": BY_CODE[code].title,
        "credit": "; ".join(credits),
        "licence": LICENCE if archives and len(credits) == 1 else None,
        "url": ARCHIVES_URL if archives else None,
        "vintages": True,
    }
