"""Country names, demonyms and Wikidata ids, read once from the bundled countries table
(claimcheck/data/countries.csv: its `names`, `demonyms` and `wikidata` columns), for telling a
place or a nationality from a person's name, for resolving "the Dutch manager" to the
Netherlands, and for linking the country to its item without a search."""

from __future__ import annotations

import csv
import functools
from importlib import resources

# How news makes an adjective of a country's name when the table lists none: Uganda → Ugandan,
# Sri Lanka → Sri Lankan, Tajikistan → Tajik, Sudan → Sudanese.
_SUFFIXES = ("n", "an", "ian", "ese", "i", "ish")
# Countries that no longer exist have no row in the table but do in people's lives (citizenship);
# they have no id here and are linked by their name.
HISTORICAL = {
    "Soviet": "Soviet Union",
    "Yugoslav": "Yugoslavia",
    "Czechoslovak": "Czechoslovakia",
    "East German": "East Germany",
}


@functools.lru_cache(maxsize=1)
def _rows() -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    table = resources.files("claimcheck.data").joinpath("countries.csv")
    with table.open(encoding="utf-8") as f:
        return tuple(
            (
                tuple(n for n in row["names"].split("|") if n),
                tuple(d for d in (row.get("demonyms") or "").split("|") if d),
            )
            for row in csv.DictReader(f)
        )


@functools.lru_cache(maxsize=1)
def country_ids() -> dict[str, str]:
    """Every name of a country (and its common name) → its Wikidata item id."""
    table = resources.files("claimcheck.data").joinpath("countries.csv")
    with table.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r.get("wikidata")]
    return {n: r["wikidata"] for r in rows for n in r["names"].split("|") if n}


def country_id(name: str) -> str | None:
    return country_ids().get(name)


@functools.lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    return frozenset(n for names, _ in _rows() for n in names)


def _common_name(names: tuple[str, ...]) -> str:
    """The name to search a country by: not an abbreviation ("UK"), the shortest of the rest."""
    spelled = [n for n in names if not n.isupper()] or list(names)
    return min(spelled, key=len)


@functools.lru_cache(maxsize=1)
def demonym_countries() -> dict[str, str]:
    """Demonym → the country's common name: the table's own, then the derived forms."""
    out: dict[str, str] = {}
    for names, _listed in _rows():
        for name in names:
            for form in _derived(name):
                out.setdefault(form, _common_name(names))
    for names, listed in _rows():
        for form in listed:
            out[form] = _common_name(names)
    return {**out, **HISTORICAL}


def _derived(name: str) -> set[str]:
    forms = {name + s for s in _SUFFIXES}
    for end in ("a", "ia", "y", "e"):
        if name.endswith(end):
            forms |= {name[: -len(end)] + s for s in _SUFFIXES}
    if name.endswith("istan"):
        forms.add(name[: -len("istan")])
    return forms - {name}


def is_country(words: str) -> bool:
    return words in country_names()


def is_demonym(words: str) -> bool:
    return words in demonym_countries()


def country_of(demonym: str) -> str | None:
    return demonym_countries().get(demonym)
