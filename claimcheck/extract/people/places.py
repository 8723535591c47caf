"""Country names and demonyms for telling a place or a nationality from a person's name, read
once from the bundled countries table (claimcheck/data/countries.csv)."""

from __future__ import annotations

import csv
import functools
from importlib import resources

# How news makes an adjective of a country's name: Uganda → Ugandan, Sri Lanka → Sri Lankan,
# Tajikistan → Tajik, Sudan → Sudanese. Irregular ones the table's demonym column names.
_SUFFIXES = ("n", "an", "ian", "ese", "i", "ish")


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    names: set[str] = set()
    with resources.files("claimcheck.data").joinpath("countries.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            names.update(n for n in row["names"].split("|") if n)
    return frozenset(names)


@functools.lru_cache(maxsize=1)
def demonyms() -> frozenset[str]:
    out: set[str] = set()
    for name in country_names():
        out.update(name + s for s in _SUFFIXES)
        for end in ("a", "ia", "y", "e"):
            if name.endswith(end):
                out.update(name[: -len(end)] + s for s in _SUFFIXES)
        if name.endswith("istan"):
            out.add(name[: -len("istan")])
    return frozenset(out)


def is_country(words: str) -> bool:
    return words in country_names()


def is_demonym(words: str) -> bool:
    return words in demonyms()
